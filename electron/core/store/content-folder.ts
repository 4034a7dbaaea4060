// What the content-addressed folders (bodies/, originals/) share, as the base of their stores: a
// file is written once per hash at a time (two puts of the same content at once would share a
// temp file), the folder's own entry is made durable once per run, and what this run put is
// never collected in it.
import { mkdir } from 'node:fs/promises';
import { asStorageError } from '../errors';
import { syncDirectory } from './durable-file';

/** A content hash becomes a path, so anything but 64 hex digits is refused before the disk. */
export const isContentHash = (hash: string) => /^[0-9a-f]{64}$/.test(hash);

/** Bytes hashed between two turns of the event loop when a file is checked (~1 ms of work). */
export const HASH_SLICE_BYTES = 256 * 1024;

export class ContentFolder {
  /** Put in this run: a commit may be about to point at one, so none is ever collected. */
  readonly putThisRun = new Set<string>();
  readonly #writing = new Map<string, Promise<void>>();
  #ready = false;

  constructor(
    readonly dir: string,
    readonly parentDir: string,
  ) {}

  /** Runs `store` for `hash`, or waits for the run of it already under way. */
  protected putOnce(hash: string, store: () => Promise<void>): Promise<void> {
    this.putThisRun.add(hash);
    let writing = this.#writing.get(hash);
    if (!writing) {
      writing = store().finally(() => this.#writing.delete(hash));
      this.#writing.set(hash, writing);
    }
    return writing;
  }

  /**
   * Makes the folder exist durably, once per run: an earlier run may have created it and been
   * killed before syncing it.
   */
  protected async ready(): Promise<void> {
    if (this.#ready) return;
    try {
      await mkdir(this.dir, { recursive: true });
      await syncDirectory(this.parentDir);
    } catch (error) {
      throw asStorageError(error);
    }
    this.#ready = true;
  }
}
