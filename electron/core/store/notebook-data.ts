// What the notebook holds on disk and in memory, the current format number, and where its files
// live. Shared by every store module; no I/O here.
import path from 'node:path';
import type {
  Adjudication,
  Analyst,
  Annotation,
  ArticleRecord,
  CodebookEvent,
  Peer,
  Tag,
  Tombstone,
} from '../../shared/model';

/** Bump when the stored shape changes, and register a migration from the old number. */
export const NOTEBOOK_VERSION = 2;

/** notebook.json, the lowdb file: every record but no article bodies (those live in bodies/). */
export interface NotebookData {
  version: typeof NOTEBOOK_VERSION;
  /** The last journal entry this file already contains; load replays only later ones. */
  journalSeq: number;
  articles: ArticleRecord[];
  annotations: Annotation[];
  tags: Tag[];
  /** Everyone who has coded in this notebook (added after format 2 first shipped: may be empty). */
  analysts: Analyst[];
  /** The codebook's operations, oldest first. */
  codebookLog: CodebookEvent[];
  /**
   * What deletes left, for merges and sync (added with the team issue, within format 2: an older
   * file has none, and a notebook saved by a version without them just forgets old deletes).
   */
  tombstones: Tombstone[];
  /** Adjudicated disagreements (added with the team issue, like tombstones). */
  adjudications: Adjudication[];
  /** Notebooks merged with by folder, and what was agreed then (added like tombstones). */
  peers: Peer[];
  /** The bundled sample article is added once, on first run only. */
  sampleSeeded: boolean;
  /** The analyst coding in this notebook now; absent until the first-run question is answered. */
  analystId?: string;
  /**
   * This notebook's own id, so another notebook or a sync server can tell it from others; given
   * the first time a merge or sync needs it (opening never writes for it).
   */
  notebookId?: string;
}

/**
 * The live notebook: records by id, in insertion order. A commit replaces records, never changes
 * one in place, and compaction relies on that: treat every record as read-only.
 */
export interface NotebookState {
  articles: Map<string, ArticleRecord>;
  annotations: Map<string, Annotation>;
  tags: Map<string, Tag>;
  analysts: Map<string, Analyst>;
  codebookLog: Map<string, CodebookEvent>;
  tombstones: Map<string, Tombstone>;
  adjudications: Map<string, Adjudication>;
  peers: Map<string, Peer>;
  meta: NotebookMeta;
}

export interface NotebookMeta {
  sampleSeeded: boolean;
  analystId?: string;
  notebookId?: string;
}

