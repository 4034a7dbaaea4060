// The one list of renderer-to-core calls: each call's name, what it takes, what it answers, and
// what it does. No zod here: the preload and the renderer carry only these names and types. The
// runtime checks of every input live beside the dispatcher (electron/core/schemas), which is
// checked at compile time against the input types declared here.
import type {
  Analyst,
  Annotation,
  ArticleDetails,
  CodebookEvent,
  CitationField,
  Article,
  ArticleRecord,
  ArticleSummary,
  ExportFile,
  ExportFormat,
  Span,
  Tag,
  TagGuidanceFields,
  TagWithCount,
} from './model';
import type { Analysis, AnalysisQuery, Coverage, FigureFile, NotebookFilter } from './analysis';
import type { CommandId } from './commands';
import type {
  CodeHitsOutcome,
  CodeHitsRequest,
  OccurrenceQuery,
  Occurrences,
  SearchQuery,
  SearchResults,
} from './search';
import type { ImportPreview, TextEncodingName } from './import-formats';
import type {
  CodeConflictChoice,
  ProjectImportReport,
  ProjectPreview,
  ReviewExportChoice,
} from './interchange';
import type { AnnotationImportFormat, AnnotationImportReport } from './annotation-import';
import type { Progress } from './progress';
import type { ReportRequest } from './report';
import type { AppSettings } from './settings';
import type { Notice } from './notices';
import type {
  AdjudicateOutcome,
  AdjudicateRequest,
  Agreement,
  AgreementQuery,
  Disagreement,
  DisagreementQuery,
} from './agreement';
import type { MergeChoice, MergeConflict, MergePreview, MergeReport } from './merge';
import type { SyncConfigInput, SyncInfo } from './sync';
import type { OpenedFiles } from './open-files';

export type { Notice, NoticeCode, NoticeParams } from './notices';
export type { Progress } from './progress';
export type { OpenedFiles, RefusedFile } from './open-files';

/** A file the analyst picked: its bare name (never a path) and its bytes. */
export interface PickedFile {
  fileName: string;
  bytes: Uint8Array;
  /**
   * The text encoding to decode it with (a name from TEXT_ENCODINGS); absent: decided from the
   * file (byte-order mark, declared charset, UTF-8, then a detector).
   */
  encoding?: TextEncodingName;
}

/**
 * Where an export went: saved by a native dialog (Electron), cancelled, or handed back for the
 * browser to download. `leftOut`: titles of articles a whole-notebook export left out because
 * their text can't be read (the file says so too, where its format has room for a line).
 */
export type OriginalOutcome =
  { kind: 'opened' } | { kind: 'download'; fileName: string; mimeType: string; bytes: Uint8Array };

export type ExportOutcome =
  | ({ kind: 'saved'; path: string } & ExportLeftOut)
  | { kind: 'cancelled' }
  | ({ kind: 'download'; file: ExportFile } & ExportLeftOut);

/** What an export had to leave out, said after it (see ExportOutcome). */
export interface ExportLeftOut {
  leftOut?: string[];
  /** A REFI-QDA project's annotations awaiting review, left out as the analyst chose. */
  leftOutForReview?: number;
}

/** What a new revision did to the article's annotations. */
export interface RevisionOutcome {
  article: ArticleSummary;
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export interface Startup {
  /**
   * Things the analyst must hear about at start, e.g. a damaged notebook restored from backup;
   * structured, so the renderer words them (renderer/src/lib/notices.ts).
   */
  notices: Notice[];
  /** Who is coding in this notebook; absent until the first-run question is answered. */
  analyst?: Analyst;
  /** A name to offer when asking (the account's user name), so Enter alone answers. */
  suggestedAnalystName: string;
}

/** What undo and redo would do next, named as the analyst did it ("Merge tags"); absent: nothing. */
export interface HistoryState {
  undo?: string;
  redo?: string;
}

/** Inputs are plain objects: an intersection spelled out, so it reads (and checks) as one shape. */
type Flat<T> = { [K in keyof T]: T[K] };
type Call<Input, Result> = { input: Flat<Input>; result: Result };
type NoInput = Record<string, never>;

/** Every call. The doc comment on each is the call's specification. */
export interface Calls {
  /** Messages gathered while the notebook opened (recoveries, migrations). */
  getStartup: Call<NoInput, Startup>;

