// The notebook store: records in memory, each commit appended to a journal and flushed before it
// counts, compacted now and then through lowdb into notebook.json; article bodies beside it.
import { mkdir } from 'node:fs/promises';
import type { Annotation, ArticleBody, ArticleRecord, Tag } from '../../shared/model';
import type { Notice, UnreadableText } from '../../shared/notices';
import { asStorageError, storageProblem } from '../errors';
import { checkBodiesOnDisk, findUnreadableTexts } from './body-check';
import { copyCanonicalAnnotation, isCanonicalAnnotation } from './fast-check';
import { BodyStore, type PutBodyOptions, type BodyFile, type CanonicalBody } from './bodies';
import { OriginalStore } from './originals';
import { Compactor, type CompactionConfig } from './compaction';
import { JournalWriter } from './journal';
import { encodeEntryBytes } from './journal-line';
import {
  applyChange,
  notebookPaths,
  type Change,
  type NotebookPaths,
  type NotebookState,
} from './notebook-data';
import { Inverse } from './inverse';
import { tombstoneChangesFor } from './tombstones';
import { rehomeAnnotations } from './orphans';
import { recoverNotebook } from './recovery';
import { due, nextTurn } from '../turns';
import { loadValidators, validators, validatorsLoaded } from './schema-loader';

export { NOTEBOOK_VERSION, type NotebookState } from './notebook-data';
export type { Change };

export interface NotebookStore {
  /** Live in-memory state. Read it freely; change it ONLY through commit(). */
  readonly state: NotebookState;
  /** What the analyst should hear about from the opening, e.g. a restored backup (see shared/notices). */
  readonly notices: Notice[];
  readonly dataDir: string;
  /**
   * Append to the journal durably (fdatasync), then apply in memory. Serialised. A disk that is
   * full, read-only or refuses access rejects with NotebookError('storage') saying which, and
   * memory is left as it was. With `handOver`, the caller gives its records to the store and
   * never changes them again: annotations in shape are kept as they are, not copied (a
   * revision's 10,000 new records, copied, were half of what the collector walked meanwhile).
   */
  commit(changes: Change[], options?: CommitOptions): Promise<void>;
  /**
   * Store a body content-addressed (durably, if not already there); returns its hash. A body made
   * canonical already (bodies.ts canonicalBody, in a worker) is stored as it is. `readAhead`: a
   * body file is parsed from its bytes as they are written, for a caller about to read it.
   */
  putBody(body: ArticleBody | BodyFile | CanonicalBody, options?: PutBodyOptions): Promise<string>;
  /** Keep an imported file's bytes as original `hash` (their sha-256, made in a worker). */
  putOriginal(hash: string, bytes: Uint8Array): Promise<void>;
  /** An original's bytes, checked against their hash; NotebookError('not-found') if gone. */
  getOriginal(hash: string): Promise<Uint8Array>;
  /** Read a body (cached: keep the most recently used few in memory). Throws NotebookError('not-found') if missing. */
  getBody(hash: string): Promise<ArticleBody>;
  /**
   * Body `hash`'s file, its bytes checked against its hash (NotebookError 'not-found' if gone,
   * 'bad-file' if damaged): for a worker that needs the whole body, where the parsed body would
   * cross object by object.
   */
  getBodyFile(hash: string): Promise<Uint8Array>;
  /**
   * The article whose missing or damaged text body `hash` was, if putBody has just stored it
   * again (the analyst imported the original file once more): that repaired the article.
   */
  repairedBy(hash: string): ArticleRecord | undefined;
  /** Whether body `hash` was found missing or damaged at start and is not repaired yet. */
  isUnreadable(hash: string): boolean;
  /** Compact now (tests, shutdown). Safe to call concurrently with commits. */
  compact(): Promise<void>;
  /**
   * Keep the text bodies and originals of these articles through compaction although the state
   * may not hold them (history can bring them back). Returns a function that stops keeping them.
   */
  retain(articles: () => Iterable<ArticleRecord>): () => void;
  /** Stop timers; compact if there are journal entries. */
  close(): Promise<void>;
  /**
   * Hear of every commit once it is durable and applied: its changes, and the records its deletes
   * removed (gone from `state` by then). Returns an unsubscribe function.
   */
  onCommit(listener: CommitListener): () => void;
}

