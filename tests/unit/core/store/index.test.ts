// The store as the core uses it: round trips through real files, the rolling backup, the write
// queue, and what memory holds after a write fails.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore, type NotebookData } from '../../../../electron/core/store';
import { NotebookError } from '../../../../electron/core/errors';
import {
  annotation,
  article,
  listDir,
  makeTempDir,
  readJson,
  tag,
} from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const file = () => path.join(dir, 'notebook.json');
const backup = () => path.join(dir, 'notebook.json.bak');
const clone = (data: NotebookData): NotebookData => structuredClone(data);

describe('openNotebookStore', () => {
  it('starts an empty notebook in a fresh folder without notices or files', async () => {
    const store = await openNotebookStore(path.join(dir, 'nested', 'data'));
    expect(store.data).toEqual({
      version: 1,
      articles: [],
      annotations: [],
      tags: [],
      sampleSeeded: false,
    });
    expect(store.notices).toEqual([]);
    expect(store.filePath).toBe(path.join(dir, 'nested', 'data', 'notebook.json'));
    expect(await listDir(path.join(dir, 'nested', 'data'))).toEqual([]);
  });

  it('round-trips articles, tags and annotations through the file', async () => {
    const store = await openNotebookStore(dir);
    await store.update((data) => {
      data.articles.push(article('a1'));
      data.tags.push(tag('t1'));
      data.annotations.push(annotation('n1', 'a1', ['t1']));
      data.sampleSeeded = true;
    });
    expect(await readJson(file())).toEqual(store.data);

    const reopened = await openNotebookStore(dir);
    expect(reopened.data).toEqual(store.data);
    expect(reopened.data.articles[0]).toEqual(article('a1'));
    expect(reopened.data.annotations[0]?.selectors[1].exact).toBe('Text');
    expect(reopened.notices).toEqual([]);
  });

  it('keeps the previous version as the backup on every write', async () => {
    const store = await openNotebookStore(dir);
    await store.update((data) => void data.articles.push(article('a1')));
    const first = clone(store.data);
    expect(await listDir(dir)).toEqual(['notebook.json']);

    await store.update((data) => void data.tags.push(tag('t1')));
    expect(await readJson(backup())).toEqual(first);
    expect(await readJson(file())).toEqual(store.data);

    const second = clone(store.data);
    await store.update((data) => void data.articles.pop());
    expect(await readJson(backup())).toEqual(second);
    expect(await listDir(dir)).toEqual(['notebook.json', 'notebook.json.bak']);
  });
});

describe('update', () => {
  it('runs concurrent calls one at a time, in call order, each after the previous write', async () => {
    const store = await openNotebookStore(dir);
    await store.update((data) => void data.tags.push(tag('seed')));
    const seenOnDisk: number[] = [];
    const calls = Array.from({ length: 20 }, (_, i) =>
      store.update((data) => {
        // What the file holds when this mutation starts: every earlier update must be durable.
        const disk = JSON.parse(readFileSync(file(), 'utf8')) as NotebookData;
        seenOnDisk.push(disk.tags.length);
        data.tags.push(tag(`t${i}`));
      }),
    );
    await Promise.all(calls);

    expect(seenOnDisk).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const expectedIds = ['seed', ...Array.from({ length: 20 }, (_, i) => `t${i}`)];
    expect(store.data.tags.map((t) => t.id)).toEqual(expectedIds);
    const onDisk = (await readJson(file())) as NotebookData;
    expect(onDisk.tags.map((t) => t.id)).toEqual(expectedIds);
  });

  it('keeps the queue going after one call fails, and undoes that call in memory', async () => {
    const store = await openNotebookStore(dir);
    await store.update((data) => void data.articles.push(article('a0')));
    const results = await Promise.allSettled([
      store.update((data) => void data.tags.push(tag('before'))),
      store.update((data) => {
        data.articles.length = 0; // a partial change, then a refusal
        throw new NotebookError('not-found', 'That tag no longer exists.');
      }),
      store.update((data) => void data.tags.push(tag('after'))),
    ]);

    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]).toMatchObject({ reason: { code: 'not-found' } });
    expect(store.data.articles.map((a) => a.id)).toEqual(['a0']);
    expect(store.data.tags.map((t) => t.id)).toEqual(['before', 'after']);
    expect(await readJson(file())).toEqual(store.data);
  });

  it('rejects when the write fails and reloads memory from disk; later writes still work', async () => {
    const store = await openNotebookStore(dir);
    await store.update((data) => void data.articles.push(article('a1')));
    const durable = await readFile(file());
    // Running as root ignores permissions, so block the temp file's path with a folder instead.
    await mkdir(path.join(dir, 'notebook.json.tmp'));

    await expect(
      store.update((data) => void data.articles.push(article('lost'))),
    ).rejects.toMatchObject({ code: 'EISDIR' });
    expect(store.data.articles.map((a) => a.id)).toEqual(['a1']);
    expect(store.data).toEqual(JSON.parse(durable.toString('utf8')));
    expect((await readFile(file())).equals(durable)).toBe(true);

    await rm(path.join(dir, 'notebook.json.tmp'), { recursive: true });
    await store.update((data) => void data.articles.push(article('a2')));
    expect(((await readJson(file())) as NotebookData).articles.map((a) => a.id)).toEqual([
      'a1',
      'a2',
    ]);
  });

  it('refuses further changes when a write fails and the file cannot be read back', async () => {
    const store = await openNotebookStore(dir);
    await store.update((data) => void data.articles.push(article('a1')));
    // A folder where the notebook file was: the backup step, the rename and the reload all fail.
    await rm(file());
    await mkdir(file());

    await expect(store.update((data) => void data.tags.push(tag('t1')))).rejects.toThrow();
    const refused = store.update((data) => void data.tags.push(tag('t2')));
    await expect(refused).rejects.toBeInstanceOf(NotebookError);
    await expect(refused).rejects.toMatchObject({ code: 'bad-file' });
    expect(await listDir(file())).toEqual([]);
  });
});
