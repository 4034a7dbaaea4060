// The append-only journal: one JSON line per commit, flushed to disk (fdatasync) before the commit
// counts. A new file is started at every compaction and at every start-up, never appended to again.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { NotebookError } from '../errors';
import { syncDirectory } from './durable-file';
import { journalName } from './notebook-data';

/** A journal file no longer written to, and the last commit in it (0 if none). */
export interface ClosedJournal {
  file: string;
  lastSeq: number;
}

export class JournalWriter {
  #number: number;
  #handle: FileHandle | undefined;
  #size = 0;
  #lastSeq = 0;
  /** Set when a failed append could not be undone: the file may hold a line memory doesn't. */
  #broken: NotebookError | undefined;

  constructor(
    readonly dir: string,
    firstNumber: number,
  ) {
    this.#number = firstNumber;
  }

  get file(): string {
    return path.join(this.dir, journalName(this.#number));
  }

  /**
   * Appends `line` (one entry and its newline) and waits until it is on disk. On failure the file
   * is cut back to where it was, so a rejected commit can't come back at the next start; if even
   * that fails, every later append is refused, as memory and disk may now disagree.
   */
  /** Appends one line, given whole or as its pieces in order, durably. */
  async append(line: Uint8Array | readonly Uint8Array[], seq: number): Promise<void> {
    const pieces = line instanceof Uint8Array ? [line] : line;
    if (this.#broken) throw this.#broken;
    // Opened lazily: a failure here (a folder in the way, no permission) has written nothing.
    this.#handle ??= await this.#openFile();
    const handle = this.#handle;
    const before = this.#size;
    try {
      // writeFile (unlike write) retries short writes; 'a' mode makes every write an append.
      await handle.writeFile(pieces);
      await handle.datasync();
    } catch (error) {
      await this.#undo(handle, before);
      throw error;
    }
    this.#size = before + pieces.reduce((n, piece) => n + piece.byteLength, 0);
    this.#lastSeq = seq;
  }

  /** Closes the current file, if one was started, and moves on to the next number. */
  async rotate(): Promise<ClosedJournal | undefined> {
    const handle = this.#handle;
    const closed = handle ? { file: this.file, lastSeq: this.#lastSeq } : undefined;
    this.#handle = undefined;
    this.#number += 1;
    this.#size = 0;
    this.#lastSeq = 0;
    // Everything in it was already synced, so a failing close loses nothing.
    await handle?.close().catch(() => undefined);
    return closed;
  }

  async close(): Promise<void> {
    const handle = this.#handle;
    this.#handle = undefined;
    await handle?.close().catch(() => undefined);
  }

  async #openFile(): Promise<FileHandle> {
    const handle = await open(this.file, 'a');
    try {
      this.#size = (await handle.stat()).size;
      // A new file's name must be durable too, or a power cut could lose the whole file.
      await syncDirectory(this.dir);
      return handle;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  async #undo(handle: FileHandle, size: number): Promise<void> {
    try {
      // A write the disk refused outright (full, read-only) left nothing to cut off.
      if ((await handle.stat()).size === size) return;
      await handle.truncate(size);
      await handle.datasync();
    } catch {
      this.#broken = new NotebookError(
        'bad-file',
        `Research Notebook could not save to ${this.file} or undo a half-written change, so it is refusing further changes. Restart the app once the folder is reachable again.`,
      );
      this.#handle = undefined;
      await handle.close().catch(() => undefined);
    }
  }
}
