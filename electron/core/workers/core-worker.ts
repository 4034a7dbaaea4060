// The core worker's entry (bundled beside the main bundle as core-worker.js): serves the core's
// CPU-heavy tasks to the pool on the main thread.
import { yieldToMainThread } from './priority';
import { serveTasks, type Task } from './runtime';
import { CORE_TASKS } from './tasks';

yieldToMainThread();
serveTasks(CORE_TASKS as unknown as Record<string, Task>);
