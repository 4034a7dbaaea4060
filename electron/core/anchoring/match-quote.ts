// Finds a quote again by exact search: occurrences near where the edit says it should be and in
// text the diff did not carry over, ranked by how much stored context agrees and by distance.
import type { TextQuoteSelector } from '../../shared/model';
import { QUOTE_CONTEXT } from './selectors';
import { GRAM, REACH, type StretchIndex } from './stretch-index';

/**
 * Evidence a candidate needs: quote length plus agreeing context characters, less log2(1 +
 * distance). A lone "the" with a space either side never gets there; a moved paragraph's sentence
 * with its context does from anywhere in a 3 MB text. Exempt: the quote exactly where the diff
 * carried it (the caller says so), which only missed being anchored for want of context.
 */
export const MIN_EVIDENCE = 12;

export type SearchOutcome =
  { kind: 'found'; start: number; end: number; score: number } | { kind: 'tie' } | { kind: 'none' };

/**
 * Characters of the stored prefix (read backwards) and suffix that agree around [start, end). A
 * context cut short by an edge of the old text agrees in full if the same edge is there now: the
 * start of the text is context too.
 */
export function contextAgreement(
  text: string,
  start: number,
  end: number,
  quote: Pick<TextQuoteSelector, 'prefix' | 'suffix'>,
): number {
  const { prefix, suffix } = quote;
  let p = 0;
  while (
    p < prefix.length &&
    p < start &&
    text.charCodeAt(start - 1 - p) === prefix.charCodeAt(prefix.length - 1 - p)
  ) {
    p++;
  }
  if (p === prefix.length && p < QUOTE_CONTEXT && p === start) p = QUOTE_CONTEXT;
  let s = 0;
  while (
    s < suffix.length &&
    end + s < text.length &&
    text.charCodeAt(end + s) === suffix.charCodeAt(s)
  ) {
    s++;
  }
  if (s === suffix.length && s < QUOTE_CONTEXT && end + s === text.length) s = QUOTE_CONTEXT;
  return p + s;
}

/** Higher is better: context agreement first, each doubling of distance costs one character. */
export function exactRank(agreement: number, distance: number): number {
  return agreement - Math.log2(1 + distance);
}

/** Starts in [lo, hi) of occurrences of `exact`. */
export function occurrencesIn(text: string, exact: string, lo: number, hi: number): number[] {
  const found: number[] = [];
  const from = Math.max(0, lo);
  // A bounded haystack: indexOf on the whole text would run to its end on every miss.
  const hay = text.slice(from, Math.max(from, hi + exact.length - 1));
  for (let at = hay.indexOf(exact); at !== -1; at = hay.indexOf(exact, at + 1)) {
    found.push(from + at);
  }
  return found;
}

/**
 * Occurrences in text the diff did not carry over that could have enough evidence to be chosen.
 * A quote shorter than a gram is looked up with enough of its prefix or suffix to make one: a
 * candidate that far away (past the window around the expected place, so log2(1 + distance) > 6)
 * needs more agreeing context than two sides short of that can give.
 */
export function widerOccurrences(
  index: StretchIndex,
  text: string,
  quote: TextQuoteSelector,
): number[] {
  const { exact, prefix, suffix } = quote;
  const len = exact.length;
  if (len > REACH + 1) return index.scan(exact);
  if (len >= GRAM) return index.find(exact);
  const found: number[] = [];
  const need = GRAM - len;
  if (prefix.length >= need) {
    for (const p of index.find(prefix.slice(-need) + exact, need, len)) found.push(p + need);
  }
  if (suffix.length >= need) found.push(...index.find(exact + suffix.slice(0, need), 0, len));
  // A context cut short by an edge of the old text agrees with the same edge now.
  if (prefix.length < QUOTE_CONTEXT && text.startsWith(exact)) found.push(0);
  if (suffix.length < QUOTE_CONTEXT && text.endsWith(exact)) found.push(text.length - len);
  return found;
}

/**
 * The candidate start that ranks best around `expected` (`expectedIsMapped`: the diff carried
 * the passage's code units there, not just a guess). Two equally good ones are a tie (the caller
 * orphans: a wrong placement is worse than none); a best one without enough evidence is no
 * answer at all.
 */
export function findExactQuote(
  text: string,
  quote: TextQuoteSelector,
  expected: number,
  candidates: Iterable<number>,
  expectedIsMapped = false,
): SearchOutcome {
  const { exact } = quote;
  const len = exact.length;
  if (len === 0) return { kind: 'none' };
  let bestStart = -1;
  let bestRank = -Infinity;
  let bestAgreement = 0;
  let tied = false;
  for (const start of new Set(candidates)) {
    if (!text.startsWith(exact, start)) continue;
    const agreement = contextAgreement(text, start, start + len, quote);
    const rank = exactRank(agreement, Math.abs(start - expected));
    if (rank > bestRank) {
      bestRank = rank;
      bestStart = start;
      bestAgreement = agreement;
      tied = false;
    } else if (rank === bestRank) {
      tied = true;
    }
  }
  if (bestStart < 0) return { kind: 'none' };
  const distance = Math.abs(bestStart - expected);
  if (!(distance === 0 && expectedIsMapped) && len + bestRank < MIN_EVIDENCE) {
    return { kind: 'none' };
  }
  if (tied) return { kind: 'tie' };
  return {
    kind: 'found',
    start: bestStart,
    end: bestStart + len,
    score: exactScore(quote, bestAgreement),
  };
}

/** 0..1: the quote and its agreeing context, out of the quote and all the context it could have. */
export function exactScore(quote: TextQuoteSelector, agreement: number): number {
  const len = quote.exact.length;
  const most =
    Math.max(quote.prefix.length, QUOTE_CONTEXT) + Math.max(quote.suffix.length, QUOTE_CONTEXT);
  return Math.min(1, (len + agreement) / (len + most));
}
