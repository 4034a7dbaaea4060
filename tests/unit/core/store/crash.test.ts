// Kill -9 a process in the middle of committing and compacting, again and again: the notebook must
// always open as exactly the commits that process had acknowledged, plus at most the one in flight.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import { crashBody, crashStateNumber } from '../../../fixtures/store/crash-states';
import { makeTempDir, plain, put, tag } from '../../../fixtures/store/notebook-fixtures';
import {
  buildWriter,
  writeUntilKilled,
  type WriterMode,
  type WriterRun,
} from '../../../fixtures/store/writer-process';

let dir: string;
let cleanup: () => Promise<void>;
let writer: string;

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
  writer = await buildWriter();
});
afterAll(() => cleanup());

/** A run as the context of a failed expectation: how it was run and what it acknowledged. */
type Run = WriterRun & { mode: WriterMode; delayMs: number };

/** A state read straight from a notebook file, without its journal: must be a crash state too. */
async function fileStateNumber(file: string): Promise<number> {
  const data = JSON.parse(await readFile(file, 'utf8')) as Parameters<typeof crashStateNumber>[0];
  return crashStateNumber(data);
}

it(
  'survives SIGKILL at random moments during commits and compactions',
  { timeout: 120_000 },
  async () => {
    const dataDir = path.join(dir, 'notebook');
    const runs: Run[] = [];
    let previous = 0;
    for (let i = 0; i < 8; i++) {
      const mode: WriterMode = i % 2 === 0 ? 'compacting' : 'idle';
      const delayMs = 50 + Math.floor(Math.random() * 400);
      const run: Run = {
        mode,
        delayMs,
        ...(await writeUntilKilled(writer, dataDir, mode, delayMs)),
      };
      runs.push(run);
      const context = JSON.stringify(runs);

      expect(run.startedAt, context).toBe(previous);
      // No timers, so this check never compacts behind the next writer's back.
      const store = await openNotebookStore(dataDir, {
        compactAfterMs: 1e9,
        compactAfterEntries: 1e9,
      });
      expect(store.notices, context).toEqual([]);
      const n = crashStateNumber(plain(store.state));
      // Every acknowledged commit is there; at most the one in flight got further.
      expect(n, context).toBeGreaterThanOrEqual(run.lastAcknowledged);
      expect(n, context).toBeLessThanOrEqual(run.lastAcknowledged + 1);
      // Every article's body is there and intact (getBody checks the hash).
      for (const article of store.state.articles.values()) {
        const k = Number(article.id.slice(1));
        expect(await store.getBody(article.revisions[0]?.bodyHash ?? ''), context).toEqual(
          crashBody(k),
        );
      }

      const files = await readdir(dataDir);
      expect(
        files.filter((f) => f.includes('corrupt') || f.includes('unreplayed')),
        context,
      ).toEqual([]);
      // A compaction writes one exact earlier state, whenever it was interrupted.
      if (files.includes('notebook.json')) {
        expect(
          await fileStateNumber(path.join(dataDir, 'notebook.json')),
          context,
        ).toBeLessThanOrEqual(n);
      }
      if (files.includes('notebook.json.bak')) {
        expect(
          await fileStateNumber(path.join(dataDir, 'notebook.json.bak')),
          context,
        ).toBeLessThanOrEqual(n);
      }
      previous = n;
    }
    // Without commits and compactions the test above would prove nothing.
    expect(runs.reduce((sum, run) => sum + run.saves, 0)).toBeGreaterThan(5);
    expect(previous).toBeGreaterThan(0);
    expect((await readdir(dataDir)).includes('notebook.json')).toBe(true);

    // Whatever the kills left behind (temp files, a staged backup) doesn't stop the next commit.
    const store = await openNotebookStore(dataDir);
    await store.commit([put.tag(tag('after'))]);
    await store.close();
    const reopened = await openNotebookStore(dataDir);
    expect([...reopened.state.tags.keys()]).toEqual(['counter', 'after']);
    expect(
      crashStateNumber({ ...plain(reopened.state), tags: [reopened.state.tags.get('counter')] }),
    ).toBe(previous);
    await reopened.close();
  },
);