  /** Every article, newest import first, with its annotation count. */
  listArticles: Call<NoInput, ArticleSummary[]>;

  /** One article with its text, blocks, marks and memo. */
  getArticle: Call<{ id: string }, Article>;

  /** One article's record without its text: details, memo, revisions (cheap to re-read). */
  getArticleRecord: Call<{ id: string }, ArticleRecord>;

  /**
   * How a file would import, without saving anything: the format, the encoding that would be used
   * (and how sure that is), other plausible encodings, and the start of the decoded text.
   */
  previewImport: Call<PickedFile, ImportPreview>;

  /**
   * Import a file the analyst picked (PDF, Word, EPUB, OpenDocument, a saved page, Markdown,
   * text: told by its content). The renderer sends the bytes and the bare file name only, never a
   * path. Empty, unreadable, oversized or unsupported files are refused in words. A file already
   * in the notebook (the same bytes, or the same text) is refused as a conflict carrying
   * `duplicateOf`, unless `allowDuplicate` asks to import it again.
   */
  importFile: Call<PickedFile & { allowDuplicate?: boolean }, ArticleSummary>;

  /**
   * The file an article was imported from, byte for byte (the newest revision's that has one).
   * Electron opens it in the system's viewer; the browser host hands it over as a download.
   * not-found when the article was pasted or written here.
   */
  openOriginal: Call<{ id: string }, OriginalOutcome>;

  /** Import pasted plain text; the title defaults to its first line. */
  importText: Call<{ text: string; title?: string; source?: string }, ArticleSummary>;

  /** Change an article's title, authors, publication date and source (they feed citations). */
  updateArticleDetails: Call<
    { id: string } & Omit<ArticleDetails, CitationField> &
      Partial<Pick<ArticleDetails, CitationField>>,
    ArticleSummary
  >;

  /**
   * Set all of an article's attributes (outlet, country, period: any key the analyst adds);
   * a key left out is removed. Keys and values are one line each; a value may be empty.
   */
  setArticleAttributes: Call<{ id: string; attributes: Record<string, string> }, ArticleSummary>;

  /** Delete an article together with its annotations. */
  deleteArticle: Call<{ id: string }, { deletedAnnotations: number }>;

  /**
   * Save the analyst's edit of an article's text as a new revision (the old text is kept) and
   * re-anchor its annotations; moved, fuzzy and orphaned ones wait in the review list.
   */
  editArticle: Call<{ id: string; text: string }, RevisionOutcome>;

  /** Import a newer version of a file over an article, as a new revision (see editArticle). */
  reimportArticle: Call<{ id: string } & PickedFile, RevisionOutcome>;

  /**
   * Read the article's kept original again with today's importers, as a new revision (the
   * annotations follow, as for any revision). A conflict when it reads the same as now.
   */
  rereadOriginal: Call<{ id: string }, RevisionOutcome>;

  /** Replace an article's memo (Markdown). */
  setMemo: Call<{ articleId: string; memo: string }, { memo: string }>;

  /** The annotations of one article in reading order. */
  listAnnotations: Call<{ articleId: string }, Annotation[]>;

  /** The annotations with these ids that still exist (a changed event names ids; this reads them). */
  getAnnotations: Call<{ ids: string[] }, Annotation[]>;

  /**
   * Annotate [start, end) of an article. Tags are given by name: an existing tag matches its name
   * (trimmed, NFC, ignoring case), a new name creates a tag.
   */
  createAnnotation: Call<
    { articleId: string; tagNames: string[]; comment: string } & Span,
    Annotation
  >;

  /** Change an annotation's tags (by name, as in createAnnotation) and comment. */
  updateAnnotation: Call<{ id: string; tagNames: string[]; comment: string }, Annotation>;

  /** Delete an annotation; the result is what was deleted, so the UI can undo. */
  deleteAnnotation: Call<{ id: string }, Annotation>;

