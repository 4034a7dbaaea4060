// The profile's secrets file (electron/main/secrets.ts) with a stand-in for safeStorage: values go
// in encrypted, come back as typed, are forgotten on request, and are refused (saying why) where
// the desktop has no keyring to encrypt with.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encryptsSafely, fileSecrets, type Cipher } from '../../../electron/main/secrets';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'secrets-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Reversible, and visibly not the plain text: each byte flipped. */
function cipher(options: { available?: boolean; backend?: string } = {}): Cipher {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0xff)),
    decryptString: (encrypted) => Buffer.from(encrypted.map((b) => b ^ 0xff)).toString('utf8'),
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('fileSecrets', () => {
  it('keeps a value encrypted in its file, and gives it back as typed', async () => {
    const file = join(dir, 'secrets.json');
    const secrets = fileSecrets(file, () => cipher(), 'linux');
    const value = 'pässwörd/?]🌍 ə ş ı İ';
    await secrets.set('sync:nb-1', value);
    expect(await secrets.get('sync:nb-1')).toBe(value);
    const text = await readFile(file, 'utf8');
    expect(text).not.toContain('pässwörd');
    expect(text).not.toContain('ş');
    // Another instance reading the same file (a restart) finds it.
    expect(await fileSecrets(file, () => cipher(), 'linux').get('sync:nb-1')).toBe(value);
    await secrets.set('sync:nb-1', undefined);
    expect(await secrets.get('sync:nb-1')).toBeUndefined();
  });

  it('refuses to keep a value where nothing encrypts it, and keeps nothing', async () => {
    const file = join(dir, 'secrets.json');
    for (const unsafe of [cipher({ available: false }), cipher({ backend: 'basic_text' })]) {
      const secrets = fileSecrets(file, () => unsafe, 'linux');
      await expect(secrets.set('sync:nb-1', 'x')).rejects.toThrow(/no keyring/);
      expect(await secrets.get('sync:nb-1')).toBeUndefined();
    }
    await expect(readFile(file, 'utf8')).rejects.toThrow();
  });

  it('reads a damaged file as holding nothing, and a value it can’t decrypt as none', async () => {
    const file = join(dir, 'secrets.json');
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{not json');
    const secrets = fileSecrets(file, () => cipher(), 'darwin');
    expect(await secrets.get('a')).toBeUndefined();
    await secrets.set('a', 'one');
    const broken: Cipher = {
      ...cipher(),
      decryptString: () => {
        throw new Error('another key');
      },
    };
    expect(await fileSecrets(file, () => broken, 'darwin').get('a')).toBeUndefined();
  });

  it('takes basic_text as unsafe on Linux only', () => {
    expect(encryptsSafely(cipher({ backend: 'basic_text' }), 'linux')).toBe(false);
    expect(encryptsSafely(cipher({ backend: 'basic_text' }), 'win32')).toBe(true);
    expect(encryptsSafely(cipher({ available: false }), 'darwin')).toBe(false);
  });
});
