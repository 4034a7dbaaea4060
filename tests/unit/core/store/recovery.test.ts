// Opening a damaged, missing or too-new notebook: the damaged file is kept byte for byte, the
// backup is restored when it is good, and the analyst is told what happened.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import { NotebookError } from '../../../../electron/core/errors';
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
  tag,
} from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const file = () => path.join(dir, 'notebook.json');
const backup = () => path.join(dir, 'notebook.json.bak');
const now = () => new Date('2024-05-01T10:20:30.456Z');
const quarantined = 'notebook.corrupt-2024-05-01T10-20-30-456Z.json';
const manual = { now, compactAfterMs: 1e9, compactAfterEntries: 1e9 };

/**
 * Two commits, each compacted: the file holds state 2, the backup state 1, and the journal of
 * commit 2 is still there (kept until the backup covers it).
 */
async function twoVersions() {
  const store = await openNotebookStore(dir, manual);
  await store.putBody(body('a1'));
  await store.commit([put.article(article('a1'))]);
  await store.compact();
  const first = plain(store.state);
  await store.commit([put.tag(tag('t1'))]);
  await store.compact();
  await store.close();
  return { first, second: plain(store.state) };
}

/** As twoVersions, without the journal: what the backup alone gives back. */
async function twoVersionsWithoutJournal() {
  const versions = await twoVersions();
  for (const name of await journals(dir)) await rm(path.join(dir, name));
  return versions;
}

const validJson = JSON.stringify({
  version: 2,
  journalSeq: 0,
  articles: [article('x')],
  annotations: [annotation('n', 'x')],
  tags: [],
  sampleSeeded: true,
});

const damaged: [string, () => Buffer][] = [
  ['a truncated file', () => Buffer.from(validJson.slice(0, validJson.length / 2))],
  ['garbage bytes', () => Buffer.concat([Buffer.from([0xff, 0xfe, 0x00, 0xc3]), randomBytes(64)])],
  ['a file containing null', () => Buffer.from('null')],
  ['an empty file', () => Buffer.alloc(0)],
  ['valid JSON of the wrong shape', () => Buffer.from('{"version":2,"articles":"none"}')],
  ['an array', () => Buffer.from('[]')],
  ['a negative offset', () => Buffer.from(validJson.replace('"start":0', '"start":-1'))],
  [
    'a bad body hash',
    () => Buffer.from(validJson.replace(/"bodyHash":"[0-9a-f]+"/, '"bodyHash":"x"')),
  ],
  [
    'a format that never existed',
    () => Buffer.from(validJson.replace('"version":2', '"version":0')),
  ],
];

describe('a damaged notebook file', () => {
  it.each(damaged)('%s is set aside and the backup restored', async (_, bytes) => {
    const { first } = await twoVersionsWithoutJournal();
    const bad = bytes();
    await writeFile(file(), bad);

    const store = await openNotebookStore(dir, { now });
    expect(plain(store.state)).toEqual(first);
    expect(store.notices).toEqual([
      {
        code: 'notebook-restored',
        params: {
          problem: 'damaged',
          keptAs: quarantined,
          source: 'backup',
          savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
          replayed: 0,
          complete: true,
          alsoKept: [],
        },
      },
    ]);
    expect((await readFile(path.join(dir, quarantined))).equals(bad)).toBe(true);
    // The restore is written straight away, so the next open is clean.
    expect(await readJson(file())).toMatchObject({ articles: first.articles, tags: first.tags });
    const again = await openNotebookStore(dir, { now });
    expect(again.notices).toEqual([]);
    expect(plain(again.state)).toEqual(first);
  });

  it('is restored from the backup plus the journal kept beside it, losing nothing', async () => {
    const { second } = await twoVersions();
    await writeFile(file(), 'damaged');
    const store = await openNotebookStore(dir, { now });
    expect(store.notices).toMatchObject([
      { code: 'notebook-restored', params: { problem: 'damaged', replayed: 1, complete: true } },
    ]);
    expect(plain(store.state)).toEqual(second);
  });

  it('never overwrites a file set aside earlier, even at the same moment', async () => {
    await twoVersions();
    await writeFile(file(), 'first damage');
    await openNotebookStore(dir, { now });
    await writeFile(file(), 'second damage');
    const store = await openNotebookStore(dir, { now });

    const second = quarantined.replace('.json', '-2.json');
    expect(store.notices).toMatchObject([{ params: { keptAs: second } }]);
    expect(await readFile(path.join(dir, quarantined), 'utf8')).toBe('first damage');
    expect(await readFile(path.join(dir, second), 'utf8')).toBe('second damage');
  });

  it('with no backup starts an empty notebook, keeps the file and says where', async () => {
    await writeFile(file(), validJson.slice(0, 40));
    const store = await openNotebookStore(dir, { now });

    // Not a first run: the sample must not come back into a notebook the analyst had.
    expect(plain(store.state)).toEqual({
      articles: [],
      annotations: [],
      tags: [],
      analysts: [],
      codebookLog: [],
      meta: { sampleSeeded: true },
    });
    expect(store.notices).toEqual([
      {
        code: 'notebook-rebuilt',
        params: { problem: 'damaged', keptAs: quarantined, alsoKept: [], replayed: 0 },
      },
    ]);
    expect(await readFile(path.join(dir, quarantined), 'utf8')).toBe(validJson.slice(0, 40));
    expect(await listDir(dir)).toEqual([quarantined, 'notebook.json']);
  });

  it('with a damaged backup too keeps both and starts from what the journal still has', async () => {
    await twoVersions();
    await writeFile(file(), 'null');
    await writeFile(backup(), '{"version":2');
    const store = await openNotebookStore(dir, { now });

    const keptBackup = 'notebook.corrupt-2024-05-01T10-20-30-456Z-backup.json';
    expect(plain(store.state)).toEqual({
      articles: [],
      annotations: [],
      tags: [tag('t1')],
      analysts: [],
      codebookLog: [],
      meta: { sampleSeeded: true },
    });
    // The first commit (the article) was only in the lost files: the journal starts after it.
    expect(store.notices).toEqual([
      {
        code: 'notebook-rebuilt',
        params: {
          problem: 'damaged',
          keptAs: quarantined,
          alsoKept: [keptBackup],
          replayed: 1,
          since: expect.any(String),
        },
      },
      { code: 'changes-missing', params: { count: 1, before: expect.any(String) } },
    ]);
    expect(await readFile(path.join(dir, quarantined), 'utf8')).toBe('null');
    expect(await readFile(path.join(dir, keptBackup), 'utf8')).toBe('{"version":2');
    expect(await listDir(dir)).toEqual([
      'bodies',
      'journal-2.jsonl',
      keptBackup,
      quarantined,
      'notebook.json',
    ]);
    // No file left refers to the lost article's text, so it was collected.
    expect(await listDir(path.join(dir, 'bodies'))).toEqual([]);
  });
});

