// Kill -9 a process in the middle of saving, again and again: the notebook must always open as
// exactly one of the states that process wrote, and never lose a save it had acknowledged.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openNotebookStore, type NotebookData } from '../../../../electron/core/store';
import { crashStateNumber } from '../../../fixtures/store/crash-states';
import { makeTempDir, tag } from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let worker: string;

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir());
  // A child `node` can't run TypeScript, so bundle the worker with the real store code.
  worker = path.join(dir, 'crash-writer.mjs');
  await build({
    entryPoints: [
      fileURLToPath(new URL('../../../fixtures/store/crash-writer.ts', import.meta.url)),
    ],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: worker,
    logLevel: 'silent',
  });
});
afterAll(() => cleanup());

interface Run {
  delayMs: number;
  startedAt: number;
  /** The last "saved n" the child printed before it died, or its starting count. */
  lastAcknowledged: number;
  saves: number;
}

/** Starts the writer, waits until it has opened the store, lets it write for `delayMs`, kills it. */
function runAndKill(dataDir: string, delayMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [worker, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!timer && out.includes('\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer exited by itself: ${err}`));
      // Only whole lines count: a line cut short by the kill was never fully acknowledged.
      const lines = out.split('\n').slice(0, -1);
      const ready = /^ready (\d+)$/.exec(lines[0] ?? '');
      if (!ready) return reject(new Error(`writer never got ready: ${out} ${err}`));
      const saved = lines.slice(1).map((line) => Number(/^saved (\d+)$/.exec(line)?.[1]));
      resolve({
        delayMs,
        startedAt: Number(ready[1]),
        lastAcknowledged: saved.at(-1) ?? Number(ready[1]),
        saves: saved.length,
      });
    });
  });
}

it('survives SIGKILL at random moments during writes', { timeout: 60_000 }, async () => {
  const dataDir = path.join(dir, 'notebook');
  const runs: Run[] = [];
  let previous = 0;
  for (let i = 0; i < 5; i++) {
    const run = await runAndKill(dataDir, 50 + Math.floor(Math.random() * 350));
    runs.push(run);
    const context = JSON.stringify(runs);

    expect(run.startedAt, context).toBe(previous);
    const store = await openNotebookStore(dataDir);
    expect(store.notices, context).toEqual([]);
    const n = crashStateNumber(store.data);
    // Every acknowledged save is on disk; at most the one in flight got further.
    expect(n, context).toBeGreaterThanOrEqual(run.lastAcknowledged);
    expect(n, context).toBeLessThanOrEqual(run.lastAcknowledged + 1);

    const files = await readdir(dataDir);
    expect(
      files.filter((f) => f.includes('corrupt')),
      context,
    ).toEqual([]);
    if (files.includes('notebook.json.bak')) {
      const backup = JSON.parse(
        await readFile(path.join(dataDir, 'notebook.json.bak'), 'utf8'),
      ) as NotebookData;
      // The previous save, or the same one if the kill fell between backing up and renaming.
      expect([n - 1, n], context).toContain(crashStateNumber(backup));
    }
    previous = n;
  }
  // Without saves the test above would prove nothing.
  expect(runs.reduce((sum, run) => sum + run.saves, 0)).toBeGreaterThan(5);
  expect(previous).toBeGreaterThan(0);

  // Whatever the kills left behind (a temp file, a staged backup) doesn't stop the next save.
  const store = await openNotebookStore(dataDir);
  await store.update((data) => {
    data.tags.push({ ...tag('after'), name: 'after' });
  });
  const reopened = await openNotebookStore(dataDir);
  expect(reopened.data.tags.map((t) => t.id)).toEqual(['counter', 'after']);
});
