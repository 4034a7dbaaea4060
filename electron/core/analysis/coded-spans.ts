// Where a tag's passages lie in one article, as the text they cover: overlapping or touching
// passages count once, so "coded length" is characters coded, not the sum of passage lengths.
import type { Span } from '../../shared/model';

/** The spans merged into disjoint runs, in text order (touching runs become one). */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const { start, end } of sorted) {
    const last = merged.at(-1);
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else merged.push({ start, end });
  }
  return merged;
}

/** Characters (UTF-16 code units, the store's offsets) in runs that do not overlap. */
export const runsLength = (runs: readonly Span[]): number =>
  runs.reduce((sum, s) => sum + s.end - s.start, 0);

/** Characters the spans cover together. */
export const coveredLength = (spans: readonly Span[]): number => runsLength(mergeSpans(spans));
