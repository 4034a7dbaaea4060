// Re-anchors annotations made on one revision of an article onto the next: through the diff when
// the passage is untouched, else by its exact quote, else by a strict fuzzy match (near where the
// diff puts it, then in text the diff did not carry over), else orphaned.
import type { AnnotationSelectors } from '../../shared/model';
import {
  buildEditMap,
  carriedCount,
  gapsAround,
  mapEnd,
  mapStart,
  runContaining,
  uncarriedRanges,
  type EditMap,
} from './diff-map';
import { findFuzzyElsewhere } from './match-elsewhere';
import { MIN_QUOTE_SIMILARITY, findFuzzyQuote } from './match-fuzzy';
import { findExactQuote, occurrencesIn, widerOccurrences, type SearchOutcome } from './match-quote';
import { QUOTE_CONTEXT } from './selectors';
import { StretchIndex } from './stretch-index';

export interface AnchorInput {
  id: string;
  /** Relative to the old text. */
  selectors: AnnotationSelectors;
}

export interface AnchorResult {
  id: string;
  state: 'anchored' | 'moved' | 'fuzzy' | 'orphaned';
  /** In the new text; absent for orphans. */
  start?: number;
  end?: number;
  /** 0..1 confidence, for moved and fuzzy results. */
  score?: number;
}

/**
 * A passage mapped through the diff is anchored (no review) only if the equal run holding it also
 * covers this many characters on each side (or reaches that edge of both texts). The last few
 * characters before a change often agree by chance ("." ending two different sentences), so a
 * passage starting or ending right at a change may be made of a coincidence; those go to the
 * exact search, which finds them at distance 0 and flags them as moved.
 */
export const TRUSTED_MARGIN = 8;

/** Equal runs shorter than this may be chance (" the ", "ed. ") inside a rewritten stretch. */
const CHANCE_RUN = 8;

/** A change larger than this is a rewrite: its offsets guess nothing, so the fuzzy window does not
 * stretch over it (which also keeps a complete rewrite cheap). */
const MAX_FUZZY_GAP = 4096;

/**
 * Places each annotation (made on `oldText`) in `newText`, in input order; none is ever dropped.
 * Only 'anchored' is unflagged, and it is only given where the diff carries the passage over
 * intact, so it is exactly right; everything less certain is moved, fuzzy or orphaned.
 */
export function reanchor(
  oldText: string,
  newText: string,
  annotations: readonly AnchorInput[],
): AnchorResult[] {
  const map = buildEditMap(oldText, newText);
  // Built on first need: an edit that leaves every passage in place never pays for it.
  let index: StretchIndex | undefined;
  const stretches = () =>
    (index ??= new StretchIndex(newText, uncarriedRanges(map, QUOTE_CONTEXT)));
  return annotations.map((a) => anchorOne(oldText, newText, map, a, stretches));
}