  /**
   * Many annotations at once (the panel's or a search's selection), in one commit and one undo
   * step: add tags (by name or path, as in createAnnotation) and take tags away. The answer is
   * the annotations as they now are; ids that don't exist are refused before anything changes.
   */
  tagAnnotations: Call<
    { ids: string[]; addTagNames: string[]; removeTagIds: string[] },
    Annotation[]
  >;

  /** Delete many annotations in one commit and one undo step; the answer is how many went. */
  deleteAnnotations: Call<{ ids: string[] }, { deleted: number }>;

  /** Undo a delete: put a deleted annotation back (tags deleted meanwhile are dropped). */
  restoreAnnotation: Call<{ annotation: Annotation }, Annotation>;

  /** Review: accept where re-anchoring placed a moved or fuzzy annotation. */
  acceptPlacement: Call<{ id: string }, Annotation>;

  /** Review: attach an annotation to a passage the analyst selected in the current revision. */
  reattachAnnotation: Call<{ id: string } & Span, Annotation>;

  /** The codebook, by name, with the number of annotations per tag. */
  listTags: Call<NoInput, TagWithCount[]>;

  /**
   * Add a tag to the codebook, at the top or under `parentId`; the colour defaults to the next in
   * the palette. Names are unique among siblings (ignoring case) and hold no `/`.
   */
  createTag: Call<
    { name: string; parentId?: string; color?: string } & Partial<TagGuidanceFields>,
    Tag
  >;

  /**
   * Rename, recolour, describe or move a tag (`parentId: null` moves it to the top). A move keeps
   * its children and annotations with it; a tag can't move under itself or its own descendants.
   */
  updateTag: Call<
    {
      id: string;
      name?: string;
      color?: string;
      parentId?: string | null;
    } & Partial<TagGuidanceFields>,
    Tag
  >;

  /**
   * Move every annotation of `sourceId` to `targetId`, and the source's child tags under the
   * target, then delete the source tag.
   */
  mergeTags: Call<{ sourceId: string; targetId: string }, Tag>;

  /**
   * Make a new tag beside `id` (same parent and guidance) named `name`, and move the given
   * annotations of `id` to it: one tag that turned out to be two.
   */
  splitTag: Call<{ id: string; name: string; annotationIds: string[] }, Tag>;

  /**
   * Delete a tag. Its child tags move up to its parent. `keep`: its annotations stay, without this
   * tag. `delete`: annotations whose only tag it is are deleted too; others just lose it.
   */
  deleteTag: Call<
    { id: string; annotations: 'keep' | 'delete' },
    { deletedAnnotations: number; liftedChildren: number }
  >;

  /** The codebook's change log, oldest first. */
  listCodebookLog: Call<NoInput, CodebookEvent[]>;

  /** What undo and redo would do next. */
  getHistory: Call<NoInput, HistoryState>;

  /**
   * Undo the last change the analyst made (any writing call: annotations, tags and codebook
   * operations, memos, article edits and details, imports and deletes), as one new commit.
   */
  undo: Call<NoInput, { undone: string } & HistoryState>;

  /** Redo the last undone change. */
  redo: Call<NoInput, { redone: string } & HistoryState>;

  /** Everyone who has coded in this notebook. */
  listAnalysts: Call<NoInput, Analyst[]>;

  /**
   * Say who is coding: the first time, this creates the notebook's analyst; afterwards it changes
   * their name, initials or colour (the id stays, so their work stays theirs).
   */
  setAnalyst: Call<{ name: string; initials?: string; color?: string }, Analyst>;

  /**
   * Search every article's text, passages, comments, memos, tags and details through one index
   * (kept current with every change). The filter narrows passages and comments; with a tag,
   * analyst, date or review filter set, text hits are only those inside passages it keeps.
   */
  search: Call<SearchQuery, SearchResults>;

  /**
   * Every place the query's words occur in the articles' current text (filter as in search), each
   * with the span the scope would code, for "code all hits" to preview.
   */
  findOccurrences: Call<OccurrenceQuery, Occurrences>;

  /**
   * Code the chosen occurrences with the tags (named as in createAnnotation), in one change and
   * one undo step: a hit exactly on an existing annotation adds the tags to it. Refused, changing
   * nothing, when an article changed since the occurrences were found.
   */
  codeHits: Call<CodeHitsRequest, CodeHitsOutcome>;

