// The store as the core uses it: commits through the journal, replay and compaction through real
// files, the commit queue, and what memory holds after a commit fails.
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOTEBOOK_VERSION, openNotebookStore } from '../../../../electron/core/store';
import type { NotebookData } from '../../../../electron/core/store/notebook-data';
import type { Annotation } from '../../../../electron/shared/model';
import { NotebookFileAdapter } from '../../../../electron/core/store/notebook-file';
import {
  annotation,
  article,
  body,
  journals,
  listDir,
  makeTempDir,
  plain,
  put,
  readJson,
  remove,
  seeded,
  tag,
} from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const file = () => path.join(dir, 'notebook.json');
const backup = () => path.join(dir, 'notebook.json.bak');
/** No background compaction: a test that wants one asks for it. */
const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };
/** Waiting for a background compaction: generous, as a busy machine can be slow to get to it. */
const patiently = { timeout: 10_000, interval: 20 };
const lines = (name: string) => readFileSync(path.join(dir, name), 'utf8').split('\n').slice(0, -1);

describe('openNotebookStore', () => {
  it('starts an empty notebook in a fresh folder without notices or files', async () => {
    const dataDir = path.join(dir, 'nested', 'data');
    const store = await openNotebookStore(dataDir);
    expect(NOTEBOOK_VERSION).toBe(2);
    expect(plain(store.state)).toEqual({
      articles: [],
      annotations: [],
      tags: [],
      analysts: [],
      codebookLog: [],
      meta: { sampleSeeded: false },
    });
    expect(store.notices).toEqual([]);
    expect(store.dataDir).toBe(dataDir);
    await store.close();
    expect(await listDir(dataDir)).toEqual([]);
  });
});

describe('commit', () => {
  it('appends one journal line per commit and replays it after a reopen without compaction', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.putBody(body('a1'));
    await store.commit([put.article(article('a1')), put.tag(tag('t1'))]);
    await store.commit([put.annotation(annotation('n1', 'a1', ['t1'])), seeded(true)]);
    await store.commit([put.tag(tag('t1', 'renamed')), put.tag(tag('t2'))]);
    await store.commit([remove('tags', 't2')]);

    expect(await listDir(dir)).toEqual(['bodies', 'journal-1.jsonl']);
    expect(lines('journal-1.jsonl').map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([
      1, 2, 3, 4,
    ]);
    const reopened = await openNotebookStore(dir, manual);
    expect(plain(reopened.state)).toEqual(plain(store.state));
    expect(plain(reopened.state)).toEqual({
      articles: [article('a1')],
      annotations: [annotation('n1', 'a1', ['t1'])],
      tags: [tag('t1', 'renamed')],
      analysts: [],
      codebookLog: [],
      meta: { sampleSeeded: true },
    });
    expect(reopened.notices).toEqual([]);
  });

  it("keeps its own copy of each record, so changing the caller's object changes nothing", async () => {
    const store = await openNotebookStore(dir, manual);
    const record = tag('t1');
    const pending = store.commit([put.tag(record)]);
    record.name = 'changed after the call';
    await pending;
    record.name = 'changed after the commit';
    expect(store.state.tags.get('t1')?.name).toBe('tag t1');
  });

  it('keeps handed-over annotations as they are, and the same content as a copy would', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.article(article('a1')), put.tag(tag('t1'))]);
    const kept = annotation('n1', 'a1', ['t1']);
    const copied = annotation('n2', 'a1', ['t1']);
    // A big commit as a revision makes it, and a small one.
    const many = Array.from({ length: 100 }, (_, i) => annotation(`m${i}`, 'a1', ['t1']));
    await store.commit([put.annotation(kept), ...many.map(put.annotation)], { handOver: true });
    await store.commit([put.annotation(copied)]);
    expect(store.state.annotations.get('n1')).toBe(kept);
    expect(store.state.annotations.get('m99')).toBe(many[99]);
    expect(store.state.annotations.get('n2')).not.toBe(copied);
    expect(store.state.annotations.get('n2')).toEqual(copied);
    await store.close();
    const reopened = await openNotebookStore(dir, manual);
    expect(reopened.state.annotations.get('n1')).toEqual(kept);
    expect(reopened.state.annotations.size).toBe(102);
  });

  it('runs concurrent calls one at a time, in call order, each durable before it resolves', async () => {
    const store = await openNotebookStore(dir, manual);
    const onDiskWhenResolved: number[] = [];
    const calls = Array.from({ length: 20 }, (_, i) =>
      store.commit([put.tag(tag(`t${i}`))]).then(() => {
        onDiskWhenResolved.push(lines('journal-1.jsonl').length);
      }),
    );
    await Promise.all(calls);

    expect(onDiskWhenResolved).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const ids = Array.from({ length: 20 }, (_, i) => `t${i}`);
    expect([...store.state.tags.keys()]).toEqual(ids);
    expect([...(await openNotebookStore(dir, manual)).state.tags.keys()]).toEqual(ids);
  });

  it('refuses an invalid change before writing anything, and the queue goes on', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('before'))]);
    const bad = { ...annotation('n1', 'a1'), revision: 0 };
    const results = await Promise.allSettled([
      store.commit([put.tag(tag('same commit')), put.annotation(bad)]),
      store.commit([put.tag(tag('after'))]),
    ]);

    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toContain('invalid change');
    expect([...store.state.tags.keys()]).toEqual(['before', 'after']);
    expect(lines('journal-1.jsonl')).toHaveLength(2);
  });

  // A revision commits ten thousand annotations: checked a slice at a time, exact ones quickly.
  it('checks a big commit as a small one: one bad record refuses all of it, a stray key goes', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.putBody(body('a1'));
    await store.commit([put.article(article('a1'))]);
    const many = Array.from({ length: 500 }, (_, i) => put.annotation(annotation(`n${i}`, 'a1')));
    const bad = { ...annotation('bad', 'a1'), anchor: 'pinned' } as unknown as Annotation;
    await expect(store.commit([...many, put.annotation(bad)])).rejects.toThrow('invalid change');
    expect(store.state.annotations.size).toBe(0);
    expect(lines('journal-1.jsonl')).toHaveLength(1);

    const stray = { ...annotation('stray', 'a1'), note: 'not in the schema' } as Annotation;
    await store.commit([...many, put.annotation(stray)]);
    expect(store.state.annotations.size).toBe(501);
    expect(store.state.annotations.get('stray')).toEqual(annotation('stray', 'a1'));
    const reopened = await openNotebookStore(dir, manual);
    expect(plain(reopened.state)).toEqual(plain(store.state));
  });

  it('rejects when the append fails and leaves memory as it was; later commits still work', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.article(article('a1'))]);
    await store.compact();
    const before = plain(store.state);
    // Running as root ignores permissions, so block the next journal's path with a folder instead.
    await mkdir(path.join(dir, 'journal-2.jsonl'));

    await expect(store.commit([put.article(article('lost'))])).rejects.toMatchObject({
      code: 'EISDIR',
    });
    expect(plain(store.state)).toEqual(before);

    await rm(path.join(dir, 'journal-2.jsonl'), { recursive: true });
    await store.commit([put.article(article('a2'))]);
    const reopened = await openNotebookStore(dir, manual);
    expect([...reopened.state.articles.keys()]).toEqual(['a1', 'a2']);
  });

  it('is refused once the store is closed', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.close();
    await expect(store.commit([put.tag(tag('t1'))])).rejects.toThrow('closed');
  });
});

