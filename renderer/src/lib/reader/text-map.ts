// Maps between DOM positions in the reader and offsets in the article's text, over the chunks
// that are rendered. Each run carries data-s (its start offset); its single text node covers
// [start, start + length). A spacer standing in for unrendered chunks carries data-gap (the
// offset it starts at), so a boundary that falls on it still maps to the right place.
export interface RunNode {
  start: number;
  end: number;
  node: Text;
}

interface Stop {
  node: Node;
  offset: number;
}

export class TextMap {
  /** The rendered runs, in document (and text) order. */
  readonly runs: RunNode[] = [];
  /** Runs' text nodes and spacers, in document order: where element boundaries map to. */
  readonly #stops: Stop[] = [];

  constructor(root: HTMLElement) {
    for (const el of root.querySelectorAll<HTMLElement>('[data-s], [data-gap]')) {
      if (el.dataset.gap !== undefined) {
        this.#stops.push({ node: el, offset: Number(el.dataset.gap) });
        continue;
      }
      const node = el.firstChild;
      if (!(node instanceof Text)) continue;
      const start = Number(el.dataset.s);
      this.runs.push({ start, end: start + node.length, node });
      this.#stops.push({ node, offset: start });
    }
  }

  /** The text offset of a DOM boundary point, or null when it is outside the article. */
  offsetOf(node: Node, offset: number): number | null {
    if (node instanceof Text) {
      const start = node.parentElement?.dataset.s;
      return start === undefined ? null : Number(start) + offset;
    }
    // An element boundary: before child[offset]. Take the first run or spacer at or after it.
    const probe = document.createRange();
    probe.setStart(node, offset);
    for (const stop of this.#stops) {
      if (probe.comparePoint(stop.node, 0) >= 0) return stop.offset;
    }
    const last = this.runs.at(-1);
    return last ? last.end : null;
  }

  /**
   * A DOM Range for [start, end), clipped to the rendered runs (null when it misses them all).
   * Ends at run boundaries stay in the earlier run.
   */
  rangeOf(start: number, end: number): Range | null {
    const first = this.runs[0];
    const last = this.runs.at(-1);
    if (!first || !last || end <= first.start || start >= last.end) return null;
    const from = this.#runAt(start, false);
    const to = this.#runAt(end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from.node, Math.max(0, Math.min(from.node.length, start - from.start)));
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
    // lo: first run whose end reaches offset. For an end offset in a gap between blocks (or
    // between rendered chunks), the previous run is the right one.
    if (isEnd && runs[lo] && runs[lo]!.start >= offset && lo > 0) return runs[lo - 1];
    return runs[lo] ?? runs.at(-1);
  }
}
