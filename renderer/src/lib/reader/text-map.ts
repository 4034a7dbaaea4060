// Maps between DOM positions in the reader and offsets in the article's text. Each rendered run
// carries data-s (its start offset); its single text node covers [start, start + length).
export interface RunNode {
  start: number;
  end: number;
  node: Text;
}

export class TextMap {
  readonly runs: RunNode[];

  constructor(root: HTMLElement) {
    this.runs = [];
    for (const el of root.querySelectorAll<HTMLElement>('[data-s]')) {
      const node = el.firstChild;
      if (!(node instanceof Text)) continue;
      const start = Number(el.dataset.s);
      this.runs.push({ start, end: start + node.length, node });
    }
  }

  /** The text offset of a DOM boundary point, or null when it is outside the article. */
  offsetOf(node: Node, offset: number): number | null {
    if (node instanceof Text) {
      const start = node.parentElement?.dataset.s;
      return start === undefined ? null : Number(start) + offset;
    }
    // An element boundary: before child[offset]. Take the first run at or after that point.
    const probe = document.createRange();
    probe.setStart(node, offset);
    for (const run of this.runs) {
      if (probe.comparePoint(run.node, 0) >= 0) return run.start;
    }
    const last = this.runs.at(-1);
    return last ? last.end : null;
  }

  /** A DOM Range for [start, end); ends at run boundaries stay in the earlier run. */
  rangeOf(start: number, end: number): Range | null {
    const from = this.#runAt(start, false);
    const to = this.#runAt(end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, Math.max(0, start - from.start));
    range.setEnd(to.node, Math.min(to.node.length, Math.max(0, end - to.start)));
    return range;
  }

  /** Binary search for the run holding `offset` (or the nearest one, toward the passage). */
  #runAt(offset: number, isEnd: boolean): RunNode | undefined {
    const runs = this.runs;
    let lo = 0;
    let hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const run = runs[mid]!;
      if (isEnd ? run.end < offset : run.end <= offset) lo = mid + 1;
      else hi = mid - 1;
    }
    // lo: first run whose end reaches offset. For an end offset in a gap between blocks, the
    // previous run is the right one.
    if (isEnd && runs[lo] && runs[lo]!.start >= offset && lo > 0) return runs[lo - 1];
    return runs[lo] ?? runs.at(-1);
  }
}
