// Opens a notebook folder and returns the handlers of every contract call. Electron's main
// process, the browser host and the unit tests all start the core through here.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  CALL_NAMES,
  type CallName,
  type ChangeNotice,
  type Handlers,
  type Progress,
} from '../shared/contract';
import { notice } from '../shared/notices';
import { loadCallSchemas } from './dispatch';
import { noticeOf } from './service/change-notice';
import { openNotebookStore, type Change, type NotebookStore } from './store';
import { acquireLock, type NotebookLock } from './store/lock';
import { loadValidators } from './store/schema-loader';
import { listConflictedCopies } from './store/sync-conflicts';
import { bringInConflictedCopy } from './store/sync-conflicts-merge';
import { History } from './history';
import { labelOf, mergeKeyOf } from './history/labels';
import { currentAnalyst, suggestedAnalystName } from './service/analysts';
import type { ServiceContext } from './service/context';
import type { OwnCalls, Services } from './service/handlers';
import {
  openMovable,
  type FolderNotebook,
  type MoveOptions,
  type Moved,
} from './settings/movable-notebook';
import type { SettingsStore } from './settings/settings-store';
import { memorySecrets, type SecretStore } from './sync/secret-store';
import type { MergePreview } from '../shared/merge';
import { onBlindingChanged } from './service/visibility';

export interface NotebookOptions {
  dataDir: string;
  /** The bundled sample article, added on first run. */
  samplePath?: string;
  now?: () => Date;
  newId?: () => string;
  /** Passed to the store: how long after the last commit the journal is compacted. */
  compactAfterMs?: number;
  /** ...or as soon as the journal holds this many entries. */
  compactAfterEntries?: number;
  /** Who holds the folder's lock, as a second instance is told: e.g. "Research Notebook 0.1.0". */
  owner?: string;
  /**
   * Take over the folder's lock with this token (from a NotebookLockedError the analyst saw and
   * chose to override). Never by default; a lock that changed since is not taken.
   */
  takeOverLock?: string;
  /** The app's settings file (Electron: userData/settings.json); absent: defaults, in memory. */
  settingsFile?: string;
  /** Prints a report's HTML to PDF: Electron's printToPDF, or Chromium's in the browser host. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** Where sync's password is kept (Electron: safeStorage); absent: in memory for this run. */
  secrets?: SecretStore;
}

export interface Notebook {
  handlers: Handlers;
  /** Its close() also releases the folder's lock (if it is still ours). */
  store: NotebookStore;
  /** Hear what every commit changed (the renderer's "changed" event); returns an unsubscribe. */
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
  /** Hear how long work is going (a project import); returns an unsubscribe. */
  onProgress(listener: (progress: Progress) => void): () => void;
  /** The app's settings: the same whichever folder is open (main hears changes through it). */
  settings: SettingsStore;
  /**
   * Move the notebook to the empty folder `target` while it runs (settings/movable-notebook.ts);
   * the host's moveNotebook asks where, then calls this.
   */
  moveTo(target: string, options?: MoveOptions): Promise<Moved>;
  /**
   * Preview merging the notebook in `folder` (read, never written); the host's previewMerge asks
   * which folder, then calls this. applyMerge applies the last preview.
   */
  previewMergeFrom(folder: string): Promise<MergePreview>;
}

export function openNotebook(options: NotebookOptions): Promise<Notebook> {
  // One secret store for every folder the notebook moves to while it runs.
  return openMovable({ ...options, secrets: options.secrets ?? memorySecrets() }, openFolder);
}

