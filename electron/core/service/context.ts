// What every part of the notebook service shares: the store, the clock and id source passed in
// so tests can pin them, and the workers that do the CPU-heavy pure work off the main thread.
import type { Progress } from '../../shared/progress';
import type { SettingsStore } from '../settings/settings-store';
import type { NotebookStore } from '../store';
import type { SecretStore } from '../sync/secret-store';
import { coreWorkers, type CoreWorkers } from '../workers';

export interface ServiceContext {
  store: NotebookStore;
  now: () => Date;
  newId: () => string;
  /** The app's settings on this machine (not the notebook's); absent: defaults, in memory. */
  settings?: SettingsStore;
  /** Absent: the core's shared pool (electron/core/workers). */
  workers?: CoreWorkers;
  /** Tell the hosts how long work is going (the window's bar, the taskbar); absent: nobody listens. */
  progress?: (progress: Progress) => void;
  /** Prints a report's HTML to PDF (a browser engine the host has); absent: no PDF reports. */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** Secrets the host keeps out of the notebook (sync's password); absent: memory, this run. */
  secrets?: SecretStore;
  /**
   * Runs a task in the queue the writing calls run in, after them and before the next (sync's
   * incoming changes: no call's check can pass against a state a sync then changes).
   */
  runWrite?: <T>(task: () => Promise<T>) => Promise<T>;
  /** Work to finish before the store closes (sync stops and closes its replica). */
  onClose?: (task: () => Promise<void>) => void;
  /**
   * Work to stop while the folder is copied (sync, whose replica files would change under the
   * copy); the task answers how to start it again, for a move that fails.
   */
  onPause?: (task: () => Promise<() => Promise<void>>) => void;
}

export const isoNow = (ctx: ServiceContext) => ctx.now().toISOString();

export const workersOf = (ctx: ServiceContext): CoreWorkers => ctx.workers ?? coreWorkers();
