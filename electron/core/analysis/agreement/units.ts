// The units an article is compared over, and which of them a coder's passages code. A unit is a
// character (UTF-16 code unit, the store's offsets), or a stretch of text (a sentence, a
// paragraph) coded when any passage overlaps it. Coding is kept as runs of unit indices, never
// as an array per unit: an article may hold millions of characters.
import type { Span } from '../../../shared/model';
import { mergeSpans } from '../coded-spans';

/** Sorted, disjoint, non-empty stretches of text: unit i is [starts[i], ends[i]). */
export interface SpanGrid {
  kind: 'spans';
  count: number;
  starts: Uint32Array;
  ends: Uint32Array;
}

export type UnitGrid = { kind: 'character'; count: number } | SpanGrid;

export const characterGrid = (length: number): UnitGrid => ({ kind: 'character', count: length });

/** A grid of text stretches, given in text order and not overlapping. */
export function spanGrid(spans: readonly Span[]): SpanGrid {
  const starts = new Uint32Array(spans.length);
  const ends = new Uint32Array(spans.length);
  spans.forEach(({ start, end }, i) => {
    starts[i] = start;
    ends[i] = end;
  });
  return { kind: 'spans', count: spans.length, starts, ends };
}

/** The first index whose value is above (or, `orEqual`, at least) `x` in a sorted array. */
function firstAbove(sorted: Uint32Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > x || (orEqual && sorted[mid] === x)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The units one coder's passages (text spans) code: merged runs of unit indices, in order. */
export function unitRunsOf(passages: readonly Span[], grid: UnitGrid): Span[] {
  const runs: Span[] = [];
  for (const { start, end } of passages) {
    if (grid.kind === 'character') {
      const from = Math.max(0, start);
      const to = Math.min(grid.count, end);
      if (from < to) runs.push({ start: from, end: to });
      continue;
    }
    // Overlapping [start, end): the units that end after it starts and start before it ends.
    const from = firstAbove(grid.ends, start, false);
    const to = firstAbove(grid.starts, end, true);
    if (from < to && start < end) runs.push({ start: from, end: to });
  }
  return mergeSpans(runs);
}

/** The text a run of units covers. */
export function textSpanOf(run: Span, grid: UnitGrid): Span {
  if (grid.kind === 'character') return { start: run.start, end: run.end };
  return { start: grid.starts[run.start]!, end: grid.ends[run.end - 1]! };
}
