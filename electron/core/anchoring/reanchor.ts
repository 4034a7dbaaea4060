// Re-anchors annotations made on one revision of an article onto the next: through the diff when
// the passage is untouched, else by its exact quote, else by a strict fuzzy match (near where the
// diff puts it, then in text the diff did not carry over), else by a distinctive quote's only
// occurrence anywhere, else orphaned.
import type { AnnotationSelectors, TextQuoteSelector } from '../../shared/model';
import {
  buildEditMap,
  carriedCount,
  gapsAround,
  mapEnd,
  mapStart,
  oldOrigin,
  runContaining,
  uncarriedRanges,
  type EditMap,
} from './diff-map';
import { findFuzzyElsewhere } from './match-elsewhere';
import { MIN_QUOTE_SIMILARITY, findFuzzyQuote } from './match-fuzzy';
import {
  contextAgreement,
  exactScore,
  findExactQuote,
  occurrencesIn,
  widerOccurrences,
  type SearchOutcome,
} from './match-quote';
import { SoleOccurrences, distinctive } from './match-unique';
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
 * A passage mapped through the diff is anchored (no review) only if this many characters on each
 * side of it agree too, where the diff puts it (or that edge of both texts is reached). The last
 * few characters before a change often agree by chance ("." ending two different sentences), so
 * a passage starting or ending right at a change may be made of a coincidence; those go to the
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
 * intact with TRUSTED_MARGIN of agreeing context, so it is exactly right; everything less certain
 * is moved, fuzzy or orphaned.
 */
export function reanchor(
  oldText: string,
  newText: string,
  annotations: readonly AnchorInput[],
): AnchorResult[] {
  const map = buildEditMap(oldText, newText);
  // Built on first need: an edit that leaves every passage in place never pays for them.
  let index: StretchIndex | undefined;
  let sole: SoleOccurrences | undefined;
  const lookups: Lookups = {
    stretches: () => (index ??= new StretchIndex(newText, uncarriedRanges(map, QUOTE_CONTEXT))),
    sole: () => (sole ??= new SoleOccurrences(newText)),
  };
  return annotations.map((a) => anchorOne(oldText, newText, map, a, lookups));
}

interface Lookups {
  /** Exact and fuzzy search in the text the diff did not carry over. */
  stretches: () => StretchIndex;
  /** Exact search in the whole text, for quotes that occur there once. */
  sole: () => SoleOccurrences;
}

function anchorOne(
  oldText: string,
  newText: string,
  map: EditMap,
  { id, selectors }: AnchorInput,
  { stretches, sole }: Lookups,
): AnchorResult {
  const [position, quote] = selectors;
  const len = quote.exact.length;
  const start = clamp(position.start, 0, oldText.length);
  const end = clamp(position.end, start, oldText.length);
  // A position that does not describe the old text cannot be mapped; its quote is still searched.
  const described = end - start === len && oldText.startsWith(quote.exact, start);

  const run = described ? runContaining(map, start, end) : -1;
  if (run >= 0 && marginAgrees(oldText, newText, map, run, start, end)) {
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
  const far = findFuzzyElsewhere(stretches(), newText, quote, fuzzyPad);
  if (far.kind !== 'none') return result(id, far, 'fuzzy');
  // Found nowhere it was looked for, not even as a tie: a quote long enough may still occur once
  // elsewhere, in other words than before. The exact search saw every occurrence outside text
  // the diff carried over (and one inside it is another passage's: see soleResult); only where
  // it saw exactly one is the whole text asked, which spares a damaged passage the look.
  const seen = new Set(candidates.filter((c) => newText.startsWith(quote.exact, c)));
  if (seen.size !== 1 || !distinctive(quote.exact)) return { id, state: 'orphaned' };
  const [only] = seen;
  if (sole().find(quote.exact) !== only) return { id, state: 'orphaned' };
  return soleResult(id, map, newText, quote, start, only!);
}

/**
 * Whether TRUSTED_MARGIN code units on each side of old [start, end), in equal run `run`, read the
 * same beside its new place (the start or end of both texts counts as agreeing as far as it
 * goes). Past the run they are compared as text: an inserted "also " beside a space can be put
 * on either side of that space ("have |also |applied" or "have| also| applied"), and the diff
 * picks one. The characters the other pick would carry are equal at the same offsets, so this is
 * the run of some diff as good, and a passage exactly TRUSTED_MARGIN from an edit is not flagged
 * for the side the diff happened to choose.
 */
function marginAgrees(
  oldText: string,
  newText: string,
  map: EditMap,
  run: number,
  start: number,
  end: number,
) {
  const runOld = map.oldStarts[run]!;
  const runEnd = runOld + map.lengths[run]!;
  const at = map.newStarts[run]! + start - runOld;
  const newEnd = at + end - start;
  // What the run carries needs no comparing (most passages: no text is read at all).
  let before = Math.min(TRUSTED_MARGIN, start - runOld);
  while (
    before < TRUSTED_MARGIN &&
    before < start &&
    before < at &&
    oldText.charCodeAt(start - 1 - before) === newText.charCodeAt(at - 1 - before)
  ) {
    before++;
  }
  if (before < TRUSTED_MARGIN && !(before === start && before === at)) return false;
  let after = Math.min(TRUSTED_MARGIN, runEnd - end);
  while (
    after < TRUSTED_MARGIN &&
    end + after < oldText.length &&
    newEnd + after < newText.length &&
    oldText.charCodeAt(end + after) === newText.charCodeAt(newEnd + after)
  ) {
    after++;
  }
  return (
    after === TRUSTED_MARGIN ||
    (end + after === oldText.length && newEnd + after === newText.length)
  );
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

/**
 * The quote's one occurrence in the new text, as moved; orphaned if the diff carried it over from
 * another place in the old text: then the old text had these words twice, and the copy still
 * there is the other passage, not this one.
 */
function soleResult(
  id: string,
  map: EditMap,
  newText: string,
  quote: TextQuoteSelector,
  oldStart: number,
  at: number,
): AnchorResult {
  const end = at + quote.exact.length;
  const origin = oldOrigin(map, at, end);
  if (origin >= 0 && origin !== oldStart) return { id, state: 'orphaned' };
  const score = round(exactScore(quote, contextAgreement(newText, at, end, quote)));
  return { id, state: 'moved', start: at, end, score };
}

function result(id: string, found: SearchOutcome, state: 'moved' | 'fuzzy'): AnchorResult {
  if (found.kind !== 'found') return { id, state: 'orphaned' };
  return { id, state, start: found.start, end: found.end, score: round(found.score) };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.trunc(x) || 0));
const round = (x: number) => Math.round(x * 1000) / 1000;
