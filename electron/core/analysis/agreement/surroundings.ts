// The text shown around a disagreement: the sentence it starts in up to it, with the sentence
// before, and the rest of the sentence it ends in, with the one after, each side at most REACH
// characters (cut at white space there), never half of a surrogate pair. Sentences come from the
// article's sentence grid (text-units.ts, kept between calls), so thousands of disagreements cost
// a binary search each, not a segmenter pass each.
import type { Span } from '../../../shared/model';
import type { SpanGrid } from './units';

const REACH = 320;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export interface Surroundings {
  before: string;
  text: string;
  after: string;
}

/** How many of the sorted `starts` are below `x` (or, `orEqual`, at most `x`). */
function countBelow(starts: Uint32Array, x: number, orEqual: boolean): number {
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid]! < x || (orEqual && starts[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function surroundings(text: string, span: Span, sentences: SpanGrid): Surroundings {
  const { starts } = sentences;
  // The sentences begun before the stretch: the last is the one it starts in (or the one just
  // before, when it starts a sentence); the one before that is shown whole.
  const begun = countBelow(starts, span.start, false);
  let start = begun >= 2 ? starts[begun - 2]! : begun === 1 ? starts[0]! : 0;
  if (span.start - start > REACH) {
    let from = span.start - REACH;
    if (isLowSurrogate(text.charCodeAt(from))) from++;
    start = wordStart(text, from, span.start);
  }
  // The rest of the sentence it ends in, then the next one whole: up to the start of the one after.
  const after = countBelow(starts, span.end, true);
  let end = after + 1 < starts.length ? starts[after + 1]! : text.length;
  if (end - span.end > REACH) {
    let to = span.end + REACH;
    if (isLowSurrogate(text.charCodeAt(to))) to++;
    end = wordEnd(text, span.end, to);
  }
  return {
    before: text.slice(start, span.start).trimStart(),
    text: text.slice(span.start, span.end),
    after: text.slice(span.end, end).trimEnd(),
  };
}

/** Past the first white space after `from` (no word shown in part), or `from` when none. */
function wordStart(text: string, from: number, limit: number): number {
  const space = text.slice(from, limit).search(/\s/);
  return space === -1 ? from : from + space + 1;
}

/** Up to the last white space before `to`, or `to` when there is none. */
function wordEnd(text: string, from: number, to: number): number {
  const piece = text.slice(from, to);
  const space = Math.max(piece.lastIndexOf(' '), piece.lastIndexOf('\n'));
  return space <= 0 ? to : from + space;
}