export interface CommitOptions {
  /** The changes' records are the store's from now on: see NotebookStore.commit. */
  handOver?: boolean;
}

/** A record a commit deleted, as it was just before. */
export type RemovedRecord =
  | { collection: 'articles'; record: ArticleRecord }
  | { collection: 'annotations'; record: Annotation }
  | { collection: 'tags'; record: Tag };

export type CommitListener = (commit: {
  changes: Change[];
  removed: RemovedRecord[];
  /** The changes that put the state back as it was just before this commit (history's undo). */
  inverse: Change[];
}) => void;

export interface StoreOptions {
  now?: () => Date;
  /** Compact once no commit has come for this long. */
  compactAfterMs?: number;
  /** ...or as soon as the journal holds this many entries. */
  compactAfterEntries?: number;
  /** Throws when this process may no longer write the folder: see CompactionConfig. */
  confirmWriter?: () => Promise<void>;
}

/** Changes checked within the call; a bigger commit is checked in slices. */
const SMALL_COMMIT = 64;

/**
 * A change as the journal gets it (its JSON) and as memory will hold it: `copy` when the change
 * could be copied without reading its JSON back (an annotation exactly in shape), else absent
 * and parsed from `json` once it is written.
 */
interface Prepared {
  json: string;
  copy?: Change;
}

/**
 * Each change's JSON, as checked by the store's schema; throws for the first invalid one. An
 * annotation exactly in shape passes the quick test the schema would agree with (fast-check.ts):
 * a revision puts ten thousand of them.
 */
function checkOne(change: Change, handOver = false): Prepared {
  if (isExactAnnotationPut(change)) {
    const { record } = change as Extract<Change, { kind: 'put'; collection: 'annotations' }>;
    return {
      json: JSON.stringify(change),
      copy: handOver
        ? change
        : { kind: 'put', collection: 'annotations', record: copyCanonicalAnnotation(record) },
    };
  }
  const checked = validators().changeSchema.safeParse(change);
  if (!checked.success) throw new Error(`Refused an invalid change: ${checked.error.message}`);
  return { json: JSON.stringify(checked.data) };
}

function isExactAnnotationPut(change: Change): boolean {
  if (change.kind !== 'put' || change.collection !== 'annotations') return false;
  let keys = 0;
  for (const _ in change) keys++;
  return keys === 3 && isCanonicalAnnotation(change.record);
}

