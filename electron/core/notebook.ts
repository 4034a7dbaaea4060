// Opens a notebook folder and returns the handlers of every contract call. Electron's main
// process, the browser host and the unit tests all start the core through here.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { CallName, ChangeNotice, Handlers } from '../shared/contract';
import { noticeOf } from './service/change-notice';
import { openNotebookStore, type NotebookStore } from './store';
import { annotationHandlers } from './service/annotations';
import { articleHandlers, seedSample } from './service/articles';
import type { ServiceContext } from './service/context';
import { exportHandlers } from './service/exports';
import { revisionHandlers } from './service/revisions';
import { tagHandlers } from './service/tags';

export interface NotebookOptions {
  dataDir: string;
  /** The bundled sample article, added on first run. */
  samplePath?: string;
  now?: () => Date;
  newId?: () => string;
  /** Passed to the store: how long after the last commit the journal is compacted. */
  compactAfterMs?: number;
}

export interface Notebook {
  handlers: Handlers;
  store: NotebookStore;
  /** Hear what every commit changed (the renderer's "changed" event); returns an unsubscribe. */
  onChanged(listener: (notice: ChangeNotice) => void): () => void;
}

export async function openNotebook(options: NotebookOptions): Promise<Notebook> {
  const now = options.now ?? (() => new Date());
  const store = await openNotebookStore(options.dataDir, {
    now,
    ...(options.compactAfterMs !== undefined && { compactAfterMs: options.compactAfterMs }),
  });
  const ctx: ServiceContext = { store, now, newId: options.newId ?? randomUUID };
  const notices = [...store.notices];

  if (options.samplePath) {
    try {
      const bytes = await readFile(options.samplePath);
      await seedSample(ctx, { fileName: basename(options.samplePath), bytes });
    } catch (error) {
      notices.push(`The sample article could not be added: ${(error as Error).message}`);
    }
  }

  const handlers: Handlers = serialiseWrites({
    getStartup: async () => ({ notices }),
    ...articleHandlers(ctx),
    ...annotationHandlers(ctx),
    ...tagHandlers(ctx),
    ...revisionHandlers(ctx),
    ...exportHandlers(ctx),
  });
  const onChanged = (listener: (notice: ChangeNotice) => void) =>
    store.onCommit(({ changes, removed }) => {
      const notice = noticeOf(changes, removed);
      if (notice) listener(notice);
    });
  return { handlers, store, onChanged };
}

/** Calls that only read; every other call checks the state, then commits a change. */
const READS = new Set<CallName>([
  'getStartup',
  'listArticles',
  'getArticle',
  'listAnnotations',
  'listTags',
  'exportNotes',
]);

/**
 * Runs writing calls one at a time. Each validates against the state and then awaits its commit;
 * two at once could both pass validation (say, both create the tag "economy") and both commit.
 */
function serialiseWrites(handlers: Handlers): Handlers {
  let queue: Promise<unknown> = Promise.resolve();
  const wrapped = { ...handlers } as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of Object.keys(handlers) as CallName[]) {
    if (READS.has(name)) continue;
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    wrapped[name] = (input) => {
      const run = queue.then(() => handler(input));
      queue = run.catch(() => undefined);
      return run;
    };
  }
  return wrapped as Handlers;
}