function anchorOne(
  oldText: string,
  newText: string,
  map: EditMap,
  { id, selectors }: AnchorInput,
  stretches: () => StretchIndex,
): AnchorResult {
  const [position, quote] = selectors;
  const len = quote.exact.length;
  const start = clamp(position.start, 0, oldText.length);
  const end = clamp(position.end, start, oldText.length);
  // A position that does not describe the old text cannot be mapped; its quote is still searched.
  const described = end - start === len && oldText.startsWith(quote.exact, start);

  const run = described ? runContaining(map, start, end) : -1;
  if (run >= 0 && trusted(map, run, start, end)) {
    const at = map.newStarts[run]! + start - map.oldStarts[run]!;
    return { id, state: 'anchored', start: at, end: at + len };
  }
  if (len === 0) return { id, state: 'orphaned' };

  // Exact: around where the diff puts the passage, and anywhere the diff did not carry old text
  // over; a passage that survived unmapped is in one or the other (elsewhere is other passages).
  const expected = mapStart(map, start);
  const mappedEnd = Math.min(Math.max(mapEnd(map, end), expected + len), expected + 2 * len);
  const pad = Math.max(2 * QUOTE_CONTEXT, len);
  const candidates = occurrencesIn(newText, quote.exact, expected - pad, mappedEnd + pad);
  candidates.push(...widerOccurrences(stretches(), newText, quote));
  const inPlace =
    run >= 0 &&
    (linesCarried(map, oldText, run, start, end) ||
      surroundingsCarried(map, start, end, map.newStarts[run]! + start - map.oldStarts[run]!));
  const exact = findExactQuote(newText, quote, expected, candidates, inPlace);
  if (exact.kind !== 'none') return result(id, exact, 'moved');

  // Fuzzy, near first. Inside a change the offset-based guess can be off by the change's size, so
  // the window covers the changes the passage touches, unless one is too large for any guess. It
  // reaches a passage length further each way too: a copy of the passage just past its context
  // is then compared whole, as the rival it is, instead of being cut short by the window's edge.
  const fuzzyPad = QUOTE_CONTEXT + Math.ceil(len * (1 - MIN_QUOTE_SIMILARITY)) + len;
  let lo = expected - fuzzyPad;
  let hi = mappedEnd + fuzzyPad;
  for (const gap of gapsAround(map, start, end)) {
    if (gap.newEnd - gap.newStart > MAX_FUZZY_GAP) continue;
    lo = Math.min(lo, gap.newStart - fuzzyPad);
    hi = Math.max(hi, gap.newEnd + fuzzyPad);
  }
  const near = findFuzzyQuote(newText, quote, lo, hi, expected);
  if (near.kind !== 'none') return result(id, near, 'fuzzy');
  // Not near: the diff may have lost the passage's paragraph (it moved, or one moved past it and
  // the diff paired that one), leaving it in text the diff did not carry over.
  return result(id, findFuzzyElsewhere(stretches(), newText, quote, fuzzyPad), 'fuzzy');
}

function trusted(map: EditMap, run: number, start: number, end: number): boolean {
  const oldStart = map.oldStarts[run]!;
  const oldEnd = oldStart + map.lengths[run]!;
  const newEnd = map.newStarts[run]! + map.lengths[run]!;
  // The start (or end) of both texts is context that agrees as far as it goes.
  const before = start - oldStart >= TRUSTED_MARGIN || (oldStart === 0 && map.newStarts[run] === 0);
  const after =
    oldEnd - end >= TRUSTED_MARGIN || (oldEnd === map.oldLength && newEnd === map.newLength);
  return before && after;
}

/**
 * Whether the run holding the passage holds its whole line(s) too: a paragraph ("Yes.") carried
 * over whole is itself, however much its neighbours changed.
 */
function linesCarried(map: EditMap, oldText: string, run: number, start: number, end: number) {
  const from = start === 0 ? 0 : oldText.lastIndexOf('\n', start - 1) + 1;
  const newline = oldText.indexOf('\n', end);
  const to = newline === -1 ? oldText.length : newline;
  return map.oldStarts[run]! <= from && map.oldStarts[run]! + map.lengths[run]! >= to;
}

/**
 * Whether the diff carried over most of the passage's surroundings, on both sides of the edit,
 * in runs long enough not to be chance: then the quote where the diff put it is the passage
 * itself (a word whose neighbours were edited), not a word that a replaced stretch happens to
 * share with its replacement at about the same place (then the new side shows the replacement).
 */
function surroundingsCarried(map: EditMap, start: number, end: number, newStart: number) {
  const share = (side: 'old' | 'new', from: number, to: number, length: number) => {
    const lo = Math.max(0, from - QUOTE_CONTEXT);
    const hi = Math.min(length, to + QUOTE_CONTEXT);
    const around = from - lo + hi - to;
    const carried =
      carriedCount(map, side, lo, from, CHANCE_RUN) + carriedCount(map, side, to, hi, CHANCE_RUN);
    return around === 0 || carried * 2 >= around;
  };
  const newEnd = newStart + end - start;
  return share('old', start, end, map.oldLength) && share('new', newStart, newEnd, map.newLength);
}

function result(id: string, found: SearchOutcome, state: 'moved' | 'fuzzy'): AnchorResult {
  if (found.kind !== 'found') return { id, state: 'orphaned' };
  return { id, state, start: found.start, end: found.end, score: round(found.score) };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.trunc(x) || 0));
const round = (x: number) => Math.round(x * 1000) / 1000;