function checkNow(changes: Change[], handOver: boolean): Promise<Prepared[]> {
  try {
    return Promise.resolve(changes.map((change) => checkOne(change, handOver)));
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

async function checkInSlices(changes: Change[], handOver: boolean): Promise<Prepared[]> {
  await loadValidators();
  const parts: Prepared[] = [];
  for (const change of changes) {
    parts.push(checkOne(change, handOver));
    if (due()) await nextTurn();
  }
  return parts;
}

async function parseInSlices(parts: Prepared[]): Promise<Change[]> {
  const changes: Change[] = [];
  for (const part of parts) {
    changes.push(part.copy ?? (JSON.parse(part.json) as Change));
    if (due()) await nextTurn();
  }
  return changes;
}

async function inverseInSlices(state: NotebookState, changes: Change[]): Promise<Change[]> {
  const inverse = new Inverse(state);
  for (const change of changes) {
    inverse.add(change);
    if (due()) await nextTurn();
  }
  return inverse.changes;
}

export async function openNotebookStore(
  dataDir: string,
  options: StoreOptions = {},
): Promise<NotebookStore> {
  const now = options.now ?? (() => new Date());
  await mkdir(dataDir, { recursive: true });
  const paths = notebookPaths(dataDir);
  const bodies = new BodyStore(paths.bodies, paths.dir);
  let unreadable: UnreadableText[] = [];
  // Read beside notebook.json, not after it (body-check.ts).
  const onDisk = checkBodiesOnDisk(bodies);
  const recovered = await recoverNotebook(paths, {
    now,
    bodies,
    // Before anything on disk changes: a body from a newer app refuses the whole opening.
    check: async (state, upgrading) =>
      void (unreadable = await findUnreadableTexts(state, bodies, upgrading, await onDisk)),
  });
  const notices = [...recovered.notices];
  const originals = new OriginalStore(paths.originals, paths.dir);
  const store = new JournaledStore(recovered.state, notices, paths, {
    bodies,
    originals,
    now,
    lastSeq: recovered.lastSeq,
    unreadable,
    journal: new JournalWriter(dataDir, recovered.nextNumber),
    compaction: {
      baseSeq: recovered.fileSeq,
      fileExists: recovered.fileExists,
      files: recovered.journals,
      backup: recovered.backup,
      restorePoints: recovered.restorePoints,
      bodies,
      originals,
      now,
      afterMs: options.compactAfterMs ?? 2000,
      afterEntries: options.compactAfterEntries ?? 1000,
      ...(options.confirmWriter && { confirmWriter: options.confirmWriter }),
    },
  });
  if (unreadable.length > 0)
    notices.push({ code: 'texts-unreadable', params: { texts: unreadable } });
  // Settle a recovery on disk now, so the next opening doesn't redo it or repeat its notices; a
  // disk that can't take it still lets the notebook be read (and the recovery runs again).
  try {
    const rehomed = await rehomeAnnotations(store.state, now(), (body) => store.putBody(body));
    if (rehomed.changes.length > 0) await store.commit(rehomed.changes);
    notices.push(...rehomed.notices);
    if (recovered.dirty || rehomed.changes.length > 0) await store.compactor.compact(true);
    else if (recovered.applied > 0) store.compactor.committed(recovered.applied);
  } catch (error) {
    if (!storageProblem(error)) console.error('Saving the recovered notebook failed', error);
    if (!notices.some((n) => n.code === 'recovery-not-saved')) {
      notices.push({
        code: 'recovery-not-saved',
        params: { problem: storageProblem(error) ?? 'other' },
      });
    }
  }
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
  readonly #originals: OriginalStore;
  readonly #now: () => Date;
  /** Bodies found missing or damaged, by hash, with the revisions that need them. */
  readonly #unreadable = new Map<string, UnreadableText[]>();
  /** Bodies stored again after being unreadable: the analyst repaired those articles. */
  readonly #repaired = new Set<string>();

  constructor(
    readonly state: NotebookState,
    readonly notices: Notice[],
    paths: NotebookPaths,
    parts: {
      journal: JournalWriter;
      bodies: BodyStore;
      originals: OriginalStore;
      now: () => Date;
      lastSeq: number;
      unreadable: UnreadableText[];
      compaction: CompactionConfig;
    },
  ) {
    this.dataDir = paths.dir;
    this.#journal = parts.journal;
    this.#bodies = parts.bodies;
    this.#originals = parts.originals;
    this.#now = parts.now;
    this.#seq = parts.lastSeq;
    for (const text of parts.unreadable) {
      const hash = state.articles
        .get(text.articleId)
        ?.revisions.find((r) => r.number === text.revision)?.bodyHash;
      if (hash) this.#unreadable.set(hash, [...(this.#unreadable.get(hash) ?? []), text]);
    }
    // Rotation must fall between two commits, so the compactor goes through the same queue.
    this.compactor = new Compactor(paths, state, parts.journal, parts.compaction, {
      enqueue: (task) => this.#enqueue(task),
      lastSeq: () => this.#seq,
    });
  }

  commit(changes: Change[], { handOver = false }: CommitOptions = {}): Promise<void> {
    if (this.#closed) return Promise.reject(new Error('The notebook store is closed.'));
    if (changes.length === 0) return this.#enqueue(async () => undefined);
    // Checked with the rules a load applies, so nothing that commits can fail to load later; and
    // serialised in the call, so a caller changing its objects afterwards can't change the commit.
    // A big commit (a revision moves every annotation) is checked a slice at a time instead, so
    // the event loop keeps running: its caller must leave the objects alone until it resolves.
    const prepared =
      changes.length <= SMALL_COMMIT && validatorsLoaded()
        ? checkNow(changes, handOver)
        : checkInSlices(changes, handOver);
    prepared.catch(() => undefined); // rejected through the queue below
    return this.#enqueue(async () => {
      const parts = await prepared;
      for (const stone of tombstoneChangesFor(this.state, changes, this.#now().toISOString())) {
        parts.push({ json: JSON.stringify(stone), copy: stone });
      }
      const seq = this.#seq + 1;
      // Disk first: if the append fails, memory never saw the change.
      try {
        await this.#journal.append(
          await encodeEntryBytes(
            seq,
            this.#now().toISOString(),
            parts.map((part) => part.json),
          ),
          seq,
        );
      } catch (error) {
        throw asStorageError(error);
      }
      this.#seq = seq;
      // Applied from the line as written, so memory holds exactly what a replay would rebuild
      // (an annotation in shape as its exact copy, the same thing); parsed a slice at a time,
      // then applied at once (nothing may see half a commit).
      const written = await parseInSlices(parts);
      const removed = this.#removedBy(written);
      // From the state before; worked out a slice at a time too, as nothing else commits meanwhile.
      const inverse = await inverseInSlices(this.state, written);
      for (const change of written) applyChange(this.state, change);
      this.compactor.committed(1);
      this.#notify(written, removed, inverse);
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
      } else if (collection === 'tags') {
        const record = this.state.tags.get(id);
        if (record) removed.push({ collection, record });
      }
      // Analysts and log entries are never deleted by the app; nobody listens for them.
    }
    return removed;
  }

  /** A listener's failure is its own: the commit is durable and stands whatever it does. */
  #notify(changes: Change[], removed: RemovedRecord[], inverse: Change[]) {
    for (const listener of this.#listeners) {
      try {
        listener({ changes, removed, inverse });
      } catch (error) {
        console.error('A commit listener failed', error);
      }
    }
  }

  putOriginal(hash: string, bytes: Uint8Array): Promise<void> {
    return this.#originals.put(hash, bytes);
  }

  getOriginal(hash: string): Promise<Uint8Array> {
    return this.#originals.get(hash);
  }

  async putBody(
    body: ArticleBody | BodyFile | CanonicalBody,
    options?: PutBodyOptions,
  ): Promise<string> {
    const hash = await this.#bodies.put(body, options);
    // Written again under its own address, the body that was missing is whole again.
    if (this.#unreadable.delete(hash)) this.#repaired.add(hash);
    return hash;
  }

  getBody(hash: string): Promise<ArticleBody> {
    return this.#bodies.get(hash);
  }

  getBodyFile(hash: string): Promise<Uint8Array> {
    return this.#bodies.getFile(hash);
  }

  isUnreadable(hash: string): boolean {
    // A body written again is taken out of #unreadable (putBody), so this is all there is to ask.
    return this.#unreadable.has(hash);
  }

  repairedBy(hash: string): ArticleRecord | undefined {
    if (!this.#repaired.has(hash)) return undefined;
    for (const article of this.state.articles.values()) {
      if (article.revisions.some((r) => r.bodyHash === hash)) return article;
    }
    return undefined;
  }

  compact(): Promise<void> {
    return this.compactor.compact(false);
  }

  retain(articles: () => Iterable<ArticleRecord>): () => void {
    return this.compactor.retain(articles);
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
