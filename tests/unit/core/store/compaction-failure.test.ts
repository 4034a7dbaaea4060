// A compaction whose new notebook.json doesn't read back as written, or can't be put in place,
// must not cost anything already saved: nothing that holds acknowledged data (a journal, the
// .bak, a restore point, a body) is removed or changed until a newer snapshot that contains it is
// durable and verified. Faults are injected into the file system module the store uses (a disk
// that silently keeps less than it was given can't be made on demand); the files are real.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { cp, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import {
  annotation,
  article,
  body,
  makeTempDir,
  plain,
  put,
  remove,
  tag,
} from '../../../fixtures/store/notebook-fixtures';
import { snapshotDir } from '../../support/dir-snapshot';

const faults = vi.hoisted(() => ({ mode: undefined as 'lose-bytes' | 'rename' | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const isSnapshotTemp = (file: unknown) => String(file).endsWith('notebook.json.tmp');
  const open: typeof actual.open = async (file, flags, mode) => {
    const handle = await actual.open(file, flags, mode);
    if (faults.mode !== 'lose-bytes' || flags !== 'w' || !isSnapshotTemp(file)) return handle;
    // The disk keeps less than it was given: the last bytes are gone when the file is read back.
    return new Proxy(handle, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const bound = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
        if (key !== 'sync') return bound;
        return async () => {
          const { size } = await target.stat();
          await target.truncate(Math.max(0, size - 7));
          return bound();
        };
      },
    });
  };
  const rename: typeof actual.rename = async (from, to) => {
    if (faults.mode === 'rename' && isSnapshotTemp(from)) {
      throw Object.assign(new Error('EIO: injected by the test'), { code: 'EIO' });
    }
    return actual.rename(from, to);
  };
  return { ...actual, open, rename };
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  faults.mode = undefined;
});
afterEach(async () => {
  faults.mode = undefined;
  await cleanup();
});

const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };
let minute = 0;
const now = () => new Date(Date.UTC(2024, 4, 1, 10, minute++));

/** Every file's bytes in the folder (bodies included), by hash: what must all still be there. */
async function contents(): Promise<string[]> {
  const hashes: string[] = [];
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(file);
      else
        hashes.push(
          createHash('sha256')
            .update(await readFile(file))
            .digest('hex'),
        );
    }
  };
  await walk(dir);
  return hashes.sort();
}

/**
 * Five compactions (so a .bak, restore points and the journals they need), an article deleted
 * since (its text is garbage once a snapshot without it is in place), and commits only the
 * journal holds.
 */
async function savedNotebook() {
  const store = await openNotebookStore(dir, { ...manual, now });
  for (const id of ['a1', 'a2']) {
    await store.putBody(body(id));
    await store.commit([put.article(article(id)), put.tag(tag(`t-${id}`))]);
    await store.compact();
  }
  for (let i = 1; i <= 3; i++) {
    await store.commit([put.annotation(annotation(`n${i}`, 'a2', ['t-a2']))]);
    await store.compact();
  }
  await store.commit([remove('articles', 'a1'), put.tag(tag('only-in-the-journal'))]);
  await store.commit([put.annotation({ ...annotation('n1', 'a2'), comment: 'edited' })]);
  return store;
}

describe('a compaction that fails', () => {
  it('because the new file does not read back as written removes and changes nothing', async () => {
    const store = await savedNotebook();
    const expected = plain(store.state);
    const before = await snapshotDir(dir);
    expect([...before.keys()].filter((f) => f.startsWith('notebook.restore-'))).not.toEqual([]);

    // What a compaction that works removes here, on a copy of the folder: the oldest restore
    // point and a journal every kept copy now contains. The failing one must remove neither.
    const twin = `${dir}-twin`;
    await cp(dir, twin, { recursive: true });
    try {
      const working = await openNotebookStore(twin, manual);
      await working.compact();
      const removed = [...before.keys()].filter((f) => !existsSync(path.join(twin, f)));
      expect(removed.some((f) => f.startsWith('notebook.restore-'))).toBe(true);
      expect(removed.some((f) => f.startsWith('journal-'))).toBe(true);
    } finally {
      await rm(twin, { recursive: true, force: true });
    }

    faults.mode = 'lose-bytes';
    await expect(store.compact()).rejects.toThrow(/did not read back as written/);
    expect(await snapshotDir(dir)).toEqual(before);

    // Saving goes on, and the next compaction that works keeps all of it.
    faults.mode = undefined;
    await store.commit([put.tag(tag('after'))]);
    await store.close();
    const reopened = await openNotebookStore(dir, manual);
    expect(reopened.notices).toEqual([]);
    expect(plain(reopened.state)).toEqual({
      ...expected,
      tags: [...expected.tags, tag('after')],
    });
  });

  it('because the new file cannot be put in place keeps every file’s bytes in the folder', async () => {
    const store = await savedNotebook();
    const expected = plain(store.state);
    const before = await contents();

    faults.mode = 'rename';
    await expect(store.compact()).rejects.toThrow(/EIO/);
    // The .bak may have moved to a restore point and notebook.json been linked as the .bak, but
    // no journal, snapshot or body is gone: every file's content is still somewhere here.
    const after = await contents();
    expect(before.filter((hash) => !after.includes(hash))).toEqual([]);

    faults.mode = undefined;
    const reopened = await openNotebookStore(dir, manual);
    expect(reopened.notices).toEqual([]);
    expect(plain(reopened.state)).toEqual(expected);
    expect(reopened.state.annotations.get('n1')?.comment).toBe('edited');
  });
});