/** The collections of records, each by id: what puts and deletes address. */
export const COLLECTIONS = [
  'articles',
  'annotations',
  'tags',
  'analysts',
  'codebookLog',
  'tombstones',
  'adjudications',
  'peers',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** One absolute, idempotent change: replaying it twice gives the same state as once. */
export type Change =
  | { kind: 'put'; collection: 'articles'; record: ArticleRecord }
  | { kind: 'put'; collection: 'annotations'; record: Annotation }
  | { kind: 'put'; collection: 'tags'; record: Tag }
  | { kind: 'put'; collection: 'analysts'; record: Analyst }
  | { kind: 'put'; collection: 'codebookLog'; record: CodebookEvent }
  | { kind: 'put'; collection: 'tombstones'; record: Tombstone }
  | { kind: 'put'; collection: 'adjudications'; record: Adjudication }
  | { kind: 'put'; collection: 'peers'; record: Peer }
  | { kind: 'delete'; collection: CollectionName; id: string }
  | { kind: 'meta'; key: 'sampleSeeded'; value: boolean }
  | { kind: 'meta'; key: 'analystId'; value: string }
  | { kind: 'meta'; key: 'notebookId'; value: string };

/** One line of a journal file: the changes of one commit. */
export interface JournalEntry {
  seq: number;
  /** When it was committed (ISO); lines from before this was recorded have none. */
  at?: string;
  changes: Change[];
}

/**
 * A notebook with nothing in it. `sampleSeeded` is true when a notebook existed before but had to
 * be abandoned as unreadable: that is not a first run, so the sample must not come back.
 */
export const emptyNotebook = (sampleSeeded = false): NotebookData => ({
  version: NOTEBOOK_VERSION,
  journalSeq: 0,
  articles: [],
  annotations: [],
  tags: [],
  analysts: [],
  codebookLog: [],
  tombstones: [],
  adjudications: [],
  peers: [],
  sampleSeeded,
});

export interface NotebookPaths {
  dir: string;
  /** The lowdb file. */
  file: string;
  /** The previous good version of `file`, replaced on every compaction. */
  backup: string;
  /** Content-addressed article bodies, one immutable file each. */
  bodies: string;
  /** The files articles were imported from, by the sha-256 of their bytes. */
  originals: string;
}

export const notebookPaths = (dataDir: string): NotebookPaths => ({
  dir: dataDir,
  file: path.join(dataDir, 'notebook.json'),
  backup: path.join(dataDir, 'notebook.json.bak'),
  bodies: path.join(dataDir, 'bodies'),
  originals: path.join(dataDir, 'originals'),
});

/** Strict on purpose: a journal set aside as `journal-3.corrupt-….jsonl` must never be replayed. */
const JOURNAL_NAME = /^journal-(\d+)\.jsonl$/;

export const journalName = (n: number) => `journal-${n}.jsonl`;

/** The number of a live journal file, or undefined for any other file name. */
export function journalNumber(name: string): number | undefined {
  const match = JOURNAL_NAME.exec(name);
  return match ? Number(match[1]) : undefined;
}

export const stateFromData = (data: NotebookData): NotebookState => ({
  articles: byId(data.articles),
  annotations: byId(data.annotations),
  tags: byId(data.tags),
  analysts: byId(data.analysts),
  codebookLog: byId(data.codebookLog),
  tombstones: byId(data.tombstones),
  adjudications: byId(data.adjudications),
  peers: byId(data.peers),
  meta: {
    sampleSeeded: data.sampleSeeded,
    ...(data.analystId !== undefined && { analystId: data.analystId }),
    ...(data.notebookId !== undefined && { notebookId: data.notebookId }),
  },
});

/** A loop rather than new Map(records.map(...)): no pair array per record at every start. */
function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const record of records) map.set(record.id, record);
  return map;
}

/**
 * The state as notebook.json data. Only the arrays are copied: records are replaced, never
 * changed in place, so this is an exact snapshot even while later commits carry on.
 */
export const dataFromState = (state: NotebookState, journalSeq: number): NotebookData => ({
  version: NOTEBOOK_VERSION,
  journalSeq,
  articles: [...state.articles.values()],
  annotations: [...state.annotations.values()],
  tags: [...state.tags.values()],
  analysts: [...state.analysts.values()],
  codebookLog: [...state.codebookLog.values()],
  tombstones: [...state.tombstones.values()],
  adjudications: [...state.adjudications.values()],
  peers: [...state.peers.values()],
  sampleSeeded: state.meta.sampleSeeded,
  ...(state.meta.analystId !== undefined && { analystId: state.meta.analystId }),
  ...(state.meta.notebookId !== undefined && { notebookId: state.meta.notebookId }),
});

/** Applies one change. Records must already be private copies (see commit). */
export function applyChange(state: NotebookState, change: Change): void {
  if (change.kind === 'meta') {
    if (change.key === 'sampleSeeded') state.meta.sampleSeeded = change.value;
    else if (change.key === 'analystId') state.meta.analystId = change.value;
    else state.meta.notebookId = change.value;
  } else if (change.kind === 'delete') {
    state[change.collection].delete(change.id);
  } else if (change.collection === 'articles') {
    state.articles.set(change.record.id, change.record);
  } else if (change.collection === 'annotations') {
    state.annotations.set(change.record.id, change.record);
  } else if (change.collection === 'tags') {
    state.tags.set(change.record.id, change.record);
  } else if (change.collection === 'analysts') {
    state.analysts.set(change.record.id, change.record);
  } else if (change.collection === 'tombstones') {
    state.tombstones.set(change.record.id, change.record);
  } else if (change.collection === 'adjudications') {
    state.adjudications.set(change.record.id, change.record);
  } else if (change.collection === 'peers') {
    state.peers.set(change.record.id, change.record);
  } else {
    state.codebookLog.set(change.record.id, change.record);
  }
}
