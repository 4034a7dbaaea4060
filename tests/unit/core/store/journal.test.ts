// Replaying the journal at start-up when a crash or the disk left it damaged: a torn last line is
// dropped silently; a damaged line anywhere else (or a last line that had been written whole)
// costs that line only, is reported, and the file is kept for the analyst.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import {
  annotation,
  article,
  body,
  journals,
  listDir,
  makeTempDir,
  put,
  readJson,
  tag,
} from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };
const now = () => new Date('2024-05-01T10:20:30.456Z');
const stamp = '2024-05-01T10-20-30-456Z';
const journal = (n: number) => path.join(dir, `journal-${n}.jsonl`);

/** Commits tags t1..tn, one per commit, and leaves them in the journal only (no compaction). */
async function tagsInJournal(n: number): Promise<void> {
  const store = await openNotebookStore(dir, manual);
  for (let i = 1; i <= n; i++) await store.commit([put.tag(tag(`t${i}`))]);
}

const tagIds = async () => [
  ...(await openNotebookStore(dir, { ...manual, now })).state.tags.keys(),
];

describe('a torn last line', () => {
  const torn: [string, string][] = [
    ['cut short', '{"seq":4,"changes":[{"kind":"put","collection":"tags","rec'],
    ['cut inside a multi-byte character', '{"seq":4,"changes":[{"kind":"put","n":"\xe2'],
    ['filled with zeros', '\0\0\0\0\0\0\0\0'],
    ['junk up to its newline', '{"seq":4,"chan\n'],
  ];

  it.each(torn)(
    '%s is ignored and cut off, so it never turns into damage later',
    async (_, tail) => {
      await tagsInJournal(3);
      await appendFile(journal(1), Buffer.from(tail, 'latin1'));

      const store = await openNotebookStore(dir, { ...manual, now });
      expect(store.notices).toEqual([]);
      expect([...store.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
      expect((await readFile(journal(1), 'utf8')).endsWith('}\n')).toBe(true);

      // The next run writes a new journal; the old one's last line must still read as fine.
      await store.commit([put.tag(tag('t4'))]);
      const again = await openNotebookStore(dir, { ...manual, now });
      expect(again.notices).toEqual([]);
      expect([...again.state.tags.keys()]).toEqual(['t1', 't2', 't3', 't4']);
      expect(await journals(dir)).toEqual(['journal-1.jsonl', 'journal-2.jsonl']);
    },
  );
});

describe('a damaged last line that had been written whole', () => {
  it('is not taken for a torn one: the analyst is told what it held, and the journal is kept', async () => {
    const store = await openNotebookStore(dir, {
      ...manual,
      now: () => new Date('2024-05-01T10:42:00.000Z'),
    });
    for (let i = 1; i <= 4; i++) await store.commit([put.tag(tag(`t${i}`))]);
    // t4's commit resolved, so it was acknowledged; then bit rot (or a sync tool) changed it.
    const damaged = (await readFile(journal(1), 'utf8')).replace('tag t4', 'tag t?');
    await writeFile(journal(1), damaged);

    const reopened = await openNotebookStore(dir, { ...manual, now });
    expect([...reopened.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
    const kept = `journal-1.corrupt-${stamp}.jsonl`;
    expect(reopened.notices).toEqual([
      {
        code: 'changes-unreadable',
        params: {
          journal: 'journal-1.jsonl',
          keptAs: kept,
          changes: 1,
          lines: [4],
          at: '2024-05-01T10:42:00.000Z',
          annotations: 0,
          tags: 1,
          articleTitles: [],
        },
      },
    ]);
    // Neither cut off nor lost: the line is still in the journal, and in the copy kept.
    expect(await readFile(journal(1), 'utf8')).toBe(damaged);
    expect(await readFile(path.join(dir, kept), 'utf8')).toBe(damaged);
    // Told once; later commits are numbered after it and come back.
    const again = await openNotebookStore(dir, { ...manual, now });
    expect(again.notices).toEqual([]);
    await again.commit([put.tag(tag('t5'))]);
    expect(await tagIds()).toEqual(['t1', 't2', 't3', 't5']);
  });
});

describe('a damaged line before the end', () => {
  it('costs that line only: every later line is replayed, the journal is copied aside, the analyst told', async () => {
    await tagsInJournal(4);
    const original = (await readFile(journal(1), 'utf8')).split('\n');
    original[2] = '{"seq":3,"changes":[{"kind":"put","collection":"tags","record":{"id":""}}]}';
    const damaged = original.join('\n');
    await writeFile(journal(1), damaged);

    const store = await openNotebookStore(dir, { ...manual, now });
    expect([...store.state.tags.keys()]).toEqual(['t1', 't2', 't4']);
    const kept = `journal-1.corrupt-${stamp}.jsonl`;
    expect(store.notices).toEqual([
      {
        code: 'changes-unreadable',
        params: {
          journal: 'journal-1.jsonl',
          keptAs: kept,
          changes: 1,
          lines: [3],
          after: expect.any(String),
          before: expect.any(String),
          annotations: 0,
          tags: 1,
          articleTitles: [],
        },
      },
    ]);
    expect(await readFile(path.join(dir, kept), 'utf8')).toBe(damaged);
    // What was replayed is in notebook.json now, so the next open is clean and the same.
    expect(
      ((await readJson(path.join(dir, 'notebook.json'))) as { journalSeq: number }).journalSeq,
    ).toBe(4);
    const again = await openNotebookStore(dir, { ...manual, now });
    expect(again.notices).toEqual([]);
    expect([...again.state.tags.keys()]).toEqual(['t1', 't2', 't4']);
    // And new commits are numbered after every line on disk.
    await again.commit([put.tag(tag('t5'))]);
    expect([...(await openNotebookStore(dir, manual)).state.tags.keys()]).toEqual([
      't1',
      't2',
      't4',
      't5',
    ]);
  });

  it('replays later journals too, over the gap, and says when the lost change was saved', async () => {
    await tagsInJournal(2);
    const first = await openNotebookStore(dir, manual);
    await first.commit([put.tag(tag('t3'))]);
    await writeFile(journal(1), `garbage\n${await readFile(journal(1), 'utf8')}`);

    const store = await openNotebookStore(dir, { ...manual, now });
    expect([...store.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
    // A line of garbage before seq 1 held nothing a seq is missing for: nothing was lost.
    expect(store.notices).toEqual([]);
  });

  it('names the time a damaged line still shows, and what it held', async () => {
    const store = await openNotebookStore(dir, {
      ...manual,
      now: () => new Date('2024-05-01T10:42:00.000Z'),
    });
    await store.commit([put.tag(tag('t1'))]);
    await store.commit([put.tag(tag('t2')), put.tag(tag('t3'))]);
    await store.commit([put.tag(tag('t4'))]);
    const lines = (await readFile(journal(1), 'utf8')).split('\n');
    lines[1] = lines[1]!.replace('tag t3', 'tag t?'); // the checksum no longer matches
    await writeFile(journal(1), lines.join('\n'));

    const reopened = await openNotebookStore(dir, { ...manual, now });
    expect([...reopened.state.tags.keys()]).toEqual(['t1', 't4']);
    expect(reopened.notices).toMatchObject([
      {
        code: 'changes-unreadable',
        params: { changes: 1, lines: [2], at: '2024-05-01T10:42:00.000Z', tags: 2 },
      },
    ]);
  });

  it('counts a sequence number that goes backwards as damage to that line alone', async () => {
    await tagsInJournal(3);
    const text = await readFile(journal(1), 'utf8');
    await writeFile(journal(1), text.replace('"seq":2', '"seq":1'));
    expect(await tagIds()).toEqual(['t1', 't3']);
  });

  it('passes over an exact copy of a line, anywhere, without replaying it twice', async () => {
    await tagsInJournal(2);
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t1', 'renamed'))]);
    const [line1] = (await readFile(journal(1), 'utf8')).split('\n');
    // A sync tool or a copy put line 1 (t1 as first named) again after the rename.
    await appendFile(journal(2), `${line1}\n`);
    await appendFile(journal(2), '');

    const reopened = await openNotebookStore(dir, { ...manual, now });
    expect(reopened.notices).toEqual([]);
    expect(reopened.state.tags.get('t1')?.name).toBe('renamed');
  });

  it('still replays lines written before lines had checksums', async () => {
    await writeFile(
      journal(1),
      [1, 2].map((i) => JSON.stringify({ seq: i, changes: [put.tag(tag(`t${i}`))] })).join('\n') +
        '\n',
    );
    const store = await openNotebookStore(dir, { ...manual, now });
    expect(store.notices).toEqual([]);
    expect([...store.state.tags.keys()]).toEqual(['t1', 't2']);
    await store.commit([put.tag(tag('t3'))]);
    expect(await tagIds()).toEqual(['t1', 't2', 't3']);
  });
});

describe('the measured case: one bad line in the middle of a journal', () => {
  /** An article, a tag, 12 annotations, then 3 of them updated: 17 acknowledged commits. */
  async function annotatedJournal() {
    const store = await openNotebookStore(dir, manual);
    await store.putBody(body('a1'));
    await store.commit([put.article(article('a1'))]);
    await store.commit([put.tag(tag('t1'))]);
    for (let i = 1; i <= 12; i++) {
      await store.commit([put.annotation(annotation(`n${i}`, 'a1', ['t1']))]);
    }
    for (const i of [2, 7, 12]) {
      await store.commit([
        put.annotation({ ...annotation(`n${i}`, 'a1', ['t1']), comment: `updated ${i}` }),
      ]);
    }
    return (await readFile(journal(1), 'utf8')).split('\n');
  }
  const comments = async () =>
    [...(await openNotebookStore(dir, { ...manual, now })).state.annotations.values()].map(
      (a) => a.comment,
    );

  it('a duplicated line costs nothing: every later annotation and update is there', async () => {
    const lines = await annotatedJournal();
    lines.splice(5, 0, lines[1]!); // the tag's line again, between annotations 3 and 4
    await writeFile(journal(1), lines.join('\n'));

    const store = await openNotebookStore(dir, { ...manual, now });
    expect(store.notices).toEqual([]);
    expect(store.state.annotations.size).toBe(12);
    expect((await comments()).filter((c) => c.startsWith('updated'))).toEqual([
      'updated 2',
      'updated 7',
      'updated 12',
    ]);
  });

  it('a damaged line costs that change only, and the notice says what it held', async () => {
    const lines = await annotatedJournal();
    lines[6] = lines[6]!.replace('A *comment*', 'A *c0mment*'); // annotation n5, checksum broken
    await writeFile(journal(1), lines.join('\n'));

    const store = await openNotebookStore(dir, { ...manual, now });
    expect([...store.state.annotations.keys()]).toEqual(
      [1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12].map((i) => `n${i}`),
    );
    expect((await comments()).filter((c) => c.startsWith('updated'))).toHaveLength(3);
    expect(store.notices).toMatchObject([
      {
        code: 'changes-unreadable',
        params: { changes: 1, lines: [7], annotations: 1, articleTitles: ['Title a1'] },
      },
    ]);
  });
});

describe('a journal line from a newer version of the app', () => {
  it('refuses the opening and changes nothing', async () => {
    await tagsInJournal(2);
    const text = await readFile(journal(1), 'utf8');
    // A change kind this version doesn't know, on a line without a checksum (so only it speaks).
    const newer = `${text}{"seq":3,"changes":[{"kind":"move","collection":"tags","id":"t1"}]}\n`;
    await writeFile(journal(1), newer);
    const listing = await listDir(dir);

    await expect(openNotebookStore(dir, { ...manual, now })).rejects.toMatchObject({
      code: 'conflict',
      message:
        'This notebook was saved by a newer version of Research Notebook; update the app to open it.',
      notice: { code: 'newer-version', params: {} },
    });
    expect(await readFile(journal(1), 'utf8')).toBe(newer);
    expect(await listDir(dir)).toEqual(listing);
  });
});

describe('replay over notebook.json', () => {
  it('applies only entries after the journalSeq the file already contains', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t1'))]);
    await store.compact();
    await store.commit([put.tag(tag('t1', 'renamed'))]);
    await store.compact();
    await store.commit([put.tag(tag('t2'))]);
    // journal-2 still holds the rename (seq 2) that notebook.json (journalSeq 2) already has.
    expect(await journals(dir)).toEqual(['journal-2.jsonl', 'journal-3.jsonl']);
    const file = path.join(dir, 'notebook.json');
    const data = (await readJson(file)) as { journalSeq: number; tags: { name: string }[] };
    expect(data.journalSeq).toBe(2);
    // A record no journal entry touched: were the rename replayed again, it would still stand,
    // so mark it and see the file's own copy of it kept.
    data.tags.push(tag('only-in-file', 'only in the file'));
    await writeFile(file, JSON.stringify(data));

    const reopened = await openNotebookStore(dir, manual);
    expect(reopened.notices).toEqual([]);
    expect([...reopened.state.tags.values()].map((t) => t.name)).toEqual([
      'renamed',
      'only in the file',
      'tag t2',
    ]);
  });

  it('does not trust a file that disagrees with the entries it says it contains', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t1'))]);
    await store.compact();
    await store.commit([put.tag(tag('t1', 'renamed'))]);
    await store.compact();
    await store.commit([put.tag(tag('t2'))]);
    const file = path.join(dir, 'notebook.json');
    const data = (await readJson(file)) as { journalSeq: number; tags: { name: string }[] };
    data.tags[0]!.name = 'not what seq 2 saved';
    await writeFile(file, JSON.stringify(data));

    const reopened = await openNotebookStore(dir, { ...manual, now });
    expect([...reopened.state.tags.values()].map((t) => t.name)).toEqual(['renamed', 'tag t2']);
    expect(reopened.notices).toMatchObject([
      {
        code: 'notebook-restored',
        params: { problem: 'ahead', source: 'backup', replayed: 2, complete: true },
      },
    ]);
  });

  it('replays over the backup when notebook.json is lost, so nothing is', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t1'))]);
    await store.compact();
    await store.commit([put.tag(tag('t2'))]);
    await store.compact();
    await store.commit([put.tag(tag('t3'))]);
    await writeFile(path.join(dir, 'notebook.json'), 'damaged');

    const reopened = await openNotebookStore(dir, { ...manual, now });
    expect(reopened.notices).toMatchObject([
      { code: 'notebook-restored', params: { problem: 'damaged', source: 'backup', replayed: 2 } },
    ]);
    expect([...reopened.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
  });
});

describe('damage in what notebook.json already has', () => {
  it('is passed over without a notice, and what comes after is still replayed', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t1'))]);
    await store.commit([put.tag(tag('t2'))]);
    await store.compact();
    // Nothing new yet, so journal-1 is still the kept one; line 1 is covered by journalSeq 2.
    await store.commit([put.tag(tag('t3'))]);
    const text = await readFile(journal(1), 'utf8');
    await writeFile(journal(1), text.replace(/^[^\n]*/, 'bit rot'));

    const reopened = await openNotebookStore(dir, { ...manual, now });
    expect(reopened.notices).toEqual([]);
    expect([...reopened.state.tags.keys()]).toEqual(['t1', 't2', 't3']);
  });
});
