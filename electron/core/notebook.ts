// Opens a notebook folder and returns the handlers of every contract call. Electron's main
// process, the browser host and the unit tests all start the core through here.
import { randomUUID } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CallName, ChangeNotice, Handlers, Progress } from '../shared/contract';
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
import { analystHandlers, currentAnalyst, suggestedAnalystName } from './service/analysts';
import { analysisHandlers } from './service/analysis';
import { annotationHandlers } from './service/annotations';
import { articleHandlers, seedSample } from './service/articles';
import type { ServiceContext } from './service/context';
import { annotationImportHandlers } from './service/annotation-import';
import { exportHandlers } from './service/exports';
import { projectImportHandlers } from './service/project-import';
import { reportHandlers } from './service/reports';
import { settingsHandlers } from './service/settings';
import { figureHandlers } from './service/figures';
import {
  openMovable,
  type FolderNotebook,
  type MoveOptions,
  type Moved,
} from './settings/movable-notebook';
import type { SettingsStore } from './settings/settings-store';
import { revisionHandlers } from './service/revisions';
import { searchHandlers } from './service/search';
import { tagHandlers } from './service/tags';

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
}

export function openNotebook(options: NotebookOptions): Promise<Notebook> {
  return openMovable(options, openFolder);
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
  const store = holdingLock(opened, lock);
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
  };
  const notices = [...store.notices, ...settings.notices];
  try {
    const copies = await listConflictedCopies(store.dataDir, store.state);
    notices.push(...copies.map((copy) => notice('conflicted-copy', copy)));
  } catch (error) {
    notices.push(notice('conflicted-copies-unchecked', { reason: (error as Error).message }));
  }

  if (options.samplePath) {
    try {
      const bytes = await readFile(options.samplePath);
      await seedSample(ctx, { fileName: basename(options.samplePath), bytes });
    } catch (error) {
      notices.push(notice('sample-not-added', { reason: (error as Error).message }));
    }
  }

  const history = new History(store);
  store.retain(() => history.articles());
  const handlers: Handlers = serialiseWrites(
    {
      getStartup: async () => ({
        notices,
        ...(currentAnalyst(ctx) && { analyst: currentAnalyst(ctx) }),
        suggestedAnalystName: suggestedAnalystName(),
      }),
      ...analystHandlers(ctx),
      ...articleHandlers(ctx),
      ...annotationHandlers(ctx),
      ...tagHandlers(ctx),
      ...revisionHandlers(ctx),
      ...exportHandlers(ctx),
      ...searchHandlers(ctx),
      ...analysisHandlers(ctx),
      ...figureHandlers(ctx),
      ...projectImportHandlers(ctx),
      ...annotationImportHandlers(ctx),
      ...reportHandlers(ctx),
      ...settingsHandlers(ctx),
      listConflictedCopies: () => listConflictedCopies(store.dataDir, store.state),
      bringInConflictedCopy: ({ name }) => bringInConflictedCopy(store, name, now()),
      getHistory: async () => history.state(),
      undo: () => history.undo(),
      redo: () => history.redo(),
    },
    lock,
    { store, history },
  );
  // The checks start-up did without (zod, ~150 ms to load) load now, while the window is being
  // made, so the first call doesn't wait for them.
  setImmediate(
    () => void Promise.all([loadCallSchemas(), loadValidators()]).catch(() => undefined),
  );
  const onChanged = (listener: (notice: ChangeNotice) => void) =>
    store.onCommit(({ changes, removed }) => {
      const notice = noticeOf(changes, removed);
      if (notice) listener(notice);
    });
  const onProgress = (listener: (progress: Progress) => void) => {
    progressListeners.add(listener);
    return () => void progressListeners.delete(listener);
  };
  return { handlers, store, onChanged, onProgress };
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
  lock: NotebookLock,
  recording: { store: NotebookStore; history: History },
): Handlers {
  let queue: Promise<unknown> = Promise.resolve();
  const wrapped = { ...handlers } as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as CallName[]) {
    if (READS.has(name)) continue;
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    wrapped[name] = (input) => {
      const run = queue.then(async () => {
        await lock.confirm();
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
      queue = run.catch(() => undefined);
      return run;
    };
  }
  return wrapped as Handlers;
}

/**
 * The store, with a close() that releases the folder's lock once everything is on disk. A proxy,
 * so whatever the store offers (now or later) passes through unchanged, bound to the store itself.
 */
function holdingLock(store: NotebookStore, lock: NotebookLock): NotebookStore {
  const close = async () => {
    try {
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
