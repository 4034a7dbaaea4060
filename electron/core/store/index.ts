// The notebook store: records in memory, each commit appended to a journal and flushed before it
// counts, compacted now and then through lowdb into notebook.json; article bodies beside it.
import { mkdir } from 'node:fs/promises';
import { z } from 'zod';
import type { Annotation, ArticleBody, ArticleRecord, Tag } from '../../shared/model';
import { BodyStore } from './bodies';
import { Compactor, type CompactionConfig } from './compaction';
import { JournalWriter } from './journal';
import { replayJournals } from './journal-replay';
import {
  applyChange,
  notebookPaths,
  stateFromData,
  type Change,
  type NotebookPaths,
  type NotebookState,
} from './notebook-data';
import { fileStamp, loadNotebook } from './recovery';
import { changeSchema } from './schema';

export { NOTEBOOK_VERSION, type NotebookState } from './notebook-data';
export type { Change };

export interface NotebookStore {
  /** Live in-memory state. Read it freely; change it ONLY through commit(). */
  readonly state: NotebookState;
  /** Sentences for the analyst gathered while opening, e.g. about a restored backup. */
  readonly notices: string[];
  readonly dataDir: string;
  /** Append to the journal durably (fdatasync), then apply in memory. Serialised. */
  commit(changes: Change[]): Promise<void>;
  /** Store a body content-addressed (durably, if not already there); returns its hash. */
  putBody(body: ArticleBody): Promise<string>;
  /** Read a body (cached: keep the most recently used few in memory). Throws NotebookError('not-found') if missing. */
  getBody(hash: string): Promise<ArticleBody>;
  /** Compact now (tests, shutdown). Safe to call concurrently with commits. */
  compact(): Promise<void>;
  /** Stop timers; compact if there are journal entries. */
  close(): Promise<void>;
  /**
   * Hear of every commit once it is durable and applied: its changes, and the records its deletes
   * removed (gone from `state` by then). Returns an unsubscribe function.
   */
  onCommit(listener: CommitListener): () => void;
}

/** A record a commit deleted, as it was just before. */
export type RemovedRecord =
  | { collection: 'articles'; record: ArticleRecord }
  | { collection: 'annotations'; record: Annotation }
  | { collection: 'tags'; record: Tag };

export type CommitListener = (commit: { changes: Change[]; removed: RemovedRecord[] }) => void;

export interface StoreOptions {
  now?: () => Date;
  /** Compact once no commit has come for this long. */
  compactAfterMs?: number;
  /** ...or as soon as the journal holds this many entries. */
  compactAfterEntries?: number;
}

const changesSchema = z.array(changeSchema);

export async function openNotebookStore(
  dataDir: string,
  options: StoreOptions = {},
): Promise<NotebookStore> {
  const now = options.now ?? (() => new Date());
  await mkdir(dataDir, { recursive: true });
  const paths = notebookPaths(dataDir);
  const bodies = new BodyStore(paths.bodies, paths.dir);
  const loaded = await loadNotebook(paths, { now, bodies });
  const state = stateFromData(loaded.data);
  const replayed = await replayJournals(dataDir, state, loaded.data.journalSeq, fileStamp(now()));
  const store = new JournaledStore(state, [...loaded.notices, ...replayed.notices], paths, {
    bodies,
    lastSeq: replayed.lastSeq,
    journal: new JournalWriter(dataDir, replayed.nextNumber),
    compaction: {
      baseSeq: loaded.data.journalSeq,
      files: replayed.files,
      afterMs: options.compactAfterMs ?? 2000,
      afterEntries: options.compactAfterEntries ?? 1000,
    },
  });
  // Settle a restore, an upgrade or a set-aside journal on disk now, so the next open doesn't redo
  // it or repeat its notice. A plain replay can wait for the first idle moment.
  if (loaded.dirty || replayed.dirty) await store.compactor.compact(true);
  else if (replayed.applied > 0) store.compactor.committed(replayed.applied);
  return store;
}

class JournaledStore implements NotebookStore {
  readonly dataDir: string;
  readonly compactor: Compactor;
  #tail: Promise<unknown> = Promise.resolve();
  #seq: number;
  #closed = false;
  readonly #listeners = new Set<CommitListener>();
  readonly #journal: JournalWriter;
  readonly #bodies: BodyStore;

  constructor(
    readonly state: NotebookState,
    readonly notices: string[],
    paths: NotebookPaths,
    parts: {
      journal: JournalWriter;
      bodies: BodyStore;
      lastSeq: number;
      compaction: CompactionConfig;
    },
  ) {
    this.dataDir = paths.dir;
    this.#journal = parts.journal;
    this.#bodies = parts.bodies;
    this.#seq = parts.lastSeq;
    // Rotation must fall between two commits, so the compactor goes through the same queue.
    this.compactor = new Compactor(paths, state, parts.journal, parts.compaction, {
      enqueue: (task) => this.#enqueue(task),
      lastSeq: () => this.#seq,
    });
  }

  commit(changes: Change[]): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The notebook store is closed.'));
    // Checked with the rules a load applies, so nothing that commits can fail to load later; and
    // serialised now, so a caller changing its objects after the call can't change the commit.
    const checked = changesSchema.safeParse(changes);
    if (!checked.success) {
      return Promise.reject(new Error(`Refused an invalid change: ${checked.error.message}`));
    }
    if (checked.data.length === 0) return this.#enqueue(async () => undefined);
    const json = JSON.stringify(checked.data);
    return this.#enqueue(async () => {
      const seq = this.#seq + 1;
      // Disk first: if the append fails, memory never saw the change.
      await this.#journal.append(`{"seq":${seq},"changes":${json}}\n`, seq);
      this.#seq = seq;
      const removed = this.#removedBy(checked.data);
      // Applied from the line as written, so memory holds exactly what a replay would rebuild.
      for (const change of JSON.parse(json) as Change[]) applyChange(this.state, change);
      this.compactor.committed(1);
      this.#notify(checked.data, removed);
    });
  }

  onCommit(listener: CommitListener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #removedBy(changes: Change[]): RemovedRecord[] {
    const removed: RemovedRecord[] = [];
    for (const change of changes) {
      if (change.kind !== 'delete') continue;
      const { collection, id } = change;
      if (collection === 'articles') {
        const record = this.state.articles.get(id);
        if (record) removed.push({ collection, record });
      } else if (collection === 'annotations') {
        const record = this.state.annotations.get(id);
        if (record) removed.push({ collection, record });
      } else {
        const record = this.state.tags.get(id);
        if (record) removed.push({ collection, record });
      }
    }
    return removed;
  }

  /** A listener's failure is its own: the commit is durable and stands whatever it does. */
  #notify(changes: Change[], removed: RemovedRecord[]) {
    for (const listener of this.#listeners) {
      try {
        listener({ changes, removed });
      } catch (error) {
        console.error('A commit listener failed', error);
      }
    }
  }

  putBody(body: ArticleBody): Promise<string> {
    return this.#bodies.put(body);
  }

  getBody(hash: string): Promise<ArticleBody> {
    return this.#bodies.get(hash);
  }

  compact(): Promise<void> {
    return this.compactor.compact(false);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#tail;
    await this.compactor.close();
    await this.#journal.close();
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(task);
    this.#tail = run.catch(() => undefined);
    return run;
  }
}
