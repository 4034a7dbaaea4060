// Counting over coders' runs of coded units (each coder's runs merged, in order): how many units
// how many coders coded, and where exactly one of two coders did. A sweep over the runs' ends,
// so the cost follows the number of passages, not the length of the text.
import type { Span } from '../../../shared/model';

/**
 * `histogram[k]`: of `units` units, how many exactly k of the coders coded (k = 0..coders). Each
 * coder's runs must be merged (disjoint) and within [0, units).
 */
export function codedHistogram(perCoder: readonly (readonly Span[])[], units: number): number[] {
  const histogram = new Array<number>(perCoder.length + 1).fill(0);
  const total = perCoder.reduce((sum, runs) => sum + runs.length, 0);
  const starts = new Float64Array(total);
  const ends = new Float64Array(total);
  let i = 0;
  for (const runs of perCoder) {
    for (const run of runs) {
      starts[i] = run.start;
      ends[i++] = run.end;
    }
  }
  starts.sort();
  ends.sort();
  let depth = 0;
  let at = 0;
  let s = 0;
  let e = 0;
  while (s < total || e < total) {
    // Ends before starts at one position: a run ending where another begins doesn't stack.
    const next = e < total && (s >= total || ends[e]! <= starts[s]!) ? ends[e]! : starts[s]!;
    histogram[depth]! += next - at;
    at = next;
    if (e < total && ends[e] === next) {
      depth--;
      e++;
    } else {
      depth++;
      s++;
    }
  }
  histogram[0]! += units - at;
  return histogram;
}

export type Side = 'a' | 'b';

/** A stretch of units that only one of two coders coded. */
export interface OneSided extends Span {
  side: Side;
}

/**
 * Where exactly one of two coders coded: maximal stretches of units, in order, a stretch A alone
 * coded beside one B alone coded kept apart (each is the other coder's to answer for).
 */
export function oneSided(a: readonly Span[], b: readonly Span[]): OneSided[] {
  const cuts = new Set<number>();
  for (const run of [...a, ...b]) cuts.add(run.start).add(run.end);
  const points = [...cuts].sort((x, y) => x - y);
  const out: OneSided[] = [];
  let ia = 0;
  let ib = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p]!;
    const to = points[p + 1]!;
    while (ia < a.length && a[ia]!.end <= from) ia++;
    while (ib < b.length && b[ib]!.end <= from) ib++;
    const inA = ia < a.length && a[ia]!.start <= from;
    const inB = ib < b.length && b[ib]!.start <= from;
    if (inA === inB) continue;
    const side: Side = inA ? 'a' : 'b';
    const last = out.at(-1);
    if (last && last.side === side && last.end === from) last.end = to;
    else out.push({ start: from, end: to, side });
  }
  return out;
}
