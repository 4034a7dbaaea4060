// A worker for the pool's tests: the real runtime and core tasks, plus tasks that fail in the
// ways a worker can (a refusal, a bug, a crash, an exit, an event then a failure).
import { badFile } from '../../../../electron/core/errors';
import { serveTasks, type Task } from '../../../../electron/core/workers/runtime';
import { CORE_TASKS } from '../../../../electron/core/workers/tasks';

const core = CORE_TASKS as unknown as Record<string, Task>;

const tasks: Record<string, Task> = {
  ...core,
  /** The real import, except that a file named crash-… brings the worker down halfway. */
  importFile: ((input: { fileName: string }, emit: (v: unknown) => void) =>
    input.fileName.startsWith('crash-')
      ? new Promise(() => setTimeout(() => process.exit(9)))
      : core.importFile!(input as never, emit)) as Task,
  echo: ((input: unknown) => input) as Task,
  /** Hands over what it was given, then returns how many events it sent. */
  events: ((input: { values: unknown[] }, emit: (v: unknown) => void) => {
    for (const value of input.values) emit(value);
    return input.values.length;
  }) as Task,
  refuse: (() => {
    throw badFile('That file is not one we can read.');
  }) as Task,
  bug: (() => {
    throw new TypeError('undefined is not a function');
  }) as Task,
  /** An exception nobody catches: the worker's error event, then its exit. */
  crash: (() =>
    new Promise(() => {
      setTimeout(() => {
        throw new Error('the importer fell over');
      });
    })) as Task,
  exit: (() => process.exit(7)) as Task,
  slow: ((input: { ms: number }) =>
    new Promise((resolve) => setTimeout(() => resolve(input.ms), input.ms))) as Task,
  threadId: (async () => (await import('node:worker_threads')).threadId) as Task,
};

serveTasks(tasks);
