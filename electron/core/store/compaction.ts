// Compaction: folds the journal into notebook.json when the notebook is idle. The journal is
// rotated between two commits, the state at that moment is written through lowdb a slice at a
// time while commits carry on into the new journal, and read back. Only then does anything older
// move or go: the .bak becomes a restore point, notebook.json the .bak, the oldest restore point
// beyond a few is removed, and so are journals and bodies that no kept copy needs any more.
import { rm } from 'node:fs/promises';
import type { Low } from 'lowdb';
import {
  BODY_REFERENCE,
  bodyHashesOf,
  ContentCollector,
  ORIGINAL_REFERENCE,
  originalHashesOf,
} from './body-check';
import type { ArticleRecord } from '../../shared/model';
import type { BodyStore } from './bodies';
import type { OriginalStore } from './originals';
import type { ClosedJournal, JournalWriter } from './journal';
import {
  dataFromState,
  emptyNotebook,
  type NotebookData,
  type NotebookPaths,
  type NotebookState,
} from './notebook-data';
import { NotebookFileAdapter } from './notebook-file';
import { fileStamp } from './recovery';
import { pruneRestorePoints, retireBackup, type KeptCopy } from './restore-points';

export interface CompactionConfig {
  /** journalSeq of notebook.json as it is on disk (0 if there is none yet). */
  baseSeq: number;
  /** Whether there is a notebook.json on disk now. */
  fileExists: boolean;
  /** Journal files already closed: found at start-up, or rotated since. */
  files: ClosedJournal[];
  /** The kept copies found at start-up. */
  backup: KeptCopy | undefined;
  restorePoints: KeptCopy[];
  bodies: BodyStore;
  originals: OriginalStore;
  now: () => Date;
  afterMs: number;
  afterEntries: number;
  /**
   * Throws when this process may no longer write the folder (another instance took its lock
   * over): then nothing is compacted, as the journal already holds every commit, and a write
   * here would only reach the other machine as a conflicted copy.
   */
  confirmWriter?: () => Promise<void>;
}

export interface CommitQueue {
  /** Runs `task` between two commits. */
  enqueue<T>(task: () => Promise<T>): Promise<T>;
  /** The last commit appended so far. */
  lastSeq(): number;
}

export class Compactor {
  readonly #adapter: NotebookFileAdapter;
  /** lowdb loads with the first compaction: start-up doesn't need it (~15 ms to load). */
  #db: Promise<Low<NotebookData>> | undefined;
  readonly #collector: ContentCollector;
  #running: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #entries = 0;
  #closed = false;
  #baseSeq: number;
  #fileExists: boolean;
  #files: ClosedJournal[];
  #backup: KeptCopy | undefined;
  #restorePoints: KeptCopy[];

  constructor(
    private readonly paths: NotebookPaths,
    private readonly state: NotebookState,
    private readonly journal: JournalWriter,
    private readonly config: CompactionConfig,
    private readonly queue: CommitQueue,
  ) {
    this.#adapter = new NotebookFileAdapter(paths.file, paths.backup, {
      beforeBackup: () => this.#retireBackup(),
    });
    this.#collector = new ContentCollector(paths.dir, [
      { files: config.bodies, reference: BODY_REFERENCE },
      { files: config.originals, reference: ORIGINAL_REFERENCE },
    ]);
    this.#baseSeq = config.baseSeq;
    this.#fileExists = config.fileExists;
    this.#files = [...config.files];
    this.#backup = config.backup;
    this.#restorePoints = [...config.restorePoints];
  }

  /** Counts new journal entries and (re)arms the idle timer, or compacts soon if there are many. */
  committed(entries: number): void {
    if (this.#closed) return;
    this.#entries += entries;
    clearTimeout(this.#timer);
    const delay = this.#entries >= this.config.afterEntries ? 0 : this.config.afterMs;
    // A failed background compaction loses nothing (the journal still has every commit); the next
    // commit arms the timer again.
    this.#timer = setTimeout(() => void this.compact(false).catch(() => undefined), delay);
    // Never the reason a process (or a test run) stays alive.
    this.#timer.unref();
  }

  /** Compactions run one at a time; `force` writes notebook.json even with no new entries. */
  compact(force: boolean): Promise<void> {
    const run = this.#running.then(() => this.#compactOnce(force));
    this.#running = run.catch(() => undefined);
    return run;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    await this.compact(false);
  }

  async #compactOnce(force: boolean): Promise<void> {
    clearTimeout(this.#timer);
    try {
      await this.config.confirmWriter?.();
    } catch {
      return; // not ours to write any more; the journal keeps every commit
    }
    const snapshot = await this.queue.enqueue(async () => {
      const seq = this.queue.lastSeq();
      if (!force && seq === this.#baseSeq) return undefined;
      const closed = await this.journal.rotate();
      if (closed) this.#files.push(closed);
      this.#entries = 0;
      return dataFromState(this.state, seq);
    });
    if (!snapshot) return;
    const replaced = this.#fileExists ? { file: this.paths.backup, seq: this.#baseSeq } : undefined;
    this.#db ??= import('lowdb').then(({ Low }) => new Low(this.#adapter, emptyNotebook()));
    const db = await this.#db;
    db.data = snapshot;
    // Written, synced and read back before it replaces anything (see NotebookFileAdapter).
    await db.write();
    this.#fileExists = true;
    this.#backup = replaced;
    this.#baseSeq = snapshot.journalSeq;
    this.#restorePoints = await pruneRestorePoints(this.#restorePoints);
    await this.#removeJournals();
    // Garbage is only garbage once the new file no longer refers to it; losing the race with a
    // removal that fails is harmless (the body is collected next time).
    const inUse = [bodyHashesOf(this.state), originalHashesOf(this.state)];
    for (const articles of this.#retained) {
      for (const article of articles()) {
        for (const r of article.revisions) {
          inUse[0]!.add(r.bodyHash);
          if (r.original) inUse[1]!.add(r.original.hash);
        }
      }
    }
    await this.#collector.collect(inUse).catch(() => undefined);
  }

  readonly #retained = new Set<() => Iterable<ArticleRecord>>();

  /**
   * Keeps the bodies and originals of articles that are not in the state but may come back (an
   * undo of a delete, a redo of an import): `articles` is asked at each collection.
   */
  retain(articles: () => Iterable<ArticleRecord>): () => void {
    this.#retained.add(articles);
    return () => void this.#retained.delete(articles);
  }

  /** Runs once the new file is verified: the .bak it is about to replace becomes a restore point. */
  async #retireBackup(): Promise<void> {
    const file = await retireBackup(this.paths.backup, fileStamp(this.config.now()));
    if (file) this.#restorePoints.push({ file, seq: this.#backup?.seq });
    this.#backup = undefined;
  }

  /**
   * Removes journals every kept copy already contains: with the .bak or any restore point, the
   * journals left still rebuild everything, should notebook.json itself ever be lost.
   */
  async #removeJournals(): Promise<void> {
    const seqs = [this.#backup, ...this.#restorePoints].flatMap((c) =>
      c?.seq === undefined ? [] : [c.seq],
    );
    if (seqs.length === 0) return;
    const covered = Math.min(...seqs);
    const keep: ClosedJournal[] = [];
    for (const file of this.#files) {
      if (file.lastSeq > covered) keep.push(file);
      // A file that can't be removed now is harmless (load skips what notebook.json already has).
      else await rm(file.file, { force: true }).catch(() => keep.push(file));
    }
    this.#files = keep;
  }
}
