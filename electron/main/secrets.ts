// The secrets the core asks the host to keep (sync's password): encrypted with Electron's
// safeStorage (the OS keychain, DPAPI, or the desktop's secret service) into one file in the
// profile, never in the notebook. Takes the cipher as a parameter, so it runs in plain Node under
// test; index.ts hands it Electron's safeStorage (asked for on first use: it is ready only once
// the app is).
import { readFile } from 'node:fs/promises';
import { NotebookError } from '../core/errors';
import { isMissing, writeFileDurably } from '../core/store/durable-file';
import type { SecretStore } from '../core/sync/secret-store';

/** The part of Electron's safeStorage used here. */
export interface Cipher {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: 'basic_text' means no keyring, a fixed key anyone could read with. */
  getSelectedStorageBackend?(): string;
}

interface SecretsFile {
  format: 1;
  /** Name to the encrypted value, base64. */
  secrets: Record<string, string>;
}

/** Whether the cipher protects anything: a Linux session without a keyring does not. */
export function encryptsSafely(cipher: Cipher, platform: NodeJS.Platform = process.platform) {
  if (!cipher.isEncryptionAvailable()) return false;
  return platform !== 'linux' || cipher.getSelectedStorageBackend?.() !== 'basic_text';
}

export function fileSecrets(
  file: string,
  cipherOf: () => Cipher,
  platform: NodeJS.Platform = process.platform,
): SecretStore {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    async get(name) {
      const encrypted = (await read(file)).secrets[name];
      const cipher = cipherOf();
      if (encrypted === undefined || !encryptsSafely(cipher, platform)) return undefined;
      try {
        return cipher.decryptString(Buffer.from(encrypted, 'base64'));
      } catch {
        // Encrypted under another user or machine's key: as good as not kept.
        return undefined;
      }
    },
    set(name, value) {
      const run = tail.then(async () => {
        const cipher = cipherOf();
        if (value !== undefined && !encryptsSafely(cipher, platform)) {
          throw new NotebookError(
            'storage',
            'This computer offers no keyring to keep the password in safely, so it was not kept. Sign in to a desktop with a keyring (GNOME Keyring, KWallet), or use a server that needs no password.',
          );
        }
        const data = await read(file);
        if (value === undefined) delete data.secrets[name];
        else data.secrets[name] = cipher.encryptString(value).toString('base64');
        await writeFileDurably(file, `${JSON.stringify(data, null, 2)}\n`);
      });
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

async function read(file: string): Promise<SecretsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return { format: 1, secrets: {} };
    throw error;
  }
  try {
    const raw = (JSON.parse(text) as { secrets?: unknown }).secrets;
    const secrets: Record<string, string> = {};
    if (typeof raw === 'object' && raw !== null) {
      for (const [name, value] of Object.entries(raw)) {
        if (typeof value === 'string') secrets[name] = value;
      }
    }
    return { format: 1, secrets };
  } catch {
    // Damaged: the passwords are typed again; nothing else is kept here.
    return { format: 1, secrets: {} };
  }
}
