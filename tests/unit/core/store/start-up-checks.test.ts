// Start-up never trusts notebook.json blindly. Each case here was measured to lose acknowledged
// work before: a real writer process saves and compacts until it is killed, the folder is then
// damaged the way a sync tool, a backup restore or a bad disk would, and the notebook must open
// with every change the writer had acknowledged (and say what happened).
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import { crashStateNumber, crashStep } from '../../../fixtures/store/crash-states';
import { makeTempDir, plain } from '../../../fixtures/store/notebook-fixtures';
import { buildWriter, writeUntilKilled } from '../../../fixtures/store/writer-process';

let root: string;
let cleanup: () => Promise<void>;
let writer: string;
let data: string;
let case_ = 0;

beforeAll(async () => {
  ({ dir: root, cleanup } = await makeTempDir());
  writer = await buildWriter();
});
afterAll(() => cleanup());
beforeEach(() => void (data = path.join(root, `case-${++case_}`)));

const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };
const file = () => path.join(data, 'notebook.json');
const exists = (at: string) =>
  stat(at).then(
    () => true,
    () => false,
  );
const seqIn = (json: Buffer | string) =>
  (JSON.parse(json.toString()) as { journalSeq: number }).journalSeq;

/**
 * Runs the writer (killed after `ms` each time) until the folder is as a case needs it, e.g. after
 * a first compaction: on a busy machine one run may end before it. Returns the last run.
 */
async function writeUntil(ready: () => Promise<boolean>, ms: number) {
  for (let i = 0; ; i++) {
    const run = await writeUntilKilled(writer, data, 'compacting', ms);
    if (await ready()) return run;
    if (i === 20) throw new Error('the writer never got the folder ready');
  }
}