describe('a missing notebook file', () => {
  it('is restored from the backup with a notice', async () => {
    const { first } = await twoVersionsWithoutJournal();
    await rm(file());
    const store = await openNotebookStore(dir, { now });

    expect(plain(store.state)).toEqual(first);
    expect(store.notices).toMatchObject([
      { code: 'notebook-restored', params: { problem: 'missing', source: 'backup', replayed: 0 } },
    ]);
    expect(store.notices[0]?.params).not.toHaveProperty('keptAs');
    expect(await readJson(file())).toMatchObject({ articles: first.articles, tags: first.tags });
  });

  it('with a damaged backup sets the backup aside rather than letting a later save replace it', async () => {
    await twoVersions();
    await rm(file());
    await writeFile(backup(), '');
    const store = await openNotebookStore(dir, { now });

    expect(store.state.articles.size).toBe(0);
    expect(store.notices).toMatchObject([
      {
        code: 'notebook-rebuilt',
        params: { alsoKept: ['notebook.corrupt-2024-05-01T10-20-30-456Z-backup.json'] },
      },
      { code: 'changes-missing' },
    ]);
    expect(
      await readFile(path.join(dir, 'notebook.corrupt-2024-05-01T10-20-30-456Z-backup.json')),
    ).toHaveLength(0);
  });
});

describe('a notebook from a newer version of the app', () => {
  const newer = JSON.stringify({ version: 3, articles: [], somethingNew: { a: 1 } });
  const message =
    'This notebook was saved by a newer version of Research Notebook (format 3); update the app to open it.';

  it('is refused with a conflict and left byte for byte as it was, journal included', async () => {
    await twoVersions();
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t2'))]);
    const bakBefore = await readFile(backup());
    const journalBefore = await readFile(path.join(dir, 'journal-3.jsonl'));
    await writeFile(file(), newer);
    const listing = await listDir(dir);

    const opening = openNotebookStore(dir, { now });
    await expect(opening).rejects.toBeInstanceOf(NotebookError);
    await expect(opening).rejects.toMatchObject({ code: 'conflict', message });
    expect(await readFile(file(), 'utf8')).toBe(newer);
    expect((await readFile(backup())).equals(bakBefore)).toBe(true);
    expect((await readFile(path.join(dir, 'journal-3.jsonl'))).equals(journalBefore)).toBe(true);
    expect(await listDir(dir)).toEqual(listing);
  });

  it('as the backup of a damaged file, leaves both files where they are', async () => {
    await writeFile(file(), 'garbage');
    await writeFile(backup(), newer);

    await expect(openNotebookStore(dir, { now })).rejects.toMatchObject({ code: 'conflict' });
    expect(await readFile(file(), 'utf8')).toBe('garbage');
    expect(await readFile(backup(), 'utf8')).toBe(newer);
    expect(await listDir(dir)).toEqual(['notebook.json', 'notebook.json.bak']);
  });
});
