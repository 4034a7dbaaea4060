// What the core has to tell the analyst when a notebook opens, as data: a code and its params.
// The renderer words them (renderer/src/lib/notices.ts); times are ISO strings, worded there in
// the analyst's own time zone. The codes are the keys of NoticeParams, listed once.

/** Why notebook.json itself was not used. */
export type NotebookProblem =
  /** There was no notebook.json. */
  | 'missing'
  /** It could not be read or is not a notebook. */
  | 'damaged'
  /** A valid but older copy: the journal beside it starts after it (a sync or backup tool put it back). */
  | 'older'
  /** It claims changes the journal beside it shows it doesn't have. */
  | 'ahead'
  /** Empty, while the backups and the journal hold records. */
  | 'empty';

/** Why a write failed, when the disk said so. */
export type StorageProblem = 'disk-full' | 'read-only' | 'permission' | 'disk-error';

/** A revision whose text (its body file) is missing or damaged. */
export interface UnreadableText {
  articleId: string;
  title: string;
  revision: number;
  problem: 'missing' | 'damaged';
}

export interface NoticeParams {
  /** notebook.json could not be used as it was: a copy was, plus every change saved after it. */
  'notebook-restored': {
    problem: NotebookProblem;
    /** The name notebook.json was kept under, when there was one. */
    keptAs?: string;
    /** notebook.json itself when no other copy did better (a copy of it as it was is kept). */
    source: 'notebook' | 'backup' | 'restore-point';
    /** When that copy was saved. */
    savedAt: string;
    /** Saved changes applied on top of it from the journal. */
    replayed: number;
    /** Every change saved since that copy was there (else a changes-* notice says what wasn't). */
    complete: boolean;
    /** Other copies that could not be used either, by the names they were kept under. */
    alsoKept: string[];
  };
  /** No copy of the notebook could be used: it was rebuilt from the journal alone (maybe empty). */
  'notebook-rebuilt': {
    problem: NotebookProblem;
    keptAs?: string;
    alsoKept: string[];
    replayed: number;
    /** When the earliest of those changes was saved, if known. */
    since?: string;
  };
  /** The notebook was in an older format and was upgraded; the old file is kept. */
  'notebook-upgraded': { fromFormat: number; keptAs: string };
  /** Lines of one journal file that could not be read (every readable later line was applied). */
  'changes-unreadable': {
    journal: string;
    /** A copy of the journal as it was (absent if the disk refused to make one). */
    keptAs?: string;
    /** How many saved changes are lost. */
    changes: number;
    /** Their line numbers in the journal (1-based). */
    lines: number[];
    /** When they were saved: their own time if it could still be read... */
    at?: string;
    /** ...or the changes saved just before and after them. */
    after?: string;
    before?: string;
    /** What the damaged text still shows it held. */
    annotations: number;
    tags: number;
    articleTitles: string[];
  };
  /** Saved changes that are not in the journal at all (a journal file went missing). */
  'changes-missing': { count: number; after?: string; before?: string };
  /** Annotations whose article was lost, gathered in an article of their own so they stay visible. */
  'annotations-recovered': { count: number; articleId: string; title: string };
  /** Annotations whose article lost the revision they were made on: they wait in its review list. */
  'annotations-unplaced': { count: number; articleTitles: string[] };
  /** Article texts that are missing or damaged on disk. */
  'texts-unreadable': { texts: UnreadableText[] };
  /** A recovery worked in memory but could not be written to disk; it is done again next time. */
  'recovery-not-saved': { problem: StorageProblem | 'other' };
  /**
   * A copy of a notebook file a sync tool left beside it (store/sync-conflicts.ts): the copy's
   * ConflictedCopy fits these params as it is.
   */
  'conflicted-copy': {
    name: string;
    size: number;
    /** When it was last modified. */
    modified: string;
    /** Records it holds that the notebook lacks. */
    missing: { articles: number; annotations: number; tags: number };
    /** Why it can't be brought in, if it can't. */
    problem?: string;
  };
  /** The folder could not be searched for such copies. */
  'conflicted-copies-unchecked': { reason: string };
  /** The bundled sample article could not be added on first run. */
  'sample-not-added': { reason: string };
  /** The notebook was saved by a newer version of the app (shown by the host, which can't open it). */
  'newer-version': { format?: number };
  /**
   * The app's settings file could not be used (damaged, from a newer app, or unreadable): the
   * defaults are in use, and the file is kept under `keptAs` beside it.
   */
  'settings-reset': { problem: 'damaged' | 'newer' | 'unreadable'; keptAs?: string };
}

export type NoticeCode = keyof NoticeParams;

/** One notice: its code and that code's params. */
export type Notice = { [C in NoticeCode]: { code: C; params: NoticeParams[C] } }[NoticeCode];

/** Builds a notice, checking its params against its code. */
export const notice = <C extends NoticeCode>(code: C, params: NoticeParams[C]) =>
  ({ code, params }) as Extract<Notice, { code: C }>;
