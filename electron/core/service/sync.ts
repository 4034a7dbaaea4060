// Replication with the team's CouchDB database (the contract's getSync, setSync,
// listSyncConflicts, resolveSyncConflicts). The configuration lives on this machine beside the
// app's settings, keyed by the notebook's id (sync/sync-config.ts), the password in the host's
// secret store. Nothing connects anywhere, and PouchDB isn't even loaded, until sync is configured
// and turned on.
import type { Handlers } from '../../shared/contract';
import type { SyncConfig, SyncConfigInput, SyncInfo, SyncStatus } from '../../shared/sync';
import { conflict } from '../errors';
import { SyncEngine } from '../sync/engine';
import { memorySecrets, type SecretStore } from '../sync/secret-store';
import { syncConfigStore, type StoredSyncConfig } from '../sync/sync-config';
import { checkSyncUrl } from '../sync/sync-url';
import type { ServiceContext } from './context';

type SyncHandlers = Pick<
  Handlers,
  'getSync' | 'setSync' | 'listSyncConflicts' | 'resolveSyncConflicts'
>;

const OFF: SyncStatus = { state: 'off', pushed: 0, pulled: 0, conflicts: 0 };

/** What the secret store keeps: the password with the server and user it is for. */
interface KeptPassword {
  url: string;
  username: string;
  password: string;
}

const secretName = (notebookId: string) => `sync:${notebookId}`;

export function syncHandlers(ctx: ServiceContext): SyncHandlers {
  const sync = new SyncService(ctx);
  ctx.onClose?.(() => sync.close());
  ctx.onPause?.(() => sync.pause());
  // After the opening, so the first window waits for none of it.
  setImmediate(() => void sync.resume());
  return {
    getSync: () => sync.info(),
    setSync: (input) => sync.configure(input),
    listSyncConflicts: () => sync.conflicts(),
    resolveSyncConflicts: async ({ choices }) => ({ resolved: await sync.resolve(choices) }),
  };
}

class SyncService {
  readonly #configs;
  readonly #secrets: SecretStore;
  #engine: SyncEngine | undefined;
  #starting: Promise<void> | undefined;
  /** Why the last start failed, shown until the next. */
  #status: SyncStatus = OFF;
  #closed = false;
  /** Sent and received by the syncs before the current one, since the app started. */
  #counted = { pushed: 0, pulled: 0 };

  constructor(private readonly ctx: ServiceContext) {
    this.#configs = syncConfigStore(ctx.settings?.file);
    this.#secrets = ctx.secrets ?? memorySecrets();
  }

