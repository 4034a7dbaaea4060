// Reading order on a page: a two-column layout is read column by column. A gutter is a vertical
// band near the middle that no text crosses while many rows have text on both sides of it;
// rows that do cross it (a title, an abstract, a wide figure or note) are read where they stand
// and divide the page into sections, each read left column first, then right (and a column
// with a gutter of its own, as in three columns, the same way).
import { lineOf, median, withRaisedText, type Row, type TextLine } from './text-lines';

/** Lines read one after the other without a column break: a column, or a full-width section. */
export interface Flow {
  lines: TextLine[];
  /** Where the flow's text starts and ends horizontally, to measure indents and short lines. */
  x0: number;
  x1: number;
}

interface Gutter {
  x0: number;
  x1: number;
}

/** How many times a side is searched for a gutter of its own: three columns need two. */
const MAX_SPLITS = 2;

/** Rows are in top-to-bottom order; flows come back in reading order. */
export function readingOrder(rows: readonly Row[], pageWidth: number, page: number): Flow[] {
  return order(rows, 0, pageWidth, page, MAX_SPLITS);
}

/** The reading order of rows within [from, to]: a side of a gutter may have a gutter too. */
function order(
  rows: readonly Row[],
  from: number,
  to: number,
  page: number,
  splits: number,
): Flow[] {
  const gutter = splits > 0 ? findGutter(rows, from, to) : undefined;
  if (!gutter) return [flowOf(rows, page)];
  const flows: Flow[] = [];
  let left: Row[] = [];
  let right: Row[] = [];
  let spanning: Row[] = [];
  const closeColumns = () => {
    if (left.length > 0) flows.push(...order(left, from, gutter.x0, page, splits - 1));
    if (right.length > 0) flows.push(...order(right, gutter.x1, to, page, splits - 1));
    left = [];
    right = [];
  };
  const closeSpanning = () => {
    if (spanning.length > 0) flows.push(flowOf(spanning, page));
    spanning = [];
  };
  const middle = (gutter.x0 + gutter.x1) / 2;
  for (const row of rows) {
    if (crosses(row, gutter)) {
      closeColumns();
      spanning.push(row);
      continue;
    }
    closeSpanning();
    const l = row.items.filter((i) => i.x + i.width / 2 < middle);
    const r = row.items.filter((i) => i.x + i.width / 2 >= middle);
    if (l.length > 0) left.push({ ...row, items: l });
    if (r.length > 0) right.push({ ...row, items: r });
  }
  closeColumns();
  closeSpanning();
  return flows;
}

function flowOf(rows: readonly Row[], page: number): Flow {
  const built = withRaisedText(rows.map((r) => r.items)).map((items) => lineOf(items, page));
  return {
    lines: built,
    x0: Math.min(...built.map((l) => l.x0)),
    x1: Math.max(...built.map((l) => l.x1)),
  };
}

function crosses(row: Row, gutter: Gutter): boolean {
  return row.items.some((i) => i.x < gutter.x1 - 0.5 && i.x + i.width > gutter.x0 + 0.5);
}

/** At least this many rows must lie on each side of a gutter, and this share of all rows. */
const MIN_SIDE_ROWS = 4;
const MIN_SIDE_SHARE = 0.2;

/**
 * The gutter, if there is one: the x in the middle half of [start, end] with the most rows on
 * its poorer side (rows clear of a band a little over half an em wide, with text on that side),
 * when both sides are well filled and the right side's lines start at one edge, as a column's
 * do (a table's cells or ragged short lines rarely line up so).
 */
function findGutter(rows: readonly Row[], start: number, end: number): Gutter | undefined {
  if (rows.length < MIN_SIDE_ROWS * 2) return undefined;
  const em = median(rows.map((r) => r.size)) ?? 10;
  const half = em * 0.3;
  const from = Math.floor(start + (end - start) * 0.25);
  const to = Math.ceil(start + (end - start) * 0.75);
  // Counted per whole point with difference arrays: for each row, the stretches of x where the
  // band is clear of it and it has text on the left, or on the right.
  const left = new Int32Array(to - from + 2);
  const right = new Int32Array(to - from + 2);
  const add = (counts: Int32Array, a: number, b: number) => {
    const start = Math.max(from, Math.ceil(a));
    const end = Math.min(to, Math.floor(b));
    if (start > end) return;
    counts[start - from]! += 1;
    counts[end - from + 1]! -= 1;
  };
  for (const row of rows) {
    // Items sorted by x; a clear stretch lies between one item's end and the next's start.
    let reach = -Infinity;
    for (const item of row.items) {
      if (reach === -Infinity) add(right, -Infinity, item.x - half);
      else {
        add(left, reach + half, item.x - half);
        add(right, reach + half, item.x - half);
      }
      reach = Math.max(reach, item.x + item.width);
    }
    add(left, reach + half, Infinity);
  }
  const scores: number[] = [];
  let leftRows = 0;
  let rightRows = 0;
  for (let i = 0; i <= to - from; i++) {
    leftRows += left[i] ?? 0;
    rightRows += right[i] ?? 0;
    scores.push(Math.min(leftRows, rightRows));
  }
  const best = Math.max(0, ...scores);
  if (best < Math.max(MIN_SIDE_ROWS, rows.length * MIN_SIDE_SHARE)) return undefined;
  // The middle of the widest stretch with the best score: the gutter's centre, not its edge.
  let widest = { start: 0, length: 0 };
  for (let i = 0; i < scores.length;) {
    let j = i;
    while (j < scores.length && scores[j] === best) j++;
    if (j - i > widest.length) widest = { start: i, length: j - i };
    i = Math.max(j, i + 1);
  }
  return gutterAround(rows, from + widest.start + (widest.length - 1) / 2, half);
}

/** The band between the left column's right edge and the right column's left edge near x. */
function gutterAround(rows: readonly Row[], x: number, half: number): Gutter | undefined {
  const leftEnds: number[] = [];
  const rightStarts: number[] = [];
  for (const row of rows) {
    if (row.items.some((i) => i.x < x + half && i.x + i.width > x - half)) continue;
    const left = row.items.filter((i) => i.x < x);
    const start = row.items.find((i) => i.x > x)?.x;
    if (left.length > 0) leftEnds.push(Math.max(...left.map((i) => i.x + i.width)));
    if (start !== undefined) rightStarts.push(start);
  }
  // A column's lines start at its edge (indented first lines aside): most of them, so the
  // median is that edge.
  const edge = median(rightStarts) ?? x;
  const aligned = rightStarts.filter((s) => Math.abs(s - edge) < 2).length;
  if (aligned < rightStarts.length * 0.5) return undefined;
  // Rows clear of the band end before it and start after it, so x0 < x1.
  return { x0: Math.max(...leftEnds), x1: Math.min(...rightStarts) };
}
