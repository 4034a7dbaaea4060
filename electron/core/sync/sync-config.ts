// Where each notebook's sync configuration is kept on this machine: a file of its own beside the
// app's settings file (settings-sync.json), keyed by the notebook's id. Not in the notebook: the
// notebook moves between machines and coders, and each coder reaches the server as themselves.
// Not in the settings file either: the window reads every setting through getSettings, and the
// settings store keeps only the keys the setSettings schema knows. The password is never here
// (SecretStore).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asStorageError } from '../errors';
import { isMissing, writeFileDurably } from '../store/durable-file';

export interface StoredSyncConfig {
  url: string;
  username: string;
  enabled: boolean;
}

interface ConfigFile {
  format: 1;
  notebooks: Record<string, StoredSyncConfig>;
}

export interface SyncConfigStore {
  get(notebookId: string): Promise<StoredSyncConfig | undefined>;
  /** undefined forgets the notebook's configuration. */
  set(notebookId: string, config: StoredSyncConfig | undefined): Promise<void>;
}

/** The file beside `settingsFile`; without one (tests, a host with no profile), memory only. */
export function syncConfigStore(settingsFile: string | undefined): SyncConfigStore {
  if (!settingsFile) {
    const kept = new Map<string, StoredSyncConfig>();
    return {
      get: (id) => Promise.resolve(kept.get(id)),
      set: (id, config) => {
        if (config) kept.set(id, config);
        else kept.delete(id);
        return Promise.resolve();
      },
    };
  }
  const file = path.join(
    path.dirname(settingsFile),
    `${path.basename(settingsFile, '.json')}-sync.json`,
  );
  let tail: Promise<unknown> = Promise.resolve();
  return {
    get: async (id) => (await read(file)).notebooks[id],
    set: (id, config) => {
      // One read-change-write at a time, so two changes never lose one another.
      const run = tail.then(async () => {
        const data = await read(file);
        if (config) data.notebooks[id] = config;
        else delete data.notebooks[id];
        try {
          await writeFileDurably(file, `${JSON.stringify(data, null, 2)}\n`);
        } catch (error) {
          throw asStorageError(error);
        }
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

/** The file's configurations; a missing or damaged file (or entry) holds none. */
async function read(file: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return { format: 1, notebooks: {} };
    throw asStorageError(error, true);
  }
  const notebooks: Record<string, StoredSyncConfig> = {};
  try {
    const raw = (JSON.parse(text) as { notebooks?: unknown }).notebooks;
    if (typeof raw === 'object' && raw !== null) {
      for (const [id, value] of Object.entries(raw)) {
        if (isConfig(value)) notebooks[id] = value;
      }
    }
  } catch {
    // Damaged: sync is off for every notebook until configured again; nothing else depends on it.
  }
  return { format: 1, notebooks };
}

function isConfig(value: unknown): value is StoredSyncConfig {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  return (
    typeof c.url === 'string' && typeof c.username === 'string' && typeof c.enabled === 'boolean'
  );
}
