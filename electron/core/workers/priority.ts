// A core worker runs below the main thread's priority where the system allows one thread's
// priority to differ from its process's: on a machine whose cores are all busy (a 200-file batch
// keeps a worker parsing without a pause), the main thread, which answers the window, then gets a
// core back as soon as it has something to do, instead of waiting for the scheduler's turn.
import os from 'node:os';

/** Niceness for a worker: low enough to give way, not so low that a busy machine starves it. */
export const WORKER_NICENESS = 10;

/**
 * Lowers the calling thread's priority. Only on Linux, where setpriority() on the calling thread
 * (pid 0) changes that thread alone; on macOS and Windows the same call would lower the whole
 * process, the main thread with it, which is the opposite of the point.
 */
export function yieldToMainThread(platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    os.setPriority(0, WORKER_NICENESS);
    return true;
  } catch {
    // A container or policy may refuse it; the worker then runs at the main thread's priority.
    return false;
  }
}
