// Where each chunk sits on the reader's vertical axis: measured heights for chunks that have been
// rendered, scaled estimates for the rest. Pure, so the scroll arithmetic is testable in Node.

export class ChunkLayout {
  readonly #estimates: Float64Array;
  /** NaN until the chunk has been rendered and measured at the current width. */
  readonly #measured: Float64Array;
  /** measured / estimated over the first chunks measured: corrects the estimate's typography. */
  #scale = 1;
  #calibrated = false;
  /** tops[i]: the top of chunk i; tops[n]: the total height. Rebuilt lazily. */
  #tops: Float64Array;
  #dirty = true;

  constructor(estimates: ArrayLike<number>) {
    this.#estimates = Float64Array.from(estimates);
    this.#measured = new Float64Array(this.#estimates.length).fill(NaN);
    this.#tops = new Float64Array(this.#estimates.length + 1);
  }

  get count() {
    return this.#estimates.length;
  }

  height(i: number): number {
    const measured = this.#measured[i]!;
    return Number.isNaN(measured) ? this.#estimates[i]! * this.#scale : measured;
  }

  isMeasured(i: number) {
    return !Number.isNaN(this.#measured[i]!);
  }

  /** Records a rendered chunk's height; true when that moves anything. */
  measure(i: number, height: number): boolean {
    const moved = Math.abs(this.height(i) - height) >= 0.5;
    this.#measured[i] = height;
    if (moved) this.#dirty = true;
    return moved;
  }

  /**
   * Scales the estimates of chunks not yet measured by how wrong they were for those that were.
   * Done once (per width): recalibrating on every measurement would keep resizing the spacers and
   * make the scrollbar crawl. True when that moves anything.
   */
  calibrate(): boolean {
    if (this.#calibrated) return false;
    let measured = 0;
    let estimated = 0;
    for (let i = 0; i < this.count; i++) {
      if (!this.isMeasured(i)) continue;
      measured += this.#measured[i]!;
      estimated += this.#estimates[i]!;
    }
    if (estimated <= 0 || measured <= 0) return false;
    this.#calibrated = true;
    const scale = Math.min(4, Math.max(0.25, measured / estimated));
    if (Math.abs(scale - this.#scale) < 0.01) return false;
    this.#scale = scale;
    this.#dirty = true;
    return true;
  }

  /** The text width changed: every measurement but those of `keep` (re-measured soon) is stale. */
  forget(keep: Iterable<number> = []) {
    const kept = new Set(keep);
    for (let i = 0; i < this.count; i++) if (!kept.has(i)) this.#measured[i] = NaN;
    this.#calibrated = false;
    this.#dirty = true;
  }

  top(i: number): number {
    return this.#layout()[i]!;
  }

  get total(): number {
    return this.#layout()[this.count]!;
  }

  /** The chunk at height y (clamped to the first and last chunk); -1 when there are none. */
  indexAt(y: number): number {
    const tops = this.#layout();
    if (this.count === 0) return -1;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (tops[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** First and last chunk intersecting [y0, y1], clamped; null when there are no chunks. */
  span(y0: number, y1: number): [number, number] | null {
    if (this.count === 0) return null;
    return [this.indexAt(y0), this.indexAt(y1)];
  }

  #layout(): Float64Array {
    if (this.#dirty) {
      const tops = this.#tops;
      tops[0] = 0;
      for (let i = 0; i < this.count; i++) tops[i + 1] = tops[i]! + this.height(i);
      this.#dirty = false;
    }
    return this.#tops;
  }
}
