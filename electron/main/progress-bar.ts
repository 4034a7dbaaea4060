// Long work in the core (a project import) shows on the taskbar button (Windows), the Dock icon
// (macOS) or the launcher (Linux, where the desktop supports it), from the same progress events
// the window draws its bar from.
import type { Progress } from '../shared/progress';

/** Electron's setProgressBar value: [0, 1] a fraction, above 1 "busy, no fraction known", -1 none. */
export const NO_PROGRESS = -1;
export const UNKNOWN_PROGRESS = 2;

/** Where the bar stands for one event. done === total ends the task; total 0 is not known yet. */
export function progressBarValue(progress: Pick<Progress, 'done' | 'total'>): number {
  const { done, total } = progress;
  if (total <= 0) return UNKNOWN_PROGRESS;
  if (done >= total) return NO_PROGRESS;
  return Math.max(0, done) / total;
}

/**
 * Follows the core's progress for the bar: each task's latest event, and the bar shows the one
 * that began first. A task whose call ended without its last event (it failed) is cleared by
 * `end`, so no bar is left behind.
 */
export function progressBar(setProgressBar: (value: number) => void) {
  const tasks = new Map<Progress['task'], number>();
  let shown = NO_PROGRESS;
  const show = () => {
    const value = tasks.size ? tasks.values().next().value! : NO_PROGRESS;
    if (value !== shown) setProgressBar((shown = value));
  };
  return {
    update(progress: Progress) {
      const value = progressBarValue(progress);
      if (value === NO_PROGRESS) tasks.delete(progress.task);
      else tasks.set(progress.task, value);
      show();
    },
    end(task: Progress['task']) {
      tasks.delete(task);
      show();
    },
  };
}
