// Secrets the host keeps for the core (the sync server's password), by name. Electron keeps them
// encrypted with safeStorage in the profile (electron/main/secrets.ts); the browser host and the
// tests keep them in memory for the run. Never in the notebook's folder, never in a log.

export interface SecretStore {
  /** The secret kept under `name`, or undefined. */
  get(name: string): Promise<string | undefined>;
  /** Keep `value` under `name`; undefined forgets it. Rejects, in words, when it can't be kept. */
  set(name: string, value: string | undefined): Promise<void>;
}

/** Secrets for this run only. */
export function memorySecrets(): SecretStore {
  const kept = new Map<string, string>();
  return {
    get: (name) => Promise.resolve(kept.get(name)),
    set: (name, value) => {
      if (value === undefined) kept.delete(name);
      else kept.set(name, value);
      return Promise.resolve();
    },
  };
}
