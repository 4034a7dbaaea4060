// A small pool of worker threads for the core's CPU-heavy pure work, owned by the main thread:
// started on first use, one job per worker at a time, idle workers let go of (they neither keep
// the process alive nor hold their memory for long), a crashed worker replaced by a fresh one.
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import {
  reviveError,
  WorkerStoppedError,
  type FromWorker,
  type SideMessage,
  type ToWorker,
} from './protocol';
import { join, split, transferOf } from './transport';
import { due, nextTurn } from '../turns';

export interface PoolOptions {
  /** The worker script (a bundle: workers can't load TypeScript sources). */
  entry: URL;
  /** At most this many workers; a second starts only while the first is busy. */
  size?: number;
  /** An idle worker is stopped after this long (its importers hold tens of MB). */
  idleMs?: number;
}

export interface RunOptions {
  /** Hears what the task hands over before it is done (e.g. a new body, to store meanwhile). */
  onEvent?: (value: unknown) => void;
}

interface Job {
  id: number;
  task: string;
  input: unknown;
  options: RunOptions;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  /** Messages of this job are handled in order, each after the last has finished. */
  chain: Promise<void>;
  /** A failure on this side (an event handler threw): the job fails with it once answered. */
  failure?: unknown;
}

class PoolWorker {
  job: Job | null = null;
  idleTimer: NodeJS.Timeout | undefined;
  /** Why the worker stopped, if its error event said. */
  crash: string | undefined;

  constructor(
    readonly worker: Worker,
    readonly side: MessagePort,
  ) {}
}

export class WorkerPool {
  readonly #entry: URL;
  readonly #size: number;
  readonly #idleMs: number;
  readonly #workers = new Set<PoolWorker>();
  readonly #queue: Job[] = [];
  #nextId = 1;
  #closed = false;

  constructor(options: PoolOptions) {
    this.#entry = options.entry;
    this.#size = Math.max(1, options.size ?? 2);
    this.#idleMs = options.idleMs ?? 60_000;
  }

  /** Workers running now (for tests and the bench). */
  get workerCount(): number {
    return this.#workers.size;
  }

  run(task: string, input: unknown, options: RunOptions = {}): Promise<unknown> {
    if (this.#closed)
      return Promise.reject(new WorkerStoppedError(task, 'the notebook is closing'));
    return new Promise((resolve, reject) => {
      this.#queue.push({
        id: this.#nextId++,
        task,
        input,
        options,
        resolve,
        reject,
        chain: Promise.resolve(),
      });
      this.#dispatch();
    });
  }

  /** Stops every worker; queued and running jobs fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) {
      job.reject(new WorkerStoppedError(job.task, 'the notebook is closing'));
    }
    await Promise.all([...this.#workers].map((w) => w.worker.terminate()));
  }

  #dispatch() {
    while (this.#queue.length > 0) {
      let free = [...this.#workers].find((w) => w.job === null);
      if (!free) {
        if (this.#workers.size >= this.#size) return;
        free = this.#start();
      }
      this.#assign(free, this.#queue.shift()!);
    }
  }

  #start(): PoolWorker {
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(this.#entry, {
      workerData: { side: port2 },
      transferList: [port2],
    });
    // Never started (no listener): its messages wait until receiveMessageOnPort takes them.
    port1.unref();
    const entry = new PoolWorker(worker, port1);
    this.#workers.add(entry);
    worker.on('message', (message: FromWorker) => this.#onMessage(entry, message));
    worker.on('error', (error) => (entry.crash = error.message));
    worker.on('exit', (code) => this.#onExit(entry, code));
    return entry;
  }

  #assign(entry: PoolWorker, job: Job) {
    clearTimeout(entry.idleTimer);
    entry.job = job;
    entry.worker.ref();
    void this.#send(entry, job).catch((error: unknown) => this.#settle(entry, job, error));
  }

  async #send(entry: PoolWorker, job: Job) {
    const { skeleton, pieces, transfer } = split(job.input);
    for (const piece of pieces) {
      if (entry.job !== job) return;
      entry.worker.postMessage(
        { kind: 'piece', job: job.id, piece } satisfies ToWorker,
        transferOf(piece),
      );
      if (due()) await nextTurn();
    }
    if (entry.job !== job) return;
    entry.worker.postMessage(
      {
        kind: 'run',
        job: job.id,
        task: job.task,
        skeleton,
        pieceCount: pieces.length,
      } satisfies ToWorker,
      transfer,
    );
  }

  #onMessage(entry: PoolWorker, message: FromWorker) {
    const job = entry.job;
    if (!job || job.id !== message.job) return;
    job.chain = job.chain.then(async () => {
      if (entry.job !== job) return;
      if (message.kind === 'failed')
        return this.#settle(entry, job, reviveError(message.error, job.task));
      const value = join(message.skeleton, await this.#receive(entry, job, message.pieceCount));
      if (message.kind === 'done') return this.#settle(entry, job, undefined, value);
      try {
        job.options.onEvent?.(value);
      } catch (error) {
        job.failure ??= error;
      }
    });
  }

  /** Takes a value's pieces from the side port, one per clone, letting other work run between. */
  async #receive(entry: PoolWorker, job: Job, count: number): Promise<unknown[]> {
    const pieces: unknown[] = [];
    while (pieces.length < count) {
      const received = receiveMessageOnPort(entry.side);
      if (!received) throw new Error(`A value from the ${job.task} work arrived incomplete.`);
      const { job: id, piece } = received.message as SideMessage;
      if (id === job.id) pieces.push(piece);
      if (due()) await nextTurn();
    }
    return pieces;
  }

  #settle(entry: PoolWorker, job: Job, error: unknown, value?: unknown) {
    if (entry.job !== job) return;
    entry.job = null;
    const failure = error ?? job.failure;
    if (failure !== undefined) job.reject(failure);
    else job.resolve(value);
    if (!this.#workers.has(entry)) return;
    // Idle: the process may exit around it, and after a while it goes.
    entry.worker.unref();
    entry.idleTimer = setTimeout(() => void entry.worker.terminate(), this.#idleMs);
    entry.idleTimer.unref();
    this.#dispatch();
  }

  #onExit(entry: PoolWorker, code: number) {
    this.#workers.delete(entry);
    clearTimeout(entry.idleTimer);
    entry.side.close();
    const job = entry.job;
    if (job) {
      const reason = this.#closed
        ? 'the notebook is closing'
        : (entry.crash ?? `its worker exited with code ${code}`);
      entry.job = null;
      job.reject(new WorkerStoppedError(job.task, reason));
    }
    // A replacement starts if work is waiting.
    if (!this.#closed) this.#dispatch();
  }
}
