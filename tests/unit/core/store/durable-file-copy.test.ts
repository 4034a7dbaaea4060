// The backup on file systems without hard links: link() fails there, so the file is copied.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { writeFileDurably } from '../../../../electron/core/store/durable-file';
import { listDir, makeTempDir } from '../../../fixtures/store/notebook-fixtures';

const linkCalls = vi.hoisted(() => ({ count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    link: async () => {
      linkCalls.count++;
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    },
  };
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

it('falls back to copying the current file when hard links are refused', async () => {
  const target = path.join(dir, 'data.json');
  const backup = path.join(dir, 'data.json.bak');
  await writeFileDurably(target, 'one', { backupPath: backup });
  await writeFileDurably(target, 'two', { backupPath: backup });
  await writeFileDurably(target, 'three', { backupPath: backup });

  expect(linkCalls.count).toBe(3);
  expect(await readFile(target, 'utf8')).toBe('three');
  expect(await readFile(backup, 'utf8')).toBe('two');
  expect(await listDir(dir)).toEqual(['data.json', 'data.json.bak']);
});