/** The notebook of one folder; openMovable keeps the one the hosts hold pointed at it. */
async function openFolder(
  options: NotebookOptions,
  settings: SettingsStore,
): Promise<FolderNotebook> {
  const now = options.now ?? (() => new Date());
  // The lock comes first: opening may already write (a recovery, an upgrade, a replay's compaction).
  await mkdir(options.dataDir, { recursive: true });
  const lock = await acquireLock(options.dataDir, {
    owner: options.owner ?? 'Research Notebook',
    now,
    ...(options.takeOverLock !== undefined && { takeOver: options.takeOverLock }),
  });
  let opened: NotebookStore;
  try {
    opened = await openNotebookStore(options.dataDir, {
      now,
      ...(options.compactAfterMs !== undefined && { compactAfterMs: options.compactAfterMs }),
      ...(options.compactAfterEntries !== undefined && {
        compactAfterEntries: options.compactAfterEntries,
      }),
      // After another instance took the folder over, this one compacts nothing either.
      confirmWriter: () => lock.confirm(),
    });
  } catch (error) {
    await lock.release().catch(() => undefined);
    throw error;
  }
  const closing: Array<() => Promise<void>> = [];
  const pausing: Array<() => Promise<() => Promise<void>>> = [];
  const store = holdingLock(opened, lock, closing);
  const writes = writeQueue(lock);
  const progressListeners = new Set<(progress: Progress) => void>();
  const ctx: ServiceContext = {
    store,
    now,
    newId: options.newId ?? randomUUID,
    settings,
    ...(options.printToPdf && { printToPdf: options.printToPdf }),
    progress: (progress) => {
      for (const listener of progressListeners) listener(progress);
    },
    ...(options.secrets && { secrets: options.secrets }),
    runWrite: writes.run,
    onClose: (task) => void closing.push(task),
    onPause: (task) => void pausing.push(task),
  };
  const notices = [...store.notices, ...settings.notices];
  try {
    const copies = await listConflictedCopies(store.dataDir, store.state);
    notices.push(...copies.map((copy) => notice('conflicted-copy', copy)));
  } catch (error) {
    notices.push(notice('conflicted-copies-unchecked', { reason: (error as Error).message }));
  }

  // Loading starts now and ends while the window is being made; every call waits for it
  // (service/handlers.ts says why it isn't loaded before).
  const sampleWasSeeded = store.state.meta.sampleSeeded;
  const loading = import('./service/handlers').then(async (loaded) => {
    const made = loaded.services(ctx);
    if (options.samplePath && !sampleWasSeeded) {
      try {
        const bytes = await readFile(options.samplePath);
        await loaded.seedSample(ctx, { fileName: basename(options.samplePath), bytes });
      } catch (error) {
        notices.push(notice('sample-not-added', { reason: (error as Error).message }));
      }
    }
    return made;
  });
  // Heard by every call that waits for it; nothing else may find it unhandled.
  loading.catch(() => undefined);
  // Closing first lets the services finish being made, and register what closing must stop.
  closing.push(() => loading.then(noop, noop));

  const history = new History(store);
  store.retain(() => history.articles());
  const own: Pick<Handlers, OwnCalls> = {
    getStartup: async () => ({
      notices,
      ...(currentAnalyst(ctx) && { analyst: currentAnalyst(ctx) }),
      suggestedAnalystName: suggestedAnalystName(),
    }),
    listConflictedCopies: () => listConflictedCopies(store.dataDir, store.state),
    bringInConflictedCopy: ({ name }) => bringInConflictedCopy(store, name, now()),
    getHistory: async () => history.state(),
    undo: () => history.undo(),
    redo: () => history.redo(),
  };
  const handlers = serialiseWrites(whenLoaded(loading, own), writes, { store, history });
  // The first opening adds the sample before it is ready, as it always did: whoever holds the
  // store (a host, a test) finds the library as the window will show it.
  if (options.samplePath && !sampleWasSeeded) await loading.catch(noop);
  // The checks start-up did without (zod, ~150 ms to load) load now, while the window is being
  // made, so the first call doesn't wait for them.
  setImmediate(
    () => void Promise.all([loadCallSchemas(), loadValidators()]).catch(() => undefined),
  );
  const onChanged = (listener: (notice: ChangeNotice) => void) => {
    const stops = [
      store.onCommit(({ changes, removed }) => {
        const notice = noticeOf(changes, removed);
        if (notice) listener(notice);
      }),
      // Blind coding turned on or off shows or hides others' work: views refresh as on a commit.
      onBlindingChanged(ctx, settings, listener),
    ];
    return () => stops.forEach((stop) => stop());
  };
  const onProgress = (listener: (progress: Progress) => void) => {
    progressListeners.add(listener);
    return () => void progressListeners.delete(listener);
  };
  const pauseBackground = async () => {
    await loading.catch(noop); // what pausing must pause is registered as the services are made
    const resumes = await Promise.all(pausing.map((pause) => pause()));
    return async () => {
      await Promise.all(resumes.map((resume) => resume()));
    };
  };
  return {
    handlers,
    store,
    onChanged,
    onProgress,
    previewMergeFrom: async (folder) => (await loading).merge.previewFrom(folder),
    pauseBackground,
  };
}