  /** Tag frequencies, co-occurrence and the tag-by-article and tag-by-attribute matrices. */
  getAnalysis: Call<AnalysisQuery, Analysis>;

  /** Where each tag falls along one article's current text, for the coverage strip. */
  getCoverage: Call<{ articleId: string } & NotebookFilter, Coverage>;

  /**
   * Save a figure or a table the window drew (SVG, PNG or CSV): checked, then saved where the
   * native dialog says (Electron) or handed back for the browser to download.
   */
  saveFigure: Call<FigureFile, ExportOutcome>;

  /**
   * Export one article (or the whole notebook when articleId is absent), optionally only some tags.
   * A REFI-QDA project carries every passage (tagIds don't apply); `awaitingReview` says what it
   * does with annotations awaiting review (default: leave them out, counted in the outcome).
   */
  exportNotes: Call<
    {
      articleId?: string;
      format: ExportFormat;
      tagIds?: string[];
      awaitingReview?: ReviewExportChoice;
    },
    ExportOutcome
  >;

  /**
   * What a REFI-QDA project (.qdpx) or codebook (.qdc) would bring in, without saving anything:
   * its sources (and which match articles already here), counts, the codes that conflict with
   * tags of the notebook, and what the notebook can't hold. Read off the main loop.
   */
  previewProject: Call<PickedFile, ProjectPreview>;

  /**
   * Bring a REFI-QDA project or codebook into the notebook as one change and one undo step:
   * sources as articles, the code tree merged into the codebook (by GUID, then by path; each
   * conflict as `conflicts` says, by the code's GUID, default keep-ours), selections as
   * annotations with their codings, notes as comments and memos, users as analysts. A selection
   * whose positions can't be mapped exactly onto the text goes to review with its quote. Reports
   * progress (task 'import-project') while it runs.
   */
  importProject: Call<
    PickedFile & { conflicts?: Record<string, CodeConflictChoice> },
    ProjectImportReport
  >;

  /**
   * Bring annotations from another tool in, as one change and one undo step: W3C Web Annotation
   * JSON (a single annotation, an array, or a collection page) anchored by quote and position
   * onto `articleId`; or a CSV of passages (article, quote, tags, comment; header names as
   * spreadsheets write them) onto the articles its rows name, `articleId` where a row names none.
   * Quotes not found exactly go to review. `format` absent: told by the content.
   */
  importAnnotations: Call<
    PickedFile & { articleId?: string; format?: AnnotationImportFormat },
    AnnotationImportReport
  >;

  /**
   * A report of the coded material for the chosen tags and articles (passages grouped by the tag
   * tree with article, page and comment; the codebook with definitions; the analysis figures) as
   * one self-contained HTML file, a PDF or a Word document; saved as exportNotes saves.
   */
  exportReport: Call<ReportRequest, ExportOutcome>;

  /** The app's settings on this machine (theme, reader, spelling, updates). */
  getSettings: Call<NoInput, AppSettings>;

  /** Change some settings; the answer is all of them as they now are. Makes no undo step. */
  setSettings: Call<Partial<AppSettings>, AppSettings>;

  /**
   * Move the notebook folder to one the analyst chooses (a native folder dialog in Electron):
   * copied, verified file by file, reopened there, and only then the old folder left behind as
   * `<name>.moved-<time>`. Cancelled or refused: the notebook stays where it was, unchanged.
   */
  moveNotebook: Call<NoInput, { kind: 'moved'; path: string } | { kind: 'cancelled' }>;

  /** Where the notebook folder is, for the settings dialog and "Reveal data folder". */
  getDataFolder: Call<NoInput, { path: string }>;

  /**
   * How far the coders agree, per tag and article, per tag, per article and overall: percent
   * agreement, Cohen's kappa (two coders) and Krippendorff's alpha (any number), over the unit
   * asked. See shared/agreement.ts for how each figure is computed.
   */
  getAgreement: Call<AgreementQuery, Agreement>;

  /** Where two coders disagree, one stretch at a time, in article and text order. */
  getDisagreements: Call<DisagreementQuery, Disagreement[]>;