describe('compaction', () => {
  it('writes the state to notebook.json without bodies; a reopen gives the same state', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.putBody(body('a1'));
    await store.commit([put.article(article('a1')), put.tag(tag('t1')), seeded(true)]);
    await store.commit([put.annotation(annotation('n1', 'a1', ['t1']))]);
    await store.compact();

    const data = (await readJson(file())) as Record<string, unknown>;
    expect(data).toEqual({
      version: 2,
      journalSeq: 2,
      articles: [article('a1')],
      annotations: [annotation('n1', 'a1', ['t1'])],
      tags: [tag('t1')],
      analysts: [],
      codebookLog: [],
      tombstones: [],
      adjudications: [],
      peers: [],
      sampleSeeded: true,
      // This version's seal: its schema's fingerprint and the CRC of the bytes before it.
      seal: expect.stringMatching(/^[0-9a-f]{8}:[0-9a-f]{8}$/),
    });
    expect(JSON.stringify(data)).not.toContain('Text of a1');
    const reopened = await openNotebookStore(dir, manual);
    expect(plain(reopened.state)).toEqual(plain(store.state));
    expect(reopened.notices).toEqual([]);
  });

  it('keeps the previous notebook as backup and each journal until the backup covers it', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t0'))]);
    await store.compact();
    // The journal stays one more round: with the backup it rebuilds everything if need be.
    expect(await listDir(dir)).toEqual(['journal-1.jsonl', 'notebook.json']);

    await store.commit([put.tag(tag('t1'))]);
    await store.compact();
    expect(((await readJson(backup())) as { journalSeq: number }).journalSeq).toBe(1);
    expect(await listDir(dir)).toEqual(['journal-2.jsonl', 'notebook.json', 'notebook.json.bak']);

    await store.commit([remove('tags', 't0')]);
    await store.compact();
    expect(((await readJson(file())) as { journalSeq: number }).journalSeq).toBe(3);
    expect(((await readJson(backup())) as { journalSeq: number }).journalSeq).toBe(2);
  });

  it('keeps the last three snapshots before the backup as restore points, and the journals since the oldest', async () => {
    const at = (n: number) => () => new Date(Date.UTC(2024, 4, 1, 10, n));
    let minute = 0;
    const store = await openNotebookStore(dir, { ...manual, now: () => at(minute)() });
    for (let i = 1; i <= 6; i++) {
      minute = i;
      await store.commit([put.tag(tag(`t${i}`))]);
      await store.compact();
    }
    const seqOf = async (name: string) =>
      ((await readJson(path.join(dir, name))) as { journalSeq: number }).journalSeq;
    const points = (await listDir(dir)).filter((n) => n.startsWith('notebook.restore-'));
    // Six snapshots: notebook.json (6), .bak (5), restore points (4, 3, 2); the first was pruned.
    expect(points).toEqual([
      'notebook.restore-2024-05-01T10-04-00-000Z.json',
      'notebook.restore-2024-05-01T10-05-00-000Z.json',
      'notebook.restore-2024-05-01T10-06-00-000Z.json',
    ]);
    expect(await Promise.all(points.map(seqOf))).toEqual([2, 3, 4]);
    expect([await seqOf('notebook.json'), await seqOf('notebook.json.bak')]).toEqual([6, 5]);
    // Every kept copy plus the journals left rebuilds the whole notebook.
    expect(await journals(dir)).toEqual([
      'journal-3.jsonl',
      'journal-4.jsonl',
      'journal-5.jsonl',
      'journal-6.jsonl',
    ]);
  });

  it('does nothing when nothing was committed since the last one', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.compact();
    expect(await listDir(dir)).toEqual([]);
    await store.commit([put.tag(tag('t1'))]);
    await store.compact();
    const written = await readFile(file());
    await store.compact();
    expect(await listDir(dir)).toEqual(['journal-1.jsonl', 'notebook.json']);
    expect((await readFile(file())).equals(written)).toBe(true);
  });

  it('keeps every commit made while a compaction is writing', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.putBody(body('a'));
    await store.commit([
      put.article(article('a')),
      ...Array.from({ length: 200 }, (_, i) => put.annotation(annotation(`n${i}`, 'a'))),
    ]);
    // Hold the compaction after it has taken its snapshot, until the commits below are done.
    const write = NotebookFileAdapter.prototype.write;
    let release = () => {};
    const entered = new Promise<void>((resolveEntered) => {
      vi.spyOn(NotebookFileAdapter.prototype, 'write').mockImplementationOnce(function (
        this: NotebookFileAdapter,
        data: NotebookData,
      ) {
        resolveEntered();
        return new Promise<void>((go) => (release = go)).then(() => write.call(this, data));
      });
    });
    const compaction = store.compact();
    await entered;
    for (let i = 0; i < 50; i++) {
      await store.commit([put.tag(tag(`t${i}`)), remove('annotations', `n${i}`)]);
    }
    release();
    await compaction;
    vi.restoreAllMocks();

    // The file holds the snapshot from before the 50; the journal has them.
    expect(((await readJson(file())) as { journalSeq: number }).journalSeq).toBe(1);
    expect(await journals(dir)).toEqual(['journal-1.jsonl', 'journal-2.jsonl']);
    const reopened = await openNotebookStore(dir, manual);
    expect(plain(reopened.state)).toEqual(plain(store.state));
    expect(reopened.state.tags.size).toBe(50);
    expect(reopened.state.annotations.size).toBe(150);
  });

  it('runs by itself once enough entries have piled up', async () => {
    const store = await openNotebookStore(dir, { compactAfterMs: 1e9, compactAfterEntries: 3 });
    for (let i = 0; i < 3; i++) await store.commit([put.tag(tag(`t${i}`))]);
    await vi.waitFor(async () => {
      expect(await listDir(dir)).toContain('notebook.json');
      expect(((await readJson(file())) as { journalSeq: number }).journalSeq).toBe(3);
    }, patiently);
  });

  it('runs by itself after a quiet moment, and on close', async () => {
    const idle = await openNotebookStore(dir, { compactAfterMs: 1, compactAfterEntries: 1e9 });
    await idle.commit([put.tag(tag('t1'))]);
    await vi.waitFor(async () => expect(await listDir(dir)).toContain('notebook.json'), patiently);

    await idle.commit([put.tag(tag('t2'))]);
    await idle.close();
    expect(((await readJson(file())) as { tags: unknown[] }).tags).toEqual([tag('t1'), tag('t2')]);
  });
});
