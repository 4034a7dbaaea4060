// A static index of [start, end) intervals: items sorted by start, read as an implicit balanced
// tree whose every node keeps the largest end below it. A query visits O(log n + hits) nodes,
// however long or nested the intervals are (a plain "sorted starts + running max end" scan
// degrades to O(n) as soon as one long interval covers the rest).
import type { Span } from '../../../../electron/shared/model';

export class IntervalIndex<T> {
  readonly #items: T[];
  readonly #starts: Float64Array;
  readonly #ends: Float64Array;
  /** For the subtree whose root is `mid` of [lo, hi): the largest end in [lo, hi). */
  readonly #maxEnd: Float64Array;

  constructor(items: readonly T[], span: (item: T) => Span) {
    const n = items.length;
    const starts = new Float64Array(n);
    const ends = new Float64Array(n);
    let ordered = true;
    for (let i = 0; i < n; i++) {
      const { start, end } = span(items[i]!);
      starts[i] = start;
      ends[i] = end;
      if (i > 0 && (start < starts[i - 1]! || (start === starts[i - 1]! && end > ends[i - 1]!)))
        ordered = false;
    }
    if (ordered) {
      // The usual case: the core lists annotations in reading order.
      this.#items = items.slice();
      this.#starts = starts;
      this.#ends = ends;
    } else {
      // Plain loops: Float64Array.from(order, fn) and friends are several times slower here.
      const order = sortedOrder(starts, ends);
      const sortedItems: T[] = new Array<T>(n);
      this.#starts = new Float64Array(n);
      this.#ends = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        sortedItems[k] = items[i]!;
        this.#starts[k] = starts[i]!;
        this.#ends[k] = ends[i]!;
      }
      this.#items = sortedItems;
    }
    this.#maxEnd = new Float64Array(n);
    this.#build(0, n);
  }

  get size() {
    return this.#items.length;
  }

  /** Items with start < end' and end > start' (they share at least one position), by start. */
  overlapping(start: number, end: number): T[] {
    const out: T[] = [];
    this.#query(0, this.#items.length, start, end, out);
    return out;
  }

  /** Items that cover the character at `offset` (start <= offset < end), by start. */
  containing(offset: number): T[] {
    const out: T[] = [];
    this.#query(0, this.#items.length, offset, offset, out, true);
    return out;
  }

  #build(lo: number, hi: number): number {
    if (lo >= hi) return -Infinity;
    const mid = (lo + hi) >>> 1;
    const max = Math.max(this.#ends[mid]!, this.#build(lo, mid), this.#build(mid + 1, hi));
    this.#maxEnd[mid] = max;
    return max;
  }

  /**
   * In-order walk (left, node, right) so results come out sorted by start. The right side is a
   * loop rather than a call: recursion depth stays at log2(n).
   */
  #query(lo: number, hi: number, qs: number, qe: number, out: T[], point = false) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#maxEnd[mid]! <= qs) return;
      this.#query(lo, mid, qs, qe, out, point);
      const start = this.#starts[mid]!;
      // Everything from mid rightwards starts too late.
      if (point ? start > qs : start >= qe) return;
      if (this.#ends[mid]! > qs) out.push(this.#items[mid]!);
      lo = mid + 1;
    }
  }
}

/** Positions by start, the outer of two intervals that start together first. */
function sortedOrder(starts: Float64Array, ends: Float64Array): number[] {
  const n = starts.length;
  const byStartThenEnd = (a: number, b: number) => starts[a]! - starts[b]! || ends[b]! - ends[a]!;
  let integral = n < 2 ** 21;
  for (let i = 0; integral && i < n; i++) {
    const start = starts[i]!;
    integral = Number.isInteger(start) && start >= 0 && start < 2 ** 31;
  }
  if (!integral) return Array.from({ length: n }, (_, i) => i).sort(byStartThenEnd);
  // A comparator sort of 10k items costs several ms; a numeric sort of packed (start, position)
  // keys about one. Equal starts, rarer, are then ordered by end among themselves.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = starts[i]! * 2 ** 21 + i;
  keys.sort();
  const order: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = keys[i]! % 2 ** 21;
  for (let i = 1; i < n; i++) {
    // Insertion sort within each run of equal starts.
    for (let j = i; j > 0 && byStartThenEnd(order[j - 1]!, order[j]!) > 0; j--) {
      [order[j - 1], order[j]] = [order[j]!, order[j - 1]!];
    }
  }
  return order;
}