  /**
   * Decide one disagreement: keep A's passage, B's, both, neither, or an edited span. The result
   * goes into the consensus layer (an analyst of its own, made on first use) as annotations with
   * the tag, and the decision is remembered. One undo step. Refused (conflict) when the coding
   * changed since the disagreement was listed (its key no longer matches).
   */
  adjudicate: Call<AdjudicateRequest, AdjudicateOutcome>;

  /**
   * Copy into the consensus layer every passage the two coders made alike (the same span), with
   * the tags both gave it and their comments: what they agree on needs no adjudication, and
   * without it the layer would not be a whole coding. Spans the layer holds with a tag already
   * are left as they are. One undo step; nothing to copy makes none.
   */
  copyAgreedPassages: Call<{ coders: [string, string] }, AdjudicateOutcome>;

  /**
   * What bringing in another notebook folder would do, without changing anything: the host asks
   * which folder (a native dialog in Electron), reads it without taking its lock, and answers the
   * counts and the conflicts to decide. Cancelled: nothing asked.
   */
  previewMerge: Call<NoInput, MergePreview | { kind: 'cancelled' }>;

  /**
   * Bring the previewed notebook in as one change and one undo step, each conflict as `choices`
   * says (by the conflict's id; a conflict left out keeps ours). Refused (conflict) when the
   * token is not the last preview's or either notebook changed since.
   */
  applyMerge: Call<{ token: string; choices: Record<string, MergeChoice> }, MergeReport>;

  /** The replication's configuration (never the password) and how it is going. */
  getSync: Call<NoInput, SyncInfo>;

  /**
   * Configure replication with a CouchDB database: https required except on a loopback address;
   * the password goes to the host's secret store (Electron's safeStorage), never the notebook.
   * Enabled: starts at once. Makes no undo step.
   */
  setSync: Call<SyncConfigInput, SyncInfo>;

  /** Records the server reported in conflict, each side by side as a merge shows them. */
  listSyncConflicts: Call<NoInput, MergeConflict[]>;

  /** Decide sync conflicts (by conflict id); the choice replicates like any change. One undo step. */
  resolveSyncConflicts: Call<{ choices: Record<string, MergeChoice> }, { resolved: number }>;

  /**
   * Copies of the notebook's files that a sync tool left beside them (Dropbox, OneDrive,
   * Syncthing, Nextcloud, Google Drive, iCloud naming), each with what it holds that the notebook
   * lacks. Read afresh on every call.
   */
  listConflictedCopies: Call<NoInput, ConflictedCopy[]>;

  /**
   * Bring into the notebook, as one change, the records of one conflicted copy whose ids the
   * notebook lacks; nothing already in the notebook is overwritten. Annotations whose article is
   * not in the notebook, and articles whose text is not in the folder, are left out and counted.
   * Then the copy is renamed `<name>.merged-<time>` (never deleted), so it is not offered again.
   */
  bringInConflictedCopy: Call<{ name: string }, BroughtIn>;

