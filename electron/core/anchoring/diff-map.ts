// Maps positions in an article's old text onto its new revision through the equal runs of their
// diff (text-diff.ts), by binary search: exact inside a run, an offset into the change between.
import { diffTexts } from './text-diff';

/** Equal runs, sorted and disjoint on both sides: old[oldStarts[i] + j] === new[newStarts[i] + j]. */
export interface EditMap {
  oldLength: number;
  newLength: number;
  oldStarts: Int32Array;
  newStarts: Int32Array;
  lengths: Int32Array;
}

export function buildEditMap(oldText: string, newText: string): EditMap {
  return { oldLength: oldText.length, newLength: newText.length, ...diffTexts(oldText, newText) };
}

/** Index of the run holding all of old [start, end), or -1. */
export function runContaining(map: EditMap, start: number, end: number): number {
  const i = lastRunAtOrBefore(map, start);
  if (i < 0) return -1;
  const runEnd = map.oldStarts[i]! + map.lengths[i]!;
  return start < runEnd && end <= runEnd ? i : -1;
}

/** Where new [start, end) was in the old text, if one equal run holds all of it; else -1. */
export function oldOrigin(map: EditMap, start: number, end: number): number {
  const i = lastAtOrBefore(map.newStarts, start);
  if (i < 0 || end > map.newStarts[i]! + map.lengths[i]!) return -1;
  return map.oldStarts[i]! + start - map.newStarts[i]!;
}

/** Where old `pos` now starts: exact inside an equal run; inside a change, the offset into it. */
export function mapStart(map: EditMap, pos: number): number {
  const i = lastRunAtOrBefore(map, pos);
  if (i >= 0 && pos < map.oldStarts[i]! + map.lengths[i]!) {
    return map.newStarts[i]! + pos - map.oldStarts[i]!;
  }
  const gap = gapAfter(map, i);
  return gap.newStart + Math.min(pos - gap.oldStart, gap.newEnd - gap.newStart);
}

/** Where old `pos` now ends: like mapStart, but counted from the change's end. */
export function mapEnd(map: EditMap, pos: number): number {
  const i = lastRunAtOrBefore(map, pos - 1);
  if (i >= 0 && pos <= map.oldStarts[i]! + map.lengths[i]!) {
    return map.newStarts[i]! + pos - map.oldStarts[i]!;
  }
  const gap = gapAfter(map, i);
  return gap.newEnd - Math.min(gap.oldEnd - pos, gap.newEnd - gap.newStart);
}

export interface Gap {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/** The change between run i and run i + 1 (i = -1: before the first run). May be empty. */
function gapAfter(map: EditMap, i: number): Gap {
  const count = map.lengths.length;
  return {
    oldStart: i >= 0 ? map.oldStarts[i]! + map.lengths[i]! : 0,
    newStart: i >= 0 ? map.newStarts[i]! + map.lengths[i]! : 0,
    oldEnd: i + 1 < count ? map.oldStarts[i + 1]! : map.oldLength,
    newEnd: i + 1 < count ? map.newStarts[i + 1]! : map.newLength,
  };
}

/** The changes that touch old [start, end] (a change at either edge counts). */
export function gapsAround(map: EditMap, start: number, end: number): Gap[] {
  const gaps: Gap[] = [];
  const first = lastRunAtOrBefore(map, start);
  const last = lastRunAtOrBefore(map, end);
  for (let i = Math.max(-1, first - 1); i <= last; i++) {
    const gap = gapAfter(map, i);
    if (gap.oldEnd >= start && gap.oldStart <= end) gaps.push(gap);
  }
  return gaps;
}

/**
 * New-text ranges the diff did not carry over in a run of at least `minRun` characters, in
 * order: where moved text can now be. Short runs count as not carried: inside a rewritten
 * stretch the diff pairs up " the " and the like by chance, and a moved passage can sit in one.
 */
export function uncarriedRanges(map: EditMap, minRun: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < map.lengths.length; i++) {
    if (map.lengths[i]! < minRun) continue;
    if (map.newStarts[i]! > from) ranges.push([from, map.newStarts[i]!]);
    from = map.newStarts[i]! + map.lengths[i]!;
  }
  if (map.newLength > from) ranges.push([from, map.newLength]);
  return ranges;
}

/** Characters of old (or new) [from, to) that runs of at least `minRun` carry over. */
export function carriedCount(
  map: EditMap,
  side: 'old' | 'new',
  from: number,
  to: number,
  minRun: number,
): number {
  const starts = side === 'old' ? map.oldStarts : map.newStarts;
  let count = 0;
  for (let i = Math.max(0, lastAtOrBefore(starts, from)); i < starts.length; i++) {
    const runStart = starts[i]!;
    if (runStart >= to) break;
    if (map.lengths[i]! < minRun) continue;
    count += Math.max(0, Math.min(to, runStart + map.lengths[i]!) - Math.max(from, runStart));
  }
  return count;
}

function lastRunAtOrBefore(map: EditMap, pos: number): number {
  return lastAtOrBefore(map.oldStarts, pos);
}

function lastAtOrBefore(starts: Int32Array, pos: number): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
