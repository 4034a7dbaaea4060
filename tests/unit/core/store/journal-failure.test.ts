// An append that fails after bytes reached the file (a disk error at fdatasync): the line is cut
// back off, so a rejected commit can't reappear at the next start; if even that fails, the store
// refuses further commits instead of letting memory and disk drift apart.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import { NotebookError } from '../../../../electron/core/errors';
import { makeTempDir, plain, put, tag } from '../../../fixtures/store/notebook-fixtures';

/** How many datasync calls fail from now on, and whether truncate does. */
const faults = vi.hoisted(() => ({ datasync: 0, truncate: false }));
const eio = () => Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open: typeof actual.open = async (file, ...rest) => {
    const handle = await actual.open(file, ...rest);
    if (!/journal-\d+\.jsonl$/.test(String(file))) return handle;
    // Only the two calls under test misbehave; everything else is the real file handle.
    return new Proxy(handle, {
      get(target, key) {
        if (key === 'datasync' && faults.datasync > 0) {
          faults.datasync -= 1;
          return async () => Promise.reject(eio());
        }
        if (key === 'truncate' && faults.truncate) return async () => Promise.reject(eio());
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
  return { ...actual, open };
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  faults.datasync = 0;
  faults.truncate = false;
});
afterEach(() => cleanup());

const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };

it('cuts a line that failed to sync back off the journal, and carries on', async () => {
  const store = await openNotebookStore(dir, manual);
  await store.commit([put.tag(tag('t1'))]);
  const journal = await readFile(path.join(dir, 'journal-1.jsonl'));
  const before = plain(store.state);

  faults.datasync = 1;
  await expect(store.commit([put.tag(tag('lost'))])).rejects.toMatchObject({
    code: 'storage',
    message: 'The disk reported an error: your change was not saved. Check the disk and try again.',
  });
  expect(plain(store.state)).toEqual(before);
  expect((await readFile(path.join(dir, 'journal-1.jsonl'))).equals(journal)).toBe(true);

  await store.commit([put.tag(tag('t2'))]);
  const reopened = await openNotebookStore(dir, manual);
  expect([...reopened.state.tags.keys()]).toEqual(['t1', 't2']);
  expect(reopened.notices).toEqual([]);
});

it('refuses further commits when the failed line cannot be cut off either', async () => {
  const store = await openNotebookStore(dir, manual);
  await store.commit([put.tag(tag('t1'))]);

  faults.datasync = 1;
  faults.truncate = true;
  await expect(store.commit([put.tag(tag('t2'))])).rejects.toMatchObject({ code: 'storage' });
  faults.truncate = false;

  const refused = store.commit([put.tag(tag('t3'))]);
  await expect(refused).rejects.toBeInstanceOf(NotebookError);
  await expect(refused).rejects.toMatchObject({ code: 'bad-file' });
  expect([...store.state.tags.keys()]).toEqual(['t1']);
});
