// Replaying the journal at start-up when a crash or the disk left it damaged: a torn last line is
// dropped silently, damage anywhere else stops the replay and the file is kept for the analyst.
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import {
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

describe('a damaged line before the end', () => {
  it('stops the replay there, keeps the journal aside, tells the analyst and settles the rest', async () => {
    await tagsInJournal(4);
    const original = (await readFile(journal(1), 'utf8')).split('\n');
    original[2] = '{"seq":3,"changes":[{"kind":"put","collection":"tags","record":{"id":""}}]}';
    const damaged = original.join('\n');
    await writeFile(journal(1), damaged);

    const store = await openNotebookStore(dir, { ...manual, now });
    expect([...store.state.tags.keys()]).toEqual(['t1', 't2']);
    const kept = `journal-1.corrupt-${stamp}.jsonl`;
    expect(store.notices).toEqual([
      `Part of your recent changes could not be read back (line 3 of journal-1.jsonl is damaged); the notebook was opened as it was just before that change, and the file was kept as ${kept}.`,
    ]);
    expect(await readFile(path.join(dir, kept), 'utf8')).toBe(damaged);
    // What was replayed is in notebook.json now, so the next open is clean and the same.
    expect(await listDir(dir)).toEqual([kept, 'notebook.json']);
    expect(
      ((await readJson(path.join(dir, 'notebook.json'))) as { journalSeq: number }).journalSeq,
    ).toBe(2);
    const again = await openNotebookStore(dir, { ...manual, now });
    expect(again.notices).toEqual([]);
    expect([...again.state.tags.keys()]).toEqual(['t1', 't2']);
  });

  it('also sets later journals aside rather than replay them over the gap', async () => {
    await tagsInJournal(2);
    const first = await openNotebookStore(dir, manual);
    await first.commit([put.tag(tag('t3'))]);
    await writeFile(journal(1), `garbage\n${await readFile(journal(1), 'utf8')}`);

    const store = await openNotebookStore(dir, { ...manual, now });
    expect(store.state.tags.size).toBe(0);
    expect(store.notices).toHaveLength(1);
    expect(store.notices[0]).toContain('line 1 of journal-1.jsonl');
    expect(store.notices[0]).toContain(`journal-2.unreplayed-${stamp}.jsonl`);
    expect(await listDir(dir)).toEqual([
      `journal-1.corrupt-${stamp}.jsonl`,
      `journal-2.unreplayed-${stamp}.jsonl`,
      'notebook.json',
    ]);
  });

  it('counts a sequence number that goes backwards as damage', async () => {
    await tagsInJournal(3);
    const text = await readFile(journal(1), 'utf8');
    await writeFile(journal(1), text.replace('"seq":2', '"seq":1'));
    expect(await tagIds()).toEqual(['t1']);
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
    data.tags[0]!.name = 'only in the file';
    await writeFile(file, JSON.stringify(data));

    const reopened = await openNotebookStore(dir, manual);
    expect([...reopened.state.tags.values()].map((t) => t.name)).toEqual([
      'only in the file',
      'tag t2',
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
    expect(reopened.notices[0]).toContain('the backup from');
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
