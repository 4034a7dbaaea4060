// A real notebook in a temp folder for the sync tests, reached through the dispatcher (so every
// input passes its schema), with its own settings file and secret store, reopened on the same
// folder as a restart would, and a wait for what sync is to bring.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { memorySecrets } from '../../../../electron/core/sync/secret-store';
import type { CallName, CallResult } from '../../../../electron/shared/contract';
import type { MergeConflict } from '../../../../electron/shared/merge';
import type { SyncStatus } from '../../../../electron/shared/sync';
import { startCouchServer, type CouchServer } from './server';

export interface SyncedNotebook {
  readonly dir: string;
  readonly notebook: Notebook;
  call<K extends CallName>(name: K, input: unknown): Promise<CallResult<K>>;
  refusal(name: CallName, input: unknown): Promise<string>;
  /** Turns sync on against `url` (no password: the test server lets anyone in). */
  syncWith(url: string): Promise<void>;
  status(): Promise<SyncStatus>;
  /** Waits (up to `ms`) until sync is idle with nothing waiting here. */
  settled(ms?: number): Promise<void>;
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * `idPrefix` starts every id the notebook makes, so a test can say whose id sorts first (the
 * copies of one article settle on the smaller).
 */
export async function syncedNotebook(prefix: string, idPrefix = ''): Promise<SyncedNotebook> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const dataDir = join(dir, 'notebook');
  const secrets = memorySecrets();
  const newId = () => `${idPrefix}${randomUUID()}`;
  const open = () =>
    openNotebook({ dataDir, settingsFile: join(dir, 'settings.json'), secrets, newId });
  let notebook = await open();
  let dispatch: Dispatch = createDispatcher(notebook.handlers, () => undefined);
  let closed = false;
  const call = async <K extends CallName>(name: K, input: unknown): Promise<CallResult<K>> => {
    const answer = await dispatch(name, input);
    if (!answer.ok) throw new Error(`${name} refused: ${answer.error.message}`);
    return answer.value as CallResult<K>;
  };
  const status = async () => (await call('getSync', {})).status;
  return {
    dir,
    get notebook() {
      return notebook;
    },
    call,
    async refusal(name, input) {
      const answer = await dispatch(name, input);
      if (answer.ok) throw new Error(`${name} was accepted`);
      return answer.error.message;
    },
    async syncWith(url) {
      await call('setSync', { url, username: '', enabled: true });
    },
    status,
    async settled(ms = 20_000) {
      await eventually(async () => expect((await status()).state).toBe('idle'), ms);
    },
    async reopen() {
      await notebook.store.close();
      notebook = await open();
      dispatch = createDispatcher(notebook.handlers, () => undefined);
    },
    async close() {
      if (closed) return;
      closed = true;
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Retries `check` until it passes or `ms` runs out (then fails with its last error). */
export async function eventually<T>(check: () => Promise<T>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Waits until `nb` lists exactly one sync conflict, and gives it. */
export async function theConflict(nb: SyncedNotebook): Promise<MergeConflict> {
  const [listed] = await eventually(async () => {
    const conflicts = await nb.call('listSyncConflicts', {});
    expect(conflicts).toHaveLength(1);
    return conflicts;
  });
  return listed!;
}

/** Every synced collection's size and ids, for "both sides hold the same". */
export async function counts(nb: SyncedNotebook) {
  const { state } = nb.notebook.store;
  return {
    articles: [...state.articles.keys()].sort(),
    annotations: [...state.annotations.keys()].sort(),
    tags: [...state.tags.keys()].sort(),
    analysts: [...state.analysts.keys()].sort(),
    codebookLog: state.codebookLog.size,
  };
}

/**
 * One CouchDB-protocol server for a test file, started before its tests and stopped after them,
 * and the notebooks each test opens, closed when it ends.
 */
export function serverForTests() {
  let server: CouchServer;
  const open: SyncedNotebook[] = [];
  beforeAll(async () => {
    server = await startCouchServer();
  });
  afterAll(() => server.dispose());
  afterEach(async () => {
    await Promise.all(open.splice(0).map((nb) => nb.close()));
  });
  return {
    /** The address of database `name` on the server. */
    db: (name: string) => server.db(name),
    /** A notebook (see syncedNotebook) closed when the test ends. */
    async notebook(prefix: string, idPrefix?: string): Promise<SyncedNotebook> {
      const nb = await syncedNotebook(prefix, idPrefix);
      open.push(nb);
      return nb;
    },
  };
}
