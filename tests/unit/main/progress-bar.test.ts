// The core's progress on the taskbar/Dock: a fraction while it runs, indeterminate while the
// total isn't known, removed when done, and never left behind by a call that failed mid-way.
import { describe, expect, it } from 'vitest';
import {
  NO_PROGRESS,
  progressBar,
  progressBarValue,
  UNKNOWN_PROGRESS,
} from '../../../electron/main/progress-bar';
import type { Progress } from '../../../electron/shared/progress';

const at = (done: number, total: number): Progress => ({
  task: 'import-project',
  done,
  total,
  stage: 'Placing codings',
});

describe('progressBarValue', () => {
  it('is done/total while running, -1 once done, indeterminate while the total is unknown', () => {
    expect(progressBarValue(at(0, 4))).toBe(0);
    expect(progressBarValue(at(1, 4))).toBe(0.25);
    expect(progressBarValue(at(3, 4))).toBe(0.75);
    expect(progressBarValue(at(4, 4))).toBe(NO_PROGRESS);
    expect(progressBarValue(at(0, 0))).toBe(UNKNOWN_PROGRESS);
    expect(UNKNOWN_PROGRESS).toBeGreaterThan(1);
    expect(NO_PROGRESS).toBeLessThan(0);
  });

  it('stays inside [0, 1) for odd counts', () => {
    expect(progressBarValue(at(-3, 10))).toBe(0);
    expect(progressBarValue(at(11, 10))).toBe(NO_PROGRESS);
  });
});

describe('progressBar', () => {
  it('sets the bar on each change only, and clears it at the end', () => {
    const set: number[] = [];
    const bar = progressBar((value) => set.push(value));
    bar.update(at(0, 0));
    bar.update(at(1, 2));
    bar.update(at(1, 2));
    bar.update(at(2, 2));
    expect(set).toEqual([UNKNOWN_PROGRESS, 0.5, NO_PROGRESS]);
  });

  it('clears a bar whose task ended without its last event (the import failed)', () => {
    const set: number[] = [];
    const bar = progressBar((value) => set.push(value));
    bar.update(at(3, 10));
    bar.end('import-project');
    expect(set).toEqual([0.3, NO_PROGRESS]);
    bar.end('import-project');
    expect(set).toHaveLength(2);
  });
});
