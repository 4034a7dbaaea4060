// The core's one pool of workers, and the typed way services use it. The worker script is the
// bundle built beside the running one (core-worker.js next to out/main/index.js, the browser host
// or the bench); tests point it at a bundle of their own (tests/unit/support/core-worker.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WorkerPool } from './pool';
import type { CoreTaskEvents, CoreTaskName, CoreTasks } from './tasks';

export { WorkerStoppedError } from './protocol';

type Input<K extends CoreTaskName> = Parameters<CoreTasks[K]>[0];
type Output<K extends CoreTaskName> = Awaited<ReturnType<CoreTasks[K]>>;
type EventOf<K extends CoreTaskName> = K extends keyof CoreTaskEvents ? CoreTaskEvents[K] : never;

export interface CoreWorkers {
  run<K extends CoreTaskName>(
    task: K,
    input: Input<K>,
    onEvent?: (event: EventOf<K>) => void,
  ): Promise<Output<K>>;
  close(): Promise<void>;
}

/** Where the worker script is: beside this bundle, or beside its entry when this is a chunk. */
function defaultEntry(): URL {
  const here = new URL('.', import.meta.url);
  const dir = here.pathname.endsWith('/chunks/') ? new URL('..', here) : here;
  return new URL('core-worker.js', dir);
}

let configured: URL | undefined;
let shared: CoreWorkers | undefined;

/** Points the pool at another worker script (tests, which run the core from its sources). */
export function configureCoreWorkers(options: { entry: URL }): void {
  configured = options.entry;
}

export function coreWorkers(): CoreWorkers {
  shared ??= createCoreWorkers(configured ?? defaultEntry());
  return shared;
}

/** Stops the shared workers (a host shutting down, a test file ending); they restart on use. */
export async function closeCoreWorkers(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}

export function createCoreWorkers(entry: URL): CoreWorkers {
  if (!existsSync(fileURLToPath(entry))) return inProcess(entry);
  const pool = new WorkerPool({ entry });
  return {
    run: (task, input, onEvent) =>
      pool.run(task, input, onEvent && { onEvent: onEvent as (v: unknown) => void }) as never,
    close: () => pool.close(),
  };
}

/**
 * Without a worker script (a bundle built without one, sources run without the test setup) the
 * same tasks run here, on the calling thread: slower for the window, but the core still works.
 */
function inProcess(entry: URL): CoreWorkers {
  console.warn(
    `The core's worker script is missing (${fileURLToPath(entry)}): imports, revisions and exports run on the main thread.`,
  );
  return {
    async run(task, input, onEvent) {
      const { CORE_TASKS } = await import('./tasks');
      const run = CORE_TASKS[task] as (input: unknown, emit: (value: unknown) => void) => unknown;
      return (await run(input, (value) => onEvent?.(value as never))) as never;
    },
    close: async () => undefined,
  };
}
