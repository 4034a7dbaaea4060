// The running notebook as the hosts hold it, able to move to another folder while the app runs.
// The handlers, the store and the events the hosts got at start stay the same objects; behind
// them the notebook of the current folder answers. A move waits for the calls under way, stops
// new ones, copies and checks the folder, opens the copy (taking its lock), switches over, and
// only then leaves the old folder behind as `<name>.moved-<time>`.
import path from 'node:path';
import { CALL_NAMES, type CallName, type ChangeNotice, type Handlers } from '../../shared/contract';
import type { Progress } from '../../shared/progress';
import type { Notebook, NotebookOptions } from '../notebook';
import type { NotebookStore } from '../store';
import { setAside } from '../store/durable-file';
import { fileStamp } from '../store/recovery';
import { checkTarget, copyVerified, undoCopy, type CopyHooks } from './move-folder';
import { SettingsStore } from './settings-store';

/** A notebook of one folder, as notebook.ts opens it. */
export type FolderNotebook = Omit<Notebook, 'moveTo' | 'settings'> & {
  /** Stops background work on the folder (sync) for a copy; answers how to start it again. */
  pauseBackground(): Promise<() => Promise<void>>;
};
export type OpenFolder = (
  options: NotebookOptions,
  settings: SettingsStore,
) => Promise<FolderNotebook>;

export interface MoveOptions {
  /**
   * Runs once the copy is open and before the app switches to it: the host remembers the new
   * folder for the next start (Electron's pointer file). If it throws, nothing is moved.
   */
  remember?: (folder: string, from: string) => Promise<void>;
  hooks?: CopyHooks;
}

export type Moved = { kind: 'moved'; path: string };

export async function openMovable(
  options: NotebookOptions,
  openFolder: OpenFolder,
): Promise<Notebook> {
  const now = options.now ?? (() => new Date());
  const settings = options.settingsFile
    ? await SettingsStore.open(options.settingsFile, { now })
    : SettingsStore.inMemory();
  let current = await openFolder(options, settings);
  const gate = new CallGate();

  const changed = new Set<(notice: ChangeNotice) => void>();
  const progressed = new Set<(progress: Progress) => void>();
  const follow = (notebook: FolderNotebook) => {
    const stops = [
      notebook.onChanged((notice) => changed.forEach((listener) => listener(notice))),
      notebook.onProgress((progress) => progressed.forEach((listener) => listener(progress))),
    ];
    return () => stops.forEach((stop) => stop());
  };
  let unfollow = follow(current);

  const handlers = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    handlers[name] = (input) =>
      gate.run(() => (current.handlers[name] as (input: unknown) => Promise<unknown>)(input));
  }

  // Whatever the store offers passes through to the current folder's store.
  const store = new Proxy({} as NotebookStore, {
    get(_target, key) {
      const value: unknown = Reflect.get(current.store, key);
      return typeof value === 'function' ? (value as () => unknown).bind(current.store) : value;
    },
  });

  const moveTo = (target: string, move: MoveOptions = {}): Promise<Moved> =>
    gate.exclusive(async () => {
      const from = current.store.dataDir;
      // Refused before anything is done; then everything into notebook.json (nothing is being
      // written now), and the folder's files listed again as compaction left them.
      await checkTarget(from, target, move.hooks);
      const to = path.resolve(target);
      // Sync's replica is copied closed, not while it writes; the copy's own sync starts it again.
      const resume = await current.pauseBackground();
      const failed = async (error: unknown): Promise<never> => {
        await resume().catch((cause: unknown) => console.error('Sync did not start again', cause));
        throw error;
      };
      let next: FolderNotebook;
      try {
        await current.store.compact();
        const entries = await checkTarget(from, to, move.hooks);
        await copyVerified(from, to, entries, move.hooks);
      } catch (error) {
        return failed(error);
      }
      try {
        // The copy is this notebook, not a first run: no sample, and no lock to take over.
        next = await openFolder({ ...withoutFirstRun(options), dataDir: to }, settings);
      } catch (error) {
        await undoCopy(to, undefined);
        return failed(error);
      }
      try {
        await move.remember?.(to, from);
      } catch (error) {
        await next.store.close().catch(() => undefined);
        await undoCopy(to, undefined);
        return failed(error);
      }
      const previous = current;
      unfollow();
      current = next;
      unfollow = follow(next);
      await previous.store.close().catch((error: unknown) => {
        console.error('Closing the notebook’s old folder failed', error);
      });
      try {
        await setAside(from, `${path.basename(from)}.moved-${fileStamp(now())}`);
      } catch (error) {
        // The notebook is moved and remembered; the old folder only keeps its name.
        console.error('Renaming the notebook’s old folder failed', error);
      }
      // The views hold what they held (the same records); who is listening for undo hears that
      // the history started again with the new folder.
      const notice: ChangeNotice = {
        articles: [],
        annotations: [],
        annotationArticles: [],
        tags: [],
      };
      changed.forEach((listener) => listener(notice));
      return { kind: 'moved', path: to };
    });

  return {
    handlers: handlers as Handlers,
    store,
    settings,
    moveTo,
    previewMergeFrom: (folder) => gate.run(() => current.previewMergeFrom(folder)),
    onChanged(listener) {
      changed.add(listener);
      return () => void changed.delete(listener);
    },
    onProgress(listener) {
      progressed.add(listener);
      return () => void progressed.delete(listener);
    },
  };
}

function withoutFirstRun(options: NotebookOptions): NotebookOptions {
  const { samplePath: _sample, takeOverLock: _takeOver, ...rest } = options;
  return rest;
}

/**
 * Lets calls run side by side, except while exclusive work runs: that waits for the calls
 * under way to end, and calls that come meanwhile wait for it.
 */
export class CallGate {
  #running = 0;
  #idle: (() => void) | undefined;
  #closed: Promise<void> | undefined;

  async run<T>(call: () => Promise<T>): Promise<T> {
    while (this.#closed) await this.#closed;
    this.#running++;
    try {
      return await call();
    } finally {
      this.#running--;
      if (this.#running === 0) this.#idle?.();
    }
  }

  async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.#closed) await this.#closed;
    let reopen!: () => void;
    this.#closed = new Promise<void>((resolve) => (reopen = resolve));
    try {
      if (this.#running > 0) await new Promise<void>((resolve) => (this.#idle = resolve));
      return await work();
    } finally {
      this.#idle = undefined;
      this.#closed = undefined;
      reopen();
    }
  }
}