  async info(): Promise<SyncInfo> {
    const id = this.ctx.store.state.meta.notebookId;
    const stored = id === undefined ? undefined : await this.#configs.get(id);
    const config: SyncConfig = {
      url: stored?.url ?? '',
      username: stored?.username ?? '',
      enabled: stored?.enabled ?? false,
      hasPassword: stored !== undefined && (await this.#password(stored)) !== undefined,
    };
    return { config, status: this.#engine?.status() ?? this.#status };
  }

  async configure(input: SyncConfigInput): Promise<SyncInfo> {
    // Everything checked before anything changes.
    const typed = input.url.trim();
    let url = '';
    if (typed !== '') {
      const checked = checkSyncUrl(typed);
      if (!checked.ok) throw conflict(checked.message);
      url = checked.url;
    } else if (input.enabled) {
      throw conflict('Type the database’s address first: sync stays off without one.');
    }
    const username = input.username.trim();
    const notebookId = await this.#notebookId();
    const config: StoredSyncConfig = { url, username, enabled: input.enabled };
    const name = secretName(notebookId);
    if (input.password === '' || url === '') {
      await this.#secrets.set(name, undefined);
    } else if (input.password !== undefined) {
      const kept: KeptPassword = { url, username, password: input.password };
      await this.#secrets.set(name, JSON.stringify(kept));
    } else {
      // A password kept for another server or user is never sent to this one.
      const kept = await this.#kept(notebookId);
      if (kept && (kept.url !== url || kept.username !== username)) {
        await this.#secrets.set(name, undefined);
      }
    }
    await this.#configs.set(notebookId, url === '' ? undefined : config);
    await this.#restart(url === '' ? undefined : config);
    return this.info();
  }

  async conflicts() {
    return (await this.#engine?.listConflicts()) ?? [];
  }

  async resolve(choices: Parameters<SyncEngine['resolve']>[0]): Promise<number> {
    if (Object.keys(choices).length === 0) return 0;
    if (!this.#engine) {
      throw conflict('Sync is off: turn it on in Settings to decide its conflicts.');
    }
    return this.#engine.resolve(choices);
  }

  /** Starts sync at opening when this notebook has it configured and on. */
  async resume() {
    const id = this.ctx.store.state.meta.notebookId;
    if (id === undefined || this.#closed) return;
    try {
      const config = await this.#configs.get(id);
      if (config?.enabled) await this.#restart(config);
    } catch (error) {
      this.#setStatus({ ...OFF, state: 'error', message: startMessage(error) });
    }
  }

  async close() {
    this.#closed = true;
    await this.#stop();
  }

  /** Stops syncing for a while (the folder is being copied); answers how to start again. */
  async pause(): Promise<() => Promise<void>> {
    const running = this.#engine !== undefined || this.#starting !== undefined;
    await this.#stop();
    return async () => {
      if (running) await this.resume();
    };
  }

  async #restart(config: StoredSyncConfig | undefined) {
    await this.#stop();
    if (!config?.enabled || this.#closed) {
      this.#setStatus(OFF);
      return;
    }
    const password = await this.#password(config);
    this.#setStatus({ ...OFF, state: 'connecting' });
    const starting = SyncEngine.start(
      {
        store: this.ctx.store,
        notebookId: await this.#notebookId(),
        runWrite: this.ctx.runWrite ?? ((task) => task()),
        newId: this.ctx.newId,
        now: this.ctx.now,
        onStatus: (status) => {
          this.#counted = { pushed: status.pushed, pulled: status.pulled };
          this.#announce(status);
        },
        counted: this.#counted,
      },
      { url: config.url, username: config.username, ...(password !== undefined && { password }) },
    ).then(
      async (engine) => {
        if (this.#closed || this.#starting !== starting) {
          await engine.close();
          return;
        }
        this.#engine = engine;
        this.#announce(engine.status());
      },
      (error: unknown) => {
        console.error('Sync could not start', error);
        if (this.#starting === starting) {
          this.#setStatus({ ...OFF, state: 'error', message: startMessage(error) });
        }
      },
    );
    this.#starting = starting;
  }

  async #stop() {
    const starting = this.#starting;
    this.#starting = undefined;
    await starting;
    const engine = this.#engine;
    this.#engine = undefined;
    await engine?.close();
  }

  async #notebookId(): Promise<string> {
    const { store } = this.ctx;
    const id = store.state.meta.notebookId;
    if (id !== undefined) return id;
    // Given on first need, in a commit of its own (never by opening).
    await store.commit([{ kind: 'meta', key: 'notebookId', value: this.ctx.newId() }]);
    return store.state.meta.notebookId!;
  }

  async #kept(notebookId: string): Promise<KeptPassword | undefined> {
    const text = await this.#secrets.get(secretName(notebookId));
    if (text === undefined) return undefined;
    try {
      const kept = JSON.parse(text) as Partial<KeptPassword>;
      return typeof kept.url === 'string' &&
        typeof kept.username === 'string' &&
        typeof kept.password === 'string'
        ? (kept as KeptPassword)
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** The password kept for this server and user, if one is. */
  async #password(config: StoredSyncConfig): Promise<string | undefined> {
    const id = this.ctx.store.state.meta.notebookId;
    if (id === undefined) return undefined;
    const kept = await this.#kept(id);
    return kept && kept.url === config.url && kept.username === config.username
      ? kept.password
      : undefined;
  }

  #setStatus(status: SyncStatus) {
    this.#status = status;
    this.#announce(status);
  }

  /** Tells the window to ask getSync again (a progress event of task 'sync'). */
  #announce(status: SyncStatus) {
    this.ctx.progress?.({ task: 'sync', done: 1, total: 1, stage: status.state });
  }
}

function startMessage(error: unknown): string {
  return `Sync could not start: ${(error as Error).message}`;
}
