// A disk that is full, read-only or refuses access: every call that saves says which, in words
// (not "Something went wrong"), nothing is saved (memory and the folder as they were), the
// notebook can still be read, and saving works again once the disk does.
//
// The failures are injected into the file system module the store uses: these machines run the
// tests as root, which ignores permissions (a read-only chmod changes nothing), and without mount
// rights there is no small or read-only file system to fill or mount. The injection follows what
// each error does for real: a full disk still opens, renames and deletes but can't take data; a
// read-only disk or a refused permission fails every change, and reads still work.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { openNotebookStore } from '../../../../electron/core/store';
import { makeTempDir, plain, put, tag } from '../../../fixtures/store/notebook-fixtures';
import { snapshotDir } from '../../support/dir-snapshot';

const faults = vi.hoisted(() => ({ code: undefined as string | undefined }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const failure = () => {
    const code = faults.code ?? 'EIO';
    return Object.assign(new Error(`${code}: injected by the test`), { code });
  };
  /** A full disk refuses data; read-only and permission errors refuse every change. */
  const full = () => faults.code === 'ENOSPC' || faults.code === 'EDQUOT';
  const refusesChanges = () => faults.code !== undefined && !full();
  const refusesData = () => faults.code !== undefined;
  const writing = (flags: unknown) => typeof flags === 'string' && /[wa+]/.test(flags);
  const change =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>, refuses = refusesChanges) =>
    async (...args: A): Promise<R> => {
      if (refuses()) throw failure();
      return fn(...args);
    };
  const open: typeof actual.open = async (file, flags, mode) => {
    if (writing(flags) && refusesChanges()) throw failure();
    const handle = await actual.open(file, flags, mode);
    if (!writing(flags)) return handle;
    return new Proxy(handle, {
      get(target, key) {
        const value: unknown = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        const bound = value.bind(target) as (...args: unknown[]) => Promise<unknown>;
        if (['write', 'writeFile', 'appendFile'].includes(String(key))) {
          return change(bound, refusesData);
        }
        if (['truncate', 'sync', 'datasync'].includes(String(key))) return change(bound);
        return bound;
      },
    });
  };
  const mkdir: typeof actual.mkdir = (async (dir: string, options?: { recursive?: boolean }) => {
    const exists = await actual.stat(dir).then(
      () => true,
      () => false,
    );
    if (!exists && refusesData()) throw failure();
    return actual.mkdir(dir, options);
  }) as typeof actual.mkdir;
  return {
    ...actual,
    open,
    mkdir,
    writeFile: change(actual.writeFile, refusesData),
    appendFile: change(actual.appendFile, refusesData),
    copyFile: change(actual.copyFile, refusesData),
    rename: change(actual.rename),
    link: change(actual.link),
    rm: change(actual.rm),
    unlink: change(actual.unlink),
    truncate: change(actual.truncate),
  };
});

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  faults.code = undefined;
});
afterEach(async () => {
  faults.code = undefined;
  await cleanup();
});

const SENTENCES: Record<string, string> = {
  ENOSPC: 'The disk is full: your change was not saved. Free some space and try again.',
  EDQUOT: 'The disk is full: your change was not saved. Free some space and try again.',
  EROFS:
    'The notebook folder is on a disk that can only be read: your change was not saved. Make the disk writable (or move the notebook to one that is) and try again.',
  EACCES:
    'Research Notebook is not allowed to write in the notebook folder: your change was not saved. Check the folder’s permissions and try again.',
  EPERM:
    'Research Notebook is not allowed to write in the notebook folder: your change was not saved. Check the folder’s permissions and try again.',
};

