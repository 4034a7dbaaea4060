// The last look before a passage is orphaned: its exact quote anywhere in the new text. A quote
// that occurs there exactly once, and is long enough not to be there by chance, is proposed as
// moved for the analyst to judge, however far away and whatever its context now; one that
// occurs twice or more is a guess between them, and stays orphaned.

/**
 * Code units a quote needs for its one occurrence to count, with at least MIN_UNIQUE_WORDS
 * words. "Logistics corridors" (19) qualifies; "corridors" or "new routes" would turn up in
 * fresh sentences about something else as easily as in the passage's own, and a single word,
 * however long ("Transcontinental"), is a term the text may use again anywhere.
 */
export const MIN_UNIQUE_QUOTE = 16;
export const MIN_UNIQUE_WORDS = 2;

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Whether a quote is long enough for its only occurrence to be taken as the passage. */
export function distinctive(exact: string): boolean {
  if (exact.length < MIN_UNIQUE_QUOTE) return false;
  let words = 0;
  for (const _ of exact.matchAll(WORD)) if (++words >= MIN_UNIQUE_WORDS) return true;
  return false;
}

// Grams indexed only where they start at a multiple of STRIDE: an occurrence of a quote of at
// least STRIDE + GRAM - 1 code units holds one of them whole at some offset below STRIDE (and
// every STRIDE further on), so looking up one gram of each of the STRIDE offset classes finds
// every occurrence, each once. An eighth of the entries of a full index (10-20 ms to build on a
// 3 MB text), where scanning that text with indexOf costs ~3 ms a quote; and it is built only
// when some passage gets this far, which on a 1%-edited revision none does.
const GRAM = 8;
const STRIDE = 8;
const BASE = 0x01000193;
/** Index entries looked at per gram, and grams tried per offset class: a quote made of words
 * that common ("of the", "and the") is not told unique, at a bounded cost. */
const MAX_VISITS = 256;
const MAX_TRIES = 4;

/** Finds where quotes (at least MIN_UNIQUE_QUOTE code units) occur once in a text. */
export class SoleOccurrences {
  private readonly head: Int32Array;
  private readonly next: Int32Array;
  private readonly mask: number;

  constructor(private readonly text: string) {
    const count = Math.max(0, Math.floor((text.length - GRAM) / STRIDE) + 1);
    let size = 16;
    while (size < count) size *= 2;
    this.mask = size - 1;
    this.head = new Int32Array(size).fill(-1);
    this.next = new Int32Array(count);
    for (let g = 0; g < count; g++) {
      const slot = gramHash(text, g * STRIDE) & this.mask;
      this.next[g] = this.head[slot]!;
      this.head[slot] = g;
    }
  }

  /** Where `quote` occurs, if exactly once; undefined if not at all, twice or more, or its
   * grams are too common to look through. */
  find(quote: string): number | undefined {
    if (quote.length < STRIDE + GRAM - 1) return undefined;
    let found: number | undefined;
    // An occurrence at p holds an indexed gram at every offset o with p + o a multiple of STRIDE;
    // one offset of each class is enough, and the first whose gram is rare enough is used.
    for (let offset = 0; offset < STRIDE; offset++) {
      const starts = this.startsBy(quote, offset);
      if (!starts) return undefined;
      for (const at of starts) {
        if (found !== undefined) return undefined;
        found = at;
      }
    }
    return found;
  }

  /** Starts of occurrences of `quote` at positions p with p + offset a multiple of STRIDE, or
   * null if every gram that could find them is too common. */
  private startsBy(quote: string, offset: number): number[] | null {
    for (let o = offset, tries = 0; o + GRAM <= quote.length && tries < MAX_TRIES; o += STRIDE) {
      tries++;
      const starts: number[] = [];
      let visits = 0;
      for (let g = this.head[gramHash(quote, o) & this.mask]!; g !== -1; g = this.next[g]!) {
        if (++visits > MAX_VISITS) break;
        const at = g * STRIDE - o;
        if (at >= 0 && this.text.startsWith(quote, at)) starts.push(at);
      }
      if (visits <= MAX_VISITS) return starts;
    }
    return null;
  }
}

function gramHash(s: string, at: number): number {
  let h = 0;
  for (let k = 0; k < GRAM; k++) h = (Math.imul(h, BASE) + s.charCodeAt(at + k)) | 0;
  return h;
}
