// The notebook store: lowdb over our own durable, checking file adapter, with recovery at open and
// one write at a time. The rest of the core reads `data` and changes it only through `update`.
import { mkdir } from 'node:fs/promises';
import { Low } from 'lowdb';
import { NotebookError } from '../errors';
import { NotebookFileAdapter } from './notebook-file';
import { notebookPaths, type NotebookData } from './notebook-data';
import { loadNotebook } from './recovery';

export { NOTEBOOK_VERSION, type NotebookData } from './notebook-data';

export interface NotebookStore {
  /** The live in-memory state (lowdb's db.data). Read it afresh each time; change it via update. */
  readonly data: NotebookData;
  /** Sentences for the analyst gathered while opening, e.g. about a restored backup. */
  readonly notices: string[];
  readonly filePath: string;
  /**
   * Apply `mutate` to the data and write durably before resolving. Calls are serialised (a queue).
   * If `mutate` throws or the write fails, the in-memory data is reloaded from the last durable
   * file and the error is rethrown, so memory never claims what disk doesn't have.
   */
  update(mutate: (data: NotebookData) => void): Promise<void>;
}

export async function openNotebookStore(
  dataDir: string,
  options: { now?: () => Date } = {},
): Promise<NotebookStore> {
  await mkdir(dataDir, { recursive: true });
  const paths = notebookPaths(dataDir);
  const loaded = await loadNotebook(paths, { now: options.now ?? (() => new Date()) });
  const db = new Low(new NotebookFileAdapter(paths.file, paths.backup), loaded.data);
  // Settle a restore or an upgrade on disk now, so the next open doesn't redo it or repeat notices.
  if (loaded.dirty) await db.write();
  return new QueuedStore(db, loaded.notices, paths.file);
}

class QueuedStore implements NotebookStore {
  #tail: Promise<void> = Promise.resolve();
  /** Set when memory may differ from disk and couldn't be reloaded: writing more would be a lie. */
  #unusable: NotebookError | undefined;

  constructor(
    private readonly db: Low<NotebookData>,
    readonly notices: string[],
    readonly filePath: string,
  ) {}

  get data(): NotebookData {
    return this.db.data;
  }

  update(mutate: (data: NotebookData) => void): Promise<void> {
    const result = this.#tail.then(() => this.#apply(mutate));
    this.#tail = result.catch(() => undefined);
    return result;
  }

  async #apply(mutate: (data: NotebookData) => void): Promise<void> {
    if (this.#unusable) throw this.#unusable;
    try {
      mutate(this.db.data);
      await this.db.write();
    } catch (error) {
      await this.#reload();
      throw error;
    }
  }

  async #reload(): Promise<void> {
    try {
      await this.db.read();
    } catch {
      this.#unusable = new NotebookError(
        'bad-file',
        `Research Notebook could not save to ${this.filePath} or read it back, so it is refusing further changes. Restart the app once the folder is reachable again.`,
      );
    }
  }
}