describe.each(Object.keys(SENTENCES))('%s', (code) => {
  let notebook: Notebook;
  let dispatch: Dispatch;
  const log = vi.fn();
  beforeEach(async () => {
    notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
    dispatch = createDispatcher(notebook.handlers, log);
  });
  afterEach(async () => {
    faults.code = undefined;
    await notebook.store.close();
  });

  it('every saving call says why in words, saves nothing and leaves the notebook readable', async () => {
    const article = await notebook.handlers.importText({ text: 'Ports\n\nAktau and Baku.' });
    await notebook.handlers.createTag({ name: 'ports' });
    await notebook.store.compact();
    await notebook.handlers.createTag({ name: 'in the journal only' });
    const state = plain(notebook.store.state);
    const files = await snapshotDir(dir);

    faults.code = code;
    const refused = await Promise.all([
      dispatch('createTag', { name: 'economy' }),
      dispatch('createAnnotation', {
        articleId: article.id,
        start: 7,
        end: 12,
        tagNames: ['ports'],
        comment: '',
      }),
      dispatch('importText', { text: 'A second article' }),
      dispatch('setMemo', { articleId: article.id, memo: 'a memo' }),
      dispatch('deleteArticle', { id: article.id }),
    ]);
    for (const envelope of refused) {
      expect(envelope).toEqual({ ok: false, error: { code: 'storage', message: SENTENCES[code] } });
    }
    // A compaction the disk refuses loses nothing either (the journal still has everything).
    await expect(notebook.store.compact()).rejects.toBeDefined();
    expect(log).not.toHaveBeenCalled();
    expect(plain(notebook.store.state)).toEqual(state);
    expect(await snapshotDir(dir)).toEqual(files);
    // Still readable, all of it.
    expect(await dispatch('getArticle', { id: article.id })).toMatchObject({ ok: true });
    expect(await dispatch('listTags', {})).toMatchObject({ ok: true });
    expect(await dispatch('exportNotes', { format: 'markdown' })).toMatchObject({ ok: true });

    // Once the disk takes changes again, so does the notebook, and only what it acknowledged.
    faults.code = undefined;
    expect(await dispatch('createTag', { name: 'economy' })).toMatchObject({ ok: true });
    await notebook.store.close();
    notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
    const names = (await notebook.handlers.listTags({})).map((t) => t.name).sort();
    expect(names).toEqual(['economy', 'in the journal only', 'ports']);
    expect(await notebook.handlers.listArticles({})).toHaveLength(1);
  });
});

describe('opening on a disk that can only be read', () => {
  it('opens and reads a notebook that needs nothing written', async () => {
    const store = await openNotebookStore(dir, { compactAfterMs: 1e9 });
    await store.commit([put.tag(tag('t1'))]);
    await store.close();
    const files = await snapshotDir(dir);

    faults.code = 'EROFS';
    const again = await openNotebookStore(dir, { compactAfterMs: 1e9 });
    expect([...again.state.tags.keys()]).toEqual(['t1']);
    expect(again.notices).toEqual([]);
    await expect(again.commit([put.tag(tag('t2'))])).rejects.toMatchObject({
      code: 'storage',
      message: SENTENCES.EROFS,
    });
    expect(await snapshotDir(dir)).toEqual(files);
  });

  it('recovers in memory when notebook.json is damaged, changes nothing, and says why it could not keep the recovery', async () => {
    const store = await openNotebookStore(dir, { compactAfterMs: 1e9 });
    await store.commit([put.tag(tag('t1'))]);
    await store.compact();
    await store.commit([put.tag(tag('t2'))]);
    await store.compact();
    await store.commit([put.tag(tag('t3'))]);
    await writeFile(path.join(dir, 'notebook.json'), 'damaged');
    const files = await snapshotDir(dir);

    faults.code = 'EROFS';
    const again = await openNotebookStore(dir, { compactAfterMs: 1e9 });
    expect([...again.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
    expect(again.notices).toMatchObject([
      { code: 'notebook-restored', params: { problem: 'damaged', source: 'backup' } },
      { code: 'recovery-not-saved', params: { problem: 'read-only' } },
    ]);
    expect(await snapshotDir(dir)).toEqual(files);

    // On a writable disk the same recovery is done, and kept.
    faults.code = undefined;
    const writable = await openNotebookStore(dir, { compactAfterMs: 1e9 });
    expect([...writable.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
    expect(writable.notices.map((n) => n.code)).toEqual(['notebook-restored']);
    expect(await readFile(path.join(dir, 'notebook.json'), 'utf8')).toContain('"t3"');
  });
});
