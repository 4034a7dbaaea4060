// The worker pool against a real worker (the bundle the global setup built): big values cross
// intact, errors come back as the caller would have seen them, a crashed worker is replaced,
// idle workers go, and closing stops everything.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { WorkerPool } from '../../../../electron/core/workers/pool';
import { WorkerStoppedError } from '../../../../electron/core/workers/protocol';

const entry = pathToFileURL(join(inject('coreWorkerDir'), 'test-worker.js'));
let pool: WorkerPool;
afterEach(() => pool?.close());

const annotation = (i: number) => ({
  id: `a-${i}`,
  selectors: [
    { type: 'TextPositionSelector', start: i, end: i + 5 },
    { type: 'TextQuoteSelector', exact: `ə quote ${i} 🤝🏽`, prefix: 'Мир ', suffix: ' end' },
  ],
  tagIds: ['t1', 't2'],
});

describe('WorkerPool', () => {
  it('carries 10k records, a long text and file bytes there and back intact', async () => {
    pool = new WorkerPool({ entry });
    const value = {
      annotations: Array.from({ length: 10_000 }, (_, i) => annotation(i)),
      text: 'Мир ə 🤝🏽 paragraph.\n\n'.repeat(150_000),
      bytes: new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => i % 256),
      // Short enough to travel in the job's own message rather than in pieces.
      shortBytes: new Uint8Array(1000).map((_, i) => i % 7),
    };
    const back = (await pool.run('echo', value)) as typeof value;
    // Compared as a whole where toEqual would walk millions of elements one by one.
    expect(back.text === value.text).toBe(true);
    expect(Buffer.from(back.bytes).equals(value.bytes)).toBe(true);
    expect(Buffer.from(back.shortBytes).equals(value.shortBytes)).toBe(true);
    // Copies are transferred, never the caller's own buffers: they are still whole here.
    expect([value.bytes.byteLength, value.shortBytes.byteLength]).toEqual([
      3 * 1024 * 1024 + 17,
      1000,
    ]);
    expect(JSON.stringify(back.annotations)).toBe(JSON.stringify(value.annotations));
  });

  it('hands over events in order, before the result', async () => {
    pool = new WorkerPool({ entry });
    const seen: unknown[] = [];
    const values = [{ big: 'x'.repeat(600_000) }, 2, [3]];
    const count = await pool.run('events', { values }, { onEvent: (v) => seen.push(v) });
    expect(count).toBe(3);
    expect(seen).toEqual(values);
  });

  it('gives back a refusal with its code and sentence, and a bug as an error for the log', async () => {
    pool = new WorkerPool({ entry });
    const refused = await pool.run('refuse', {}).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotebookError);
    expect(refused).toMatchObject({
      code: 'bad-file',
      message: 'That file is not one we can read.',
    });
    const bug = await pool.run('bug', {}).catch((e: unknown) => e);
    expect(bug).not.toBeInstanceOf(NotebookError);
    expect((bug as Error).message).toContain('undefined is not a function');
    // The worker survived both.
    expect(await pool.run('echo', 1)).toBe(1);
    expect(pool.workerCount).toBe(1);
  });

  it('fails a job whose worker crashes or exits, and replaces the worker', async () => {
    pool = new WorkerPool({ entry });
    const first = await pool.run('threadId', {});
    const crashed = await pool.run('crash', {}).catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(WorkerStoppedError);
    expect((crashed as Error).message).toMatch(/the importer fell over.*nothing was saved/);
    const exited = await pool.run('exit', {}).catch((e: unknown) => e);
    expect(exited).toBeInstanceOf(WorkerStoppedError);
    expect((exited as Error).message).toContain('code 7');
    const next = await pool.run('threadId', {});
    expect(next).not.toBe(first);
    expect(await pool.run('echo', 'still works')).toBe('still works');
  });

  it('runs two jobs at once on two workers, and queues a third', async () => {
    pool = new WorkerPool({ entry, size: 2 });
    const started = performance.now();
    const all = await Promise.all([
      pool.run('slow', { ms: 300 }),
      pool.run('slow', { ms: 300 }),
      pool.run('slow', { ms: 300 }),
    ]);
    expect(all).toEqual([300, 300, 300]);
    expect(pool.workerCount).toBe(2);
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(590);
    // Two at once, then the third: well under three in a row (on a busy machine, with slack).
    expect(took).toBeLessThan(2 * 300 + 2000);
  });

  it('lets an idle worker go, and starts a new one when work comes', async () => {
    pool = new WorkerPool({ entry, idleMs: 50 });
    await pool.run('echo', 1);
    expect(pool.workerCount).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(pool.workerCount).toBe(0);
    expect(await pool.run('echo', 2)).toBe(2);
  });

  it('fails running and queued jobs on close, and refuses new ones', async () => {
    pool = new WorkerPool({ entry, size: 1 });
    const running = pool.run('slow', { ms: 5000 }).catch((e: unknown) => e);
    const queued = pool.run('echo', 1).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await pool.close();
    expect(await running).toBeInstanceOf(WorkerStoppedError);
    expect(await queued).toBeInstanceOf(WorkerStoppedError);
    expect(pool.workerCount).toBe(0);
    await expect(pool.run('echo', 1)).rejects.toBeInstanceOf(WorkerStoppedError);
  });

  it('fails a job cleanly when the worker script does not exist', async () => {
    pool = new WorkerPool({ entry: new URL('missing-worker.js', entry) });
    await expect(pool.run('echo', 1)).rejects.toBeInstanceOf(WorkerStoppedError);
  });
});
