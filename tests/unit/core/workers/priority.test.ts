// A core worker gives way to the main thread: on Linux its own thread runs at a lower priority
// while the calling thread keeps its own; elsewhere nothing is changed (the call would lower the
// whole process there).
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { closeCoreWorkers, createCoreWorkers } from '../../../../electron/core/workers';
import { WORKER_NICENESS, yieldToMainThread } from '../../../../electron/core/workers/priority';

const onLinux = process.platform === 'linux';

/** The niceness of every thread of this process, from /proc (field 19 of each task's stat). */
async function threadNiceness(): Promise<number[]> {
  const tasks = await readdir('/proc/self/task');
  return Promise.all(
    tasks.map(async (tid) => {
      const stat = await readFile(`/proc/self/task/${tid}/stat`, 'utf8');
      // The command name may hold spaces; the fields after it are plain.
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
    }),
  );
}

afterEach(() => closeCoreWorkers());

describe('core worker priority', () => {
  it.skipIf(!onLinux)('lowers the worker’s thread only, on Linux', async () => {
    const before = await threadNiceness();
    const workers = createCoreWorkers(
      pathToFileURL(join(inject('coreWorkerDir'), 'core-worker.js')),
    );
    await workers.run('importText', { text: 'One paragraph.' });
    const during = await threadNiceness();
    await workers.close();
    expect(during.filter((n) => n === WORKER_NICENESS).length).toBe(
      before.filter((n) => n === WORKER_NICENESS).length + 1,
    );
    // This thread (the one that started the worker) is as it was.
    expect(os.getPriority(0)).toBe(0);
  });

  it('changes nothing where a thread’s priority is its process’s', () => {
    expect(yieldToMainThread('darwin')).toBe(false);
    expect(yieldToMainThread('win32')).toBe(false);
    expect(os.getPriority(0)).toBe(0);
  });
});
