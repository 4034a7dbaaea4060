// Places a quote from another tool onto an article's current text: exactly where its position
// says if the quote is there, else its one exact occurrence, else the occurrence its context (and
// position) single out. Anything less goes to review: a wrong place is worse than none.
import { contextAgreement, exactRank, occurrencesIn } from '../anchoring/match-quote';
import { QUOTE_CONTEXT } from '../anchoring/selectors';
import { GRAM, StretchIndex } from '../anchoring/stretch-index';
import type { Span, TextQuoteSelector } from '../../shared/model';

export type Placement = { kind: 'placed'; span: Span } | { kind: 'review' };

/**
 * `expected`: the UTF-16 offset the file's position gives, if any. A quote that differs from the
 * text only in its white space (a web page's line breaks against the article's) is still that
 * quote: its words are exact.
 */
export function placeQuote(
  text: string,
  quote: TextQuoteSelector,
  expected?: number,
  occurrences: (exact: string) => number[] = (exact) => occurrencesIn(text, exact, 0, text.length),
): Placement {
  const { exact } = quote;
  if (expected !== undefined && text.startsWith(exact, expected)) {
    return { kind: 'placed', span: { start: expected, end: expected + exact.length } };
  }
  let spans: Span[] = occurrences(exact).map((start) => ({
    start,
    end: start + exact.length,
  }));
  if (spans.length === 0) spans = looseOccurrences(text, exact);
  if (spans.length === 0) return { kind: 'review' };
  if (spans.length === 1) return { kind: 'placed', span: spans[0]! };

  let best: Span | undefined;
  let bestRank = -Infinity;
  let tied = false;
  for (const span of spans) {
    const agreement = agreementOf(text, span, quote);
    const rank =
      expected === undefined ? agreement : exactRank(agreement, Math.abs(span.start - expected));
    if (rank > bestRank) {
      best = span;
      bestRank = rank;
      tied = false;
    } else if (rank === bestRank) tied = true;
  }
  return best && !tied ? { kind: 'placed', span: best } : { kind: 'review' };
}

/**
 * Agreeing context as re-anchoring counts it, except that an empty side says nothing: re-anchoring
 * takes a context cut short by the text's edge as agreeing with that edge, but a spreadsheet's row
 * has no context at all, and would otherwise always pick an occurrence at the start or the end.
 */
function agreementOf(text: string, span: Span, quote: TextQuoteSelector): number {
  let agreement = contextAgreement(text, span.start, span.end, quote);
  if (quote.prefix === '' && span.start === 0) agreement -= QUOTE_CONTEXT;
  if (quote.suffix === '' && span.end === text.length) agreement -= QUOTE_CONTEXT;
  return agreement;
}

/** Occurrences where every run of white space in the quote may be any run of white space. */
function looseOccurrences(text: string, exact: string): Span[] {
  const words = exact.trim().split(/\s+/);
  if (words.length < 2) return [];
  const pattern = new RegExp(words.map(escapeRegExp).join('\\s+'), 'gu');
  return [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Texts up to this long get an index of every gram (12 bytes a code unit while it lives). */
const MAX_INDEXED = 8 * 1024 * 1024;
/** Quotes placed in one text before the index pays for itself over scanning the text each. */
const SCANS_BEFORE_INDEX = 16;

/**
 * Every occurrence of a quote in one text, for many quotes: scans at first, then (a file of
 * hundreds of annotations on a long article) through a gram index of the whole text, which answers
 * in a few steps where a scan of 2 MB costs milliseconds. The index gives up on a quote whose first
 * gram is too common, and knows nothing shorter than a gram: those are scanned, so the answer is
 * always every occurrence.
 */
export function occurrenceFinder(text: string): (exact: string) => number[] {
  let index: StretchIndex | undefined;
  let scans = 0;
  const scan = (exact: string) => occurrencesIn(text, exact, 0, text.length);
  return (exact) => {
    if (exact.length < GRAM || text.length > MAX_INDEXED) return scan(exact);
    if (!index && ++scans <= SCANS_BEFORE_INDEX) return scan(exact);
    index ??= new StretchIndex(text, [[0, text.length]]);
    const found = index.find(exact);
    return found.length > 0 ? found.sort((a, b) => a - b) : scan(exact);
  };
}