  /**
   * What the reader and the annotation panel show of one article, in one compact answer: the
   * record, the current body unless its hash is one of `knownBodyHashes` (bodies never change
   * under a hash, so the caller keeps its copy), and with `annotations` the article's annotations
   * in reading order. Reading order, packing and unpacking: see ArticleView.
   */
  getArticleView: Call<
    { id: string; knownBodyHashes?: string[]; annotations?: boolean },
    ArticleView
  >;
}

export type CallName = keyof Calls;
/** What a caller sends, and (once it passed its schema) what a handler receives. */
export type CallInput<K extends CallName> = Calls[K]['input'];
export type CallResult<K extends CallName> = Calls[K]['result'];

/** The names at run time, for the preload and the IPC layer (checked complete below). */
export const CALL_NAMES = [
  'getStartup',
  'listArticles',
  'getArticle',
  'getArticleRecord',
  'previewImport',
  'importFile',
  'openOriginal',
  'importText',
  'updateArticleDetails',
  'setArticleAttributes',
  'deleteArticle',
  'editArticle',
  'reimportArticle',
  'rereadOriginal',
  'setMemo',
  'listAnnotations',
  'getAnnotations',
  'createAnnotation',
  'updateAnnotation',
  'deleteAnnotation',
  'tagAnnotations',
  'deleteAnnotations',
  'restoreAnnotation',
  'acceptPlacement',
  'reattachAnnotation',
  'listTags',
  'createTag',
  'updateTag',
  'mergeTags',
  'splitTag',
  'deleteTag',
  'listCodebookLog',
  'listAnalysts',
  'setAnalyst',
  'getHistory',
  'undo',
  'redo',
  'search',
  'findOccurrences',
  'codeHits',
  'getAnalysis',
  'getCoverage',
  'saveFigure',
  'exportNotes',
  'previewProject',
  'importProject',
  'importAnnotations',
  'exportReport',
  'getSettings',
  'setSettings',
  'moveNotebook',
  'getDataFolder',
  'listConflictedCopies',
  'bringInConflictedCopy',
  'getArticleView',
  'getAgreement',
  'getDisagreements',
  'adjudicate',
  'copyAgreedPassages',
  'previewMerge',
  'applyMerge',
  'getSync',
  'setSync',
  'listSyncConflicts',
  'resolveSyncConflicts',
] as const satisfies readonly CallName[];

// Fails to compile when a call is added to Calls but not to CALL_NAMES.
type Missing = Exclude<CallName, (typeof CALL_NAMES)[number]>;
export type CallNamesComplete = [Missing] extends [never] ? true : Missing;
const _complete: CallNamesComplete = true;
void _complete;

export interface CallError {
  /**
   * invalid-input: the payload failed the schema; not-found, conflict, bad-file: refused by the
   * core; storage: the disk refused (full, read-only, no permission; the message says which);
   * internal: a bug.
   */
  code: 'invalid-input' | 'not-found' | 'conflict' | 'bad-file' | 'storage' | 'internal';
  /** A sentence fit to show the analyst. */
  message: string;
  /** On an import refused because the file is in the notebook already: the article it is. */
  duplicateOf?: { id: string; title: string };
}

/** Every call answers with an envelope, so errors arrive as values the UI can show. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CallError };

/**
 * What a commit changed, pushed from the core to the renderer after every write (whoever made
 * it: this window, an undo, later a sync). Views refresh from it; ids, never records, so a
 * listener reads only what it shows.
 */
export interface ChangeNotice {
  /** Articles put or deleted. */
  articles: string[];
  /** Annotations put or deleted. */
  annotations: string[];
  /** The articles those annotations belong (or belonged) to. */
  annotationArticles: string[];
  /** Tags put or deleted. */
  tags: string[];
  /** The notebook's analysts or who is coding changed. */
  analyst?: true;
  /** The codebook's change log grew. */
  codebookLog?: true;
  /** Adjudication decisions were made or undone. */
  adjudications?: true;
}

/** What the preload exposes as `window.notebook` (and the browser host's bridge imitates). */
export type NotebookBridge = {
  [K in CallName]: (input: CallInput<K>) => Promise<Envelope<CallResult<K>>>;
} & {
  /** Subscribe to commands from the native menu; returns an unsubscribe function. */
  onMenuCommand(listener: (command: CommandId) => void): () => void;
  /** Subscribe to the core's changed events; returns an unsubscribe function. */
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
  /** Subscribe to the progress of long work in the core; returns an unsubscribe function. */
  onProgress(listener: (progress: Progress) => void): () => void;
  /** True where a native menu owns some shortcuts (Electron); the renderer then leaves them be. */
  readonly nativeMenu: boolean;
  /**
   * Subscribe to files the OS opened with the app (Electron only: the Dock icon, "Open with",
   * the command line); returns an unsubscribe function.
   */
  onOpenFiles?(listener: (opened: OpenedFiles) => void): () => void;
  /**
   * For the OS's recent documents: a file the window imported (Electron only; the preload looks
   * up its path and hands it to the main process, the page never sees it).
   */
  addRecentFile?(file: File): void;
};

/** The handlers a host implements: parsed input in, result out (errors thrown as NotebookError). */
export type Handlers = {
  [K in CallName]: (input: CallInput<K>) => Promise<CallResult<K>>;
};

/** IPC channel names: one per call, namespaced so nothing else collides with them. */
export const channelFor = (name: CallName) => `notebook:${name}`;
export const MENU_CHANNEL = 'notebook-menu';
export const CHANGED_CHANNEL = 'notebook-changed';
export const PROGRESS_CHANNEL = 'notebook-progress';

/** Counts of records by kind. */
export interface RecordCounts {
  articles: number;
  annotations: number;
  tags: number;
}

/** A copy of a notebook file a sync tool left beside it when two machines changed it at once. */
export interface ConflictedCopy {
  /** Its file name in the notebook folder: what bringInConflictedCopy takes. */
  name: string;
  /** A copy of notebook.json, or of a journal (journal-<n>.jsonl). */
  of: 'notebook' | 'journal';
  /** The sync tool whose naming it follows. */
  tool: 'dropbox' | 'onedrive' | 'syncthing' | 'nextcloud' | 'google-drive' | 'icloud';
  size: number;
  /** When it was last modified (ISO). */
  modified: string;
  /** Records it holds, by id, that the notebook lacks (a tag: nor one of the same name). */
  missing: RecordCounts;
  /** Why it can't be read or brought in (damaged, from a newer version); absent when it can. */
  problem?: string;
}

/** What bringInConflictedCopy did. */
export interface BroughtIn {
  added: RecordCounts;
  /** Left out, with a sentence for each kind of reason. */
  skipped: { articles: number; annotations: number; reasons: string[] };
  /** The copy's new name, `<name>.merged-<time>`. */
  renamedTo: string;
}

/**
 * Why a host could not open the notebook folder at start, for the host to put in words
 * (electron/main/startup-failure.ts).
 */
export type OpenFailure =
  | {
      kind: 'locked';
      /** Where the lock's holder runs, its process, its app and since when (ISO). */
      host: string;
      pid: number;
      owner: string;
      since: string;
      /** On this machine (a live process here) rather than another one sharing the folder. */
      sameHost: boolean;
      /** The lock's token: what an explicit "open here anyway" takes over, and nothing else. */
      token: string;
    }
  | { kind: 'newer-version'; message: string }
  | { kind: 'other'; message: string };

/**
 * getArticleView's answer. Packed because it is the biggest thing the window waits for: a 3 MB
 * article with 10k annotations was ~10 MB of JSON as records, and its thousands of small objects
 * are what costs most to send, clone and parse.
 */
export interface ArticleView {
  record: ArticleRecord;
  /** The current revision's body; absent when its hash was among the known ones. */
  body?: PackedBody;
  /** With `annotations: true`: every annotation of the article, in reading order. */
  annotations?: PackedAnnotation[];
  /** What a packed annotation's tag indexes point into. */
  tagIds?: string[];
  /** What a packed annotation's analyst indexes point into (Analyst ids). */
  analystIds?: string[];
  /** Characters of quote context on each side (what a packed annotation's prefix/suffix are). */
  quoteContext: number;
}

/** A body with its blocks and marks as runs of numbers. */
export interface PackedBody {
  hash: string;
  text: string;
  /** Three numbers a block: type (index into blockTypes), start - the previous block's end, length. */
  blocks: number[];
  blockTypes: Array<import('./model').BlockType>;
  /** The blocks with a level, a list number or a header row: [block index, level, number, header]. */
  blockAttrs: Array<[number, number | null, number | null, boolean]>;
  /** Four numbers a mark: type (index into markTypes), start, length, href (index into hrefs, or -1). */
  marks: number[];
  markTypes: Array<import('./model').MarkType>;
  hrefs: string[];
  /** Pages and chapters as they are: an article has a few hundred at most. */
  places?: Array<import('./model').Place>;
}

/**
 * An annotation anchored in the current revision, whose quote and context are exactly the text
 * there (the receiver slices them from the body): [id, start, end, tag indexes, comment,
 * createdAt, updatedAt (0: the same as createdAt), createdBy, updatedBy], the last two indexes
 * into analystIds (-1: nobody named), left off at the end when they are -1. Any other annotation
 * comes whole.
 */
export type PackedAnnotation =
  | [
      id: string,
      start: number,
      end: number,
      tags: number[],
      comment: string,
      createdAt: string,
      updatedAt: string | 0,
      createdBy?: number,
      updatedBy?: number,
    ]
  | Annotation;