/** Every seq the live journals hold. */
async function journalSeqs(): Promise<number[]> {
  const seqs: number[] = [];
  for (const name of await readdir(data)) {
    if (!/^journal-\d+\.jsonl$/.test(name)) continue;
    for (const line of (await readFile(path.join(data, name), 'utf8')).split('\n')) {
      const seq = /^\{"seq":(\d+),/.exec(line)?.[1];
      if (seq) seqs.push(Number(seq));
    }
  }
  return seqs.sort((a, b) => a - b);
}

/** The state the folder opens as now, checked to be one exact crash state (no mix, nothing torn). */
async function stateNumber(): Promise<{ n: number; notices: unknown[] }> {
  const store = await openNotebookStore(data, manual);
  return { n: crashStateNumber(plain(store.state)), notices: store.notices };
}

/**
 * `count` more acknowledged saves that only the journal holds: committed and flushed, and the
 * store never compacted or closed (as when the app is killed before its next compaction).
 */
async function savesOnlyInTheJournal(count: number): Promise<number> {
  const store = await openNotebookStore(data, manual);
  let n = crashStateNumber(plain(store.state));
  for (let i = 0; i < count; i++) {
    const step = crashStep(n + 1);
    await store.putBody(step.body);
    await store.commit(step.changes);
    n++;
  }
  return n;
}

describe('notebook.json replaced by an older valid copy (a sync tool, a backup restore)', () => {
  it(
    'is set aside, and the newer copies plus the journal give back every acknowledged change',
    { timeout: 60_000 },
    async () => {
      await writeUntil(() => exists(file()), 300);
      const old = await readFile(file());
      const run = await writeUntilKilled(writer, data, 'compacting', 1200);
      // The case that lost work: the journals beside it start well after the old copy.
      expect((await journalSeqs())[0]).toBeGreaterThan(seqIn(old) + 1);
      await writeFile(file(), old);

      const store = await openNotebookStore(data, manual);
      const n = crashStateNumber(plain(store.state));
      expect(n).toBeGreaterThanOrEqual(run.lastAcknowledged);
      expect(n).toBeLessThanOrEqual(run.lastAcknowledged + 1);
      expect(store.notices).toMatchObject([
        { code: 'notebook-restored', params: { problem: 'older', complete: true } },
      ]);
      const keptAs = (store.notices[0]?.params as { keptAs: string }).keptAs;
      expect((await readFile(path.join(data, keptAs))).equals(old)).toBe(true);

      // Later saves and compactions (killed again, at random) keep all of it.
      let last = n;
      for (let i = 0; i < 4; i++) {
        const again = await writeUntilKilled(writer, data, 'compacting', 20 + Math.random() * 300);
        expect(again.startedAt).toBe(last);
        last = (await stateNumber()).n;
        expect(last).toBeGreaterThanOrEqual(again.lastAcknowledged);
      }
      expect((await stateNumber()).notices).toEqual([]);
    },
  );
});

describe('journalSeq in notebook.json too high', () => {
  it.each([15, 1000])(
    '(by %i) is not believed: every acknowledged change is replayed',
    { timeout: 60_000 },
    async (extra) => {
      await writeUntilKilled(writer, data, 'idle', 400);
      const acknowledged = await savesOnlyInTheJournal(17);
      const text = await readFile(file(), 'utf8');
      const seq = seqIn(text);
      await writeFile(file(), text.replace(`"journalSeq":${seq},`, `"journalSeq":${seq + extra},`));

      const { n, notices } = await stateNumber();
      expect(n).toBe(acknowledged);
      expect(notices).toMatchObject([{ code: 'notebook-restored', params: { problem: 'ahead' } }]);
      expect((await stateNumber()).notices).toEqual([]);
    },
  );
});

describe('a valid but empty notebook.json', () => {
  it.each([
    ['journalSeq 0', () => 0],
    ['its real journalSeq', (seq: number) => seq],
  ])(
    'with %s is not believed while backups and the journal hold records',
    { timeout: 60_000 },
    async (_, seqFor) => {
      await writeUntil(() => exists(file()), 500);
      const acknowledged = await savesOnlyInTheJournal(5);
      const seq = seqIn(await readFile(file()));
      const empty = {
        version: 2,
        journalSeq: seqFor(seq),
        articles: [],
        annotations: [],
        tags: [],
      };
      await writeFile(file(), JSON.stringify({ ...empty, sampleSeeded: true }));

      const { n, notices } = await stateNumber();
      expect(n).toBe(acknowledged);
      expect(notices).toMatchObject([{ code: 'notebook-restored', params: { complete: true } }]);
      expect(['empty', 'older', 'ahead']).toContain(
        (notices[0] as { params: { problem: string } }).params.problem,
      );
    },
  );
});

describe('notebook.json and notebook.json.bak both unusable', () => {
  it(
    'opens from a restore point plus the journal, losing nothing',
    { timeout: 60_000 },
    async () => {
      const hasRestorePoint = async () =>
        (await readdir(data)).some((f) => /^notebook\.restore-.*\.json$/.test(f));
      const run = await writeUntil(hasRestorePoint, 1000);
      await writeFile(file(), 'garbage');
      await writeFile(`${file()}.bak`, '{"version":2,"journalSeq":');

      const store = await openNotebookStore(data, manual);
      const n = crashStateNumber(plain(store.state));
      expect(n).toBeGreaterThanOrEqual(run.lastAcknowledged);
      expect(store.notices).toMatchObject([
        {
          code: 'notebook-restored',
          params: { problem: 'damaged', source: 'restore-point', complete: true },
        },
      ]);
      expect((await readdir(data)).filter((f) => f.includes('corrupt'))).toHaveLength(2);
    },
  );

  it(
    'with the restore points gone too, rebuilds what the journal holds and names what it lost',
    { timeout: 60_000 },
    async () => {
      // Until a compaction has dropped the first journal, so the journal alone can't rebuild all.
      await writeUntil(async () => ((await journalSeqs())[0] ?? 1) > 1, 600);
      for (const name of await readdir(data)) {
        if (name.startsWith('notebook.')) await rm(path.join(data, name));
      }
      const store = await openNotebookStore(data, manual);
      const first = (await journalSeqs())[0]!;
      expect(store.notices).toMatchObject([
        { code: 'notebook-rebuilt', params: { problem: 'missing' } },
        { code: 'changes-missing', params: { count: first - 1 } },
      ]);
      // Every record there is visible: the annotations of articles that were lost are gathered.
      for (const a of store.state.annotations.values()) {
        expect(store.state.articles.has(a.articleId)).toBe(true);
      }
    },
  );
});
