// Compaction: folds the journal into notebook.json when the notebook is idle. The journal is
// rotated between two commits, the state at that moment is written through lowdb a slice at a
// time while commits carry on into the new journal, then journals no longer needed are removed.
import { rm } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { ClosedJournal, JournalWriter } from './journal';
import {
  dataFromState,
  emptyNotebook,
  type NotebookData,
  type NotebookPaths,
  type NotebookState,
} from './notebook-data';
import { NotebookFileAdapter } from './notebook-file';

export interface CompactionConfig {
  /** journalSeq of notebook.json as it is on disk (0 if there is none yet). */
  baseSeq: number;
  /** Journal files already closed: found at start-up, or rotated since. */
  files: ClosedJournal[];
  afterMs: number;
  afterEntries: number;
}

export interface CommitQueue {
  /** Runs `task` between two commits. */
  enqueue<T>(task: () => Promise<T>): Promise<T>;
  /** The last commit appended so far. */
  lastSeq(): number;
}

export class Compactor {
  readonly #db: Low<NotebookData>;
  #running: Promise<unknown> = Promise.resolve();
  #timer: NodeJS.Timeout | undefined;
  #entries = 0;
  #closed = false;
  #baseSeq: number;
  #files: ClosedJournal[];

  constructor(
    paths: NotebookPaths,
    private readonly state: NotebookState,
    private readonly journal: JournalWriter,
    private readonly config: CompactionConfig,
    private readonly queue: CommitQueue,
  ) {
    this.#db = new Low(new NotebookFileAdapter(paths.file, paths.backup), emptyNotebook());
    this.#baseSeq = config.baseSeq;
    this.#files = [...config.files];
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
    const snapshot = await this.queue.enqueue(async () => {
      const seq = this.queue.lastSeq();
      if (!force && seq === this.#baseSeq) return undefined;
      const closed = await this.journal.rotate();
      if (closed) this.#files.push(closed);
      this.#entries = 0;
      return dataFromState(this.state, seq);
    });
    if (!snapshot) return;
    this.#db.data = snapshot;
    await this.#db.write();
    await this.#removeJournals(this.#baseSeq);
    this.#baseSeq = snapshot.journalSeq;
  }

  /**
   * Removes journals covered by `previousBase`, the file that has just become notebook.json.bak.
   * The newer ones stay one more round, so that the backup plus the journal still rebuild
   * everything if notebook.json itself is ever damaged.
   */
  async #removeJournals(previousBase: number): Promise<void> {
    const keep: ClosedJournal[] = [];
    for (const file of this.#files) {
      if (file.lastSeq > previousBase) keep.push(file);
      // A file that can't be removed now is harmless (load skips what notebook.json already has).
      else await rm(file.file, { force: true }).catch(() => keep.push(file));
    }
    this.#files = keep;
  }
}
