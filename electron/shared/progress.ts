// Progress of long work in the core (a project import), pushed beside the "changed" event so the
// window can draw a bar and the desktop host can set the taskbar/dock progress.

// sync: the replication's state changed (electron/core/sync); the window asks getSync then.
export const PROGRESS_TASKS = ['import-project', 'sync'] as const;
export type ProgressTask = (typeof PROGRESS_TASKS)[number];

export interface Progress {
  task: ProgressTask;
  /** Steps done of `total` (total 0: not known yet). done === total ends the task. */
  done: number;
  total: number;
  /** What it is doing now, in words ("Reading sources", "Placing codings"). */
  stage: string;
}

/** Only well-formed progress reaches the page, whatever arrives on the channel. */
export function isProgress(value: unknown): value is Progress {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return (
    (PROGRESS_TASKS as readonly unknown[]).includes(p.task) &&
    Number.isInteger(p.done) &&
    Number.isInteger(p.total) &&
    typeof p.stage === 'string'
  );
}
