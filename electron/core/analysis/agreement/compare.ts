// One article's comparison: for each tag some coder used in it, how many of its units how many
// coders coded, and each coder's count (figures.ts turns these into the figures).
import type { Passage } from './coding';
import type { CellCounts } from './figures';
import { codedHistogram } from './runs';
import { unitRunsOf, type UnitGrid } from './units';

/** The counts of one tag over one article: `byCoder` as coding.ts gives it. */
export function compareTag(byCoder: readonly (readonly Passage[])[], grid: UnitGrid): CellCounts {
  const runs = byCoder.map((passages) =>
    unitRunsOf(
      passages.map((p) => p.span),
      grid,
    ),
  );
  return {
    units: grid.count,
    histogram: codedHistogram(runs, grid.count),
    coded: runs.map((list) => list.reduce((sum, run) => sum + run.end - run.start, 0)),
  };
}
