// Exact occurrences of a string in the stretches of the new text that the diff did not carry
// over (where moved text can now be), through an index of 8-code-unit grams built once per
// re-anchoring: each annotation then visits a few positions instead of scanning every stretch.

export const GRAM = 8;
/** Index starts this far before a stretch, so that occurrences reaching into it are found. */
export const REACH = 256;
const BASE = 0x01000193;
const MAX_VISITS = 512;

export class StretchIndex {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly pos: Int32Array;
  private readonly mask: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;

  /** `stretches`: sorted, disjoint [start, end) ranges of `text`. */
  constructor(
    private readonly text: string,
    stretches: ReadonlyArray<readonly [number, number]>,
  ) {
    this.starts = Int32Array.from(stretches, ([s]) => s);
    this.ends = Int32Array.from(stretches, ([, e]) => e);
    // Gram starts to index: each stretch widened by REACH before it, merged where they meet.
    const spans: Array<[number, number]> = [];
    for (const [s, e] of stretches) {
      const lo = Math.max(0, s - REACH);
      const hi = Math.min(e, text.length - GRAM + 1);
      if (hi <= lo) continue;
      const last = spans[spans.length - 1];
      if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
      else spans.push([lo, hi]);
    }
    const count = spans.reduce((n, [lo, hi]) => n + hi - lo, 0);
    let size = 16;
    while (size < count) size *= 2;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(count);
    this.pos = new Int32Array(count);
    // B^(GRAM-1), to take the leaving code unit out of the rolling hash.
    let top = 1;
    for (let k = 1; k < GRAM; k++) top = Math.imul(top, BASE);
    let n = 0;
    for (const [lo, hi] of spans) {
      let h = gramHash(text, lo);
      for (let p = lo; p < hi; p++) {
        if (p > lo) {
          h = Math.imul(h - Math.imul(text.charCodeAt(p - 1), top), BASE);
          h = (h + text.charCodeAt(p + GRAM - 1)) | 0;
        }
        const slot = h & this.mask;
        this.pos[n] = p;
        this.next[n] = this.head[slot]!;
        this.head[slot] = n++;
      }
    }
  }

  /**
   * Starts of occurrences of `needle` (at least GRAM code units) whose code units from `offset`
   * for `length` overlap a stretch, and which start no more than REACH before it. Unordered.
   * Empty if its first gram occurs more than MAX_VISITS times: a phrase that common cannot be
   * placed by its context far from where it was, and looking costs every annotation that much.
   */
  find(needle: string, offset = 0, length = needle.length): number[] {
    const found: number[] = [];
    let visits = 0;
    for (let i = this.head[gramHash(needle, 0) & this.mask]!; i !== -1; i = this.next[i]!) {
      if (++visits > MAX_VISITS) return [];
      const p = this.pos[i]!;
      if (this.text.startsWith(needle, p) && this.overlaps(p + offset, p + offset + length)) {
        found.push(p);
      }
    }
    return found;
  }

  /** The same by scanning every stretch: for needles longer than REACH, which the index
   * could miss. */
  scan(needle: string): number[] {
    const found: number[] = [];
    for (let i = 0; i < this.starts.length; i++) {
      const lo = Math.max(0, this.starts[i]! - needle.length + 1);
      // A bounded haystack: indexOf on the whole text would run to its end on every miss.
      const hay = this.text.slice(lo, this.ends[i]! + needle.length - 1);
      for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
        found.push(lo + at);
      }
    }
    return found;
  }

  private overlaps(start: number, end: number): boolean {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && this.ends[lo - 1]! > start;
  }
}

function gramHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < GRAM; k++) h = (Math.imul(h, BASE) + s.charCodeAt(at + k)) | 0;
  return h;
}