const noop = async () => undefined;

/**
 * Every call, each once the services are made: the opening's own calls wait too, so none runs
 * (a conflicted copy brought in, say) before the search index and sync hear of commits.
 */
function whenLoaded(loading: Promise<Services>, own: Pick<Handlers, OwnCalls>): Handlers {
  const handlers = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    handlers[name] = async (input) => {
      const { handlers: made } = await loading;
      const handler = (own as Partial<Handlers>)[name] ?? (made as Partial<Handlers>)[name];
      return (handler as (input: unknown) => Promise<unknown>)(input);
    };
  }
  return handlers as Handlers;
}

/** Calls that only read; every other call checks the state, then commits a change. */
// getHistory is not among them: asked while a write runs (a view hearing of its commit), it
// waits for the write to end, so its answer includes the step that write makes.
const READS = new Set<CallName>([
  'getStartup',
  'listArticles',
  'getArticle',
  'listAnnotations',
  'listTags',
  'listCodebookLog',
  'listAnalysts',
  'exportNotes',
  'listConflictedCopies',
  'search',
  'findOccurrences',
  'getAnalysis',
  'getCoverage',
  'saveFigure',
  'previewProject',
  'exportReport',
  'getSettings',
  'getDataFolder',
  'getAgreement',
  'getDisagreements',
  'getSync',
  'listSyncConflicts',
]);

/**
 * Runs writing calls one at a time. Each validates against the state and then awaits its commit;
 * two at once could both pass validation (say, both create the tag "economy") and both commit.
 * Each first checks that the folder's lock is still ours: after another machine took the folder
 * over, a write here would only come back there as a conflicted copy.
 */
function serialiseWrites(
  handlers: Handlers,
  writes: WriteQueue,
  recording: { store: NotebookStore; history: History },
): Handlers {
  const wrapped = { ...handlers } as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as CallName[]) {
    if (READS.has(name)) continue;
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    wrapped[name] = (input) =>
      writes.run(async () => {
        const label = labelOf(name, input as never);
        if (label === undefined) return handler(input);
        // Writes run one at a time, so every commit while this one runs is this call's.
        const commits: Array<{ changes: Change[]; inverse: Change[] }> = [];
        const stop = recording.store.onCommit(({ changes, inverse }) =>
          commits.push({ changes, inverse }),
        );
        try {
          return await handler(input);
        } finally {
          stop();
          recording.history.record(label, commits, mergeKeyOf(name, input as never));
        }
      });
  }
  return wrapped as Handlers;
}

type WriteQueue = ReturnType<typeof writeQueue>;

/** One task at a time (the writing calls, sync's incoming changes), each once the lock is ours. */
function writeQueue(lock: NotebookLock) {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        await lock.confirm();
        return task();
      });
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/**
 * The store, with a close() that releases the folder's lock once everything is on disk. A proxy,
 * so whatever the store offers (now or later) passes through unchanged, bound to the store itself.
 */
function holdingLock(
  store: NotebookStore,
  lock: NotebookLock,
  closing: ReadonlyArray<() => Promise<void>>,
): NotebookStore {
  const close = async () => {
    try {
      for (const task of closing) {
        await task().catch((error: unknown) => console.error('Closing failed', error));
      }
      await store.close();
    } finally {
      await lock.release();
    }
  };
  return new Proxy(store, {
    get(target, key) {
      if (key === 'close') return close;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
