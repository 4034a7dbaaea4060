// What every bench case shares: timing helpers, medians and percentiles, and the one JSON line
// each figure is reported as. The bench measures and reports; it never fails on a budget.
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface BenchLine {
  name: string;
  median: number | null;
  unit: 'ms' | 'MB';
  budget: number;
  baseline: number | null;
  /** median / baseline median (or of the figure named in `ratioOf`); null without a baseline. */
  ratio: number | null;
  withinBudget: boolean;
  runs: number;
  [extra: string]: unknown;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const round = (value: number, digits = 3) =>
  Number.isFinite(value) ? Number(value.toFixed(digits)) : value;

/** Three significant digits: ratios run from 1e-5 (re-anchoring) to 10. */
export const ratio = (value: number | null, baseline: number | null) =>
  value === null || baseline === null || baseline === 0
    ? null
    : Number((value / baseline).toPrecision(3));

/** Runs `fn` `runs` times (after `warmup` unmeasured runs) and returns each duration in ms. */
export async function timeRuns(
  runs: number,
  fn: () => unknown,
  options: { warmup?: number } = {},
): Promise<number[]> {
  for (let i = 0; i < (options.warmup ?? 0); i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times;
}

/** What a case says about one figure; ratio and verdict are worked out unless given. */
export interface BenchInput {
  name: string;
  median: number | null;
  unit: BenchLine['unit'];
  budget: number;
  baseline: number | null;
  runs: number;
  withinBudget?: boolean;
  ratio?: number | null;
  [extra: string]: unknown;
}

/**
 * Calls `fn` up to `max` times, but stops once `capMs` have passed and it has run `min` times, so
 * a slow build of the app can't stretch the bench past its few minutes. Returns what each run gave.
 */
export async function boxedRuns<T>(
  limits: { max: number; min: number; capMs: number },
  fn: (run: number) => Promise<T>,
): Promise<T[]> {
  const t0 = performance.now();
  const out: T[] = [];
  for (let run = 0; run < limits.max; run++) {
    if (run >= limits.min && performance.now() - t0 > limits.capMs) break;
    out.push(await fn(run));
  }
  return out;
}

/**
 * One figure as a line. `withinBudget` defaults to median <= budget; cases with more conditions
 * (re-anchoring correctness, main-thread blocking) pass their own verdict.
 */
export function benchLine(fields: BenchInput): BenchLine {
  const { name, median: value, unit, budget, baseline, withinBudget, runs, ...rest } = fields;
  const { ratio: given, ...extra } = rest;
  const rounded = value === null ? null : round(value);
  return {
    name,
    median: rounded,
    unit,
    budget,
    baseline: baseline === null ? null : round(baseline),
    ratio: given !== undefined ? given : ratio(rounded, baseline),
    withinBudget: withinBudget ?? (rounded !== null && rounded <= budget),
    runs,
    ...extra,
  };
}

/** A figure that could not be measured (the feature it needs isn't there yet, or it failed). */
export function missingLine(
  name: string,
  unit: BenchLine['unit'],
  budget: number,
  baseline: number | null,
  reason: string,
): BenchLine {
  return {
    name,
    median: null,
    unit,
    budget,
    baseline: baseline === null ? null : round(baseline),
    ratio: null,
    withinBudget: false,
    runs: 0,
    error: reason,
  };
}

export const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

/** monitorEventLoopDelay's sampling interval; its max includes up to one interval. */
export const BLOCK_RESOLUTION_MS = 1;

/**
 * Runs `fn` and reports how long it took and the longest the main event loop was blocked while
 * it ran: monitorEventLoopDelay's max, less its tick. The histogram only hears of a block when its
 * timer next fires, so it is read a few ticks after `fn` ends (outside the timing).
 */
export async function blockingRun<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; ms: number; maxBlockMs: number }> {
  const delay = monitorEventLoopDelay({ resolution: BLOCK_RESOLUTION_MS });
  delay.enable();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  await new Promise((resolve) => setTimeout(resolve, 5 * BLOCK_RESOLUTION_MS));
  delay.disable();
  return { value, ms, maxBlockMs: Math.max(0, delay.max / 1e6 - BLOCK_RESOLUTION_MS) };
}

/** Every stretch over `overMs` in which a 1 ms timer could not run, with when it began. */
export function watchStalls(overMs: number) {
  const stalls: Array<{ at: number; ms: number }> = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const late = now - last - 1;
    if (late > overMs) stalls.push({ at: last, ms: late });
    last = now;
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return stalls;
    },
  };
}
