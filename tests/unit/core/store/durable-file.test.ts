// Durable writes on real files: content, the rolling backup, leftovers from a crash, and failures
// that must leave the target as it was.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  keepCopy,
  setAside,
  syncDirectory,
  writeFileDurably,
} from '../../../../electron/core/store/durable-file';
import { listDir, makeTempDir } from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const target = () => path.join(dir, 'data.json');
const backupPath = () => path.join(dir, 'data.json.bak');

describe('writeFileDurably', () => {
  it('writes the content and, from the second write on, keeps the previous one as backup', async () => {
    await writeFileDurably(target(), 'one', { backupPath: backupPath() });
    expect(await listDir(dir)).toEqual(['data.json']);
    await writeFileDurably(target(), 'two', { backupPath: backupPath() });
    await writeFileDurably(target(), 'three', { backupPath: backupPath() });

    expect(await readFile(target(), 'utf8')).toBe('three');
    expect(await readFile(backupPath(), 'utf8')).toBe('two');
    expect(await listDir(dir)).toEqual(['data.json', 'data.json.bak']);
  });

  it('writes content that comes in chunks, in order', async () => {
    async function* chunks() {
      for (const part of ['{"a":', '[1,', '2]}']) {
        await new Promise((resolve) => setImmediate(resolve));
        yield part;
      }
    }
    await writeFileDurably(target(), 'old', { backupPath: backupPath() });
    await writeFileDurably(target(), chunks(), { backupPath: backupPath() });
    expect(await readFile(target(), 'utf8')).toBe('{"a":[1,2]}');
    expect(await readFile(backupPath(), 'utf8')).toBe('old');
  });

  it('writes without a backup when none is asked for', async () => {
    await writeFileDurably(target(), 'one');
    await writeFileDurably(target(), 'two');
    expect(await listDir(dir)).toEqual(['data.json']);
  });

  it('reuses temp and backup-staging files left by a crash', async () => {
    await writeFileDurably(target(), 'one', { backupPath: backupPath() });
    await writeFile(`${target()}.tmp`, 'half a wri');
    await writeFile(`${backupPath()}.tmp`, 'stale');
    await writeFileDurably(target(), 'two', { backupPath: backupPath() });

    expect(await readFile(target(), 'utf8')).toBe('two');
    expect(await readFile(backupPath(), 'utf8')).toBe('one');
    expect(await listDir(dir)).toEqual(['data.json', 'data.json.bak']);
  });

  it('leaves target and backup untouched when the write fails', async () => {
    await writeFileDurably(target(), 'one', { backupPath: backupPath() });
    await writeFileDurably(target(), 'two', { backupPath: backupPath() });
    await mkdir(`${target()}.tmp`);

    await expect(
      writeFileDurably(target(), 'three', { backupPath: backupPath() }),
    ).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readFile(target(), 'utf8')).toBe('two');
    expect(await readFile(backupPath(), 'utf8')).toBe('one');
    // Something that isn't our temp file is not removed either.
    expect(await readdir(`${target()}.tmp`)).toEqual([]);
  });

  it('removes its temp file when a later step fails', async () => {
    await mkdir(target()); // renaming a file over a folder fails
    await expect(writeFileDurably(target(), 'x')).rejects.toThrow();
    expect(await listDir(dir)).toEqual(['data.json']);
  });
});

describe('syncDirectory', () => {
  it('syncs an existing folder and reports a missing one', async () => {
    await expect(syncDirectory(dir)).resolves.toBeUndefined();
    await expect(syncDirectory(path.join(dir, 'missing'))).rejects.toMatchObject({
      code: 'ENOENT',
    });
  });
});

describe('setAside and keepCopy', () => {
  it('never replace an existing file', async () => {
    await writeFile(path.join(dir, 'a'), 'A');
    await writeFile(path.join(dir, 'b'), 'B');
    await writeFile(path.join(dir, 'kept.json'), 'older');

    expect(await setAside(path.join(dir, 'a'), 'kept.json')).toBe(path.join(dir, 'kept-2.json'));
    expect(await setAside(path.join(dir, 'b'), 'kept.json')).toBe(path.join(dir, 'kept-3.json'));
    expect(await keepCopy(path.join(dir, 'kept.json'), 'kept.json')).toBe(
      path.join(dir, 'kept-4.json'),
    );

    expect(await listDir(dir)).toEqual(['kept-2.json', 'kept-3.json', 'kept-4.json', 'kept.json']);
    const read = (name: string) => readFile(path.join(dir, name), 'utf8');
    expect(
      await Promise.all(['kept.json', 'kept-2.json', 'kept-3.json', 'kept-4.json'].map(read)),
    ).toEqual(['older', 'A', 'B', 'older']);
  });
});
