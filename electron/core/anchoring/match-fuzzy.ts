// Finds a damaged quote by approximate search in a window around where the edit says it should be,
// accepting only a match whose quote and context both stay close to what was stored.
import type { TextQuoteSelector } from '../../shared/model';
import {
  alignmentsAround,
  approximateMatches,
  errorsAfterEach,
  errorsBeforeEach,
  type ApproximateMatch,
} from './fuzzy';
import type { SearchOutcome } from './match-quote';

// Strict on purpose: a windowed matcher that accepted 0.64-0.80 placed a quarter of the damaged
// passages it was given in the wrong place. Each bar is checked on its own, so neither a perfect
// context can carry a mangled quote nor a near-perfect quote a foreign context.
/** 1 - edits / length for the quote alone. Also bounds the search: floor(15%) edits. */
export const MIN_QUOTE_SIMILARITY = 0.85;
/** The same for prefix and suffix together. */
export const MIN_CONTEXT_SIMILARITY = 0.75;
/** The same over prefix + quote + suffix. */
export const MIN_SIMILARITY = 0.9;

/**
 * Alignments up to this many quote edits worse than the best one for their end are weighed too.
 * The quote's own best alignment can cut a replaced word ("uoted him" for "cited him", leaving
 * the "q" to the context); counted with its context, the alignment on the whole word is as good,
 * and it is the one a reader expects to review.
 */
const SLACK = 3;

interface Scored {
  start: number;
  end: number;
  /** Quote plus context edits: what candidates are ranked by. */
  errors: number;
  similarity: number;
  accepted: boolean;
  /** Edges cut inside a word where the stored passage's edges were not. */
  ragged: number;
  distance: number;
}

export function findFuzzyQuote(
  text: string,
  quote: TextQuoteSelector,
  lo: number,
  hi: number,
  expected: number,
): SearchOutcome {
  const { exact, prefix, suffix } = quote;
  const m = exact.length;
  const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
  // With no edit allowed the quote would be exact, and the exact search has had its say.
  if (maxErrors === 0) return { kind: 'none' };
  const context = prefix.length + suffix.length;
  const cleanStart = !(isWordish(prefix, prefix.length - 1) && isWordish(exact, 0));
  const cleanEnd = !(isWordish(exact, m - 1) && isWordish(suffix, 0));
  const scored: Scored[] = [];
  const lower = Math.max(0, lo);
  const upper = Math.min(text.length, hi);
  // Every alignment edge lies in [lower, upper]: its context is measured there in one pass.
  const prefixErrors = errorsBeforeEach(prefix, text, lower, upper);
  const suffixErrors = errorsAfterEach(suffix, text, lower, upper);
  const score = (match: ApproximateMatch) => {
    const contextErrors = prefixErrors(match.start) + suffixErrors(match.end);
    const errors = match.errors + contextErrors;
    const similarity = 1 - errors / (m + context);
    const accepted =
      match.errors <= maxErrors &&
      (context === 0 || 1 - contextErrors / context >= MIN_CONTEXT_SIMILARITY) &&
      similarity >= MIN_SIMILARITY;
    const ragged =
      (cleanStart && insideWord(text, match.start) ? 1 : 0) +
      (cleanEnd && insideWord(text, match.end) ? 1 : 0);
    const { start, end } = match;
    scored.push({
      start,
      end,
      errors,
      similarity,
      accepted,
      ragged,
      distance: Math.abs(start - expected),
    });
  };
  for (const match of approximateMatches(exact, text, lower, upper, maxErrors)) score(match);
  // Where there is an answer, it and its contenders are weighed again with their near-optimal
  // variants: only those, since measuring every variant's context everywhere costs too much.
  if (!scored.some((c) => c.accepted)) return { kind: 'none' };
  const fewest = scored.reduce((n, c) => Math.min(n, c.errors), Infinity);
  const ends = new Set(scored.filter((c) => c.errors <= fewest + SLACK).map((c) => c.end));
  for (const match of alignmentsAround(exact, text, lower, upper, ends, maxErrors, SLACK)) {
    score(match);
  }
  const candidates = scored.filter((c) => c.accepted);
  candidates.sort((x, y) => x.errors - y.errors || x.ragged - y.ragged || x.distance - y.distance);
  const best = candidates[0];
  if (!best) return { kind: 'none' };
  // Alignments of one region (other starts or ends for the same text) are one candidate; a
  // separate region that reads as close (accepted or not) makes the answer a guess.
  const rival = scored.find(
    (c) => c.errors <= best.errors && (c.end <= best.start || c.start >= best.end),
  );
  if (rival) return { kind: 'tie' };
  const start = splitsPair(text, best.start) ? best.start - 1 : best.start;
  const end = splitsPair(text, best.end) ? best.end + 1 : best.end;
  return { kind: 'found', start, end, score: best.similarity };
}

// Letters with their marks, and digits, as the diff's words (text-diff.ts) count them.
const WORDISH = /[\p{L}\p{M}\p{N}]/u;

function isWordish(s: string, i: number): boolean {
  return i >= 0 && i < s.length && WORDISH.test(s[i]!);
}

function insideWord(text: string, at: number): boolean {
  return isWordish(text, at - 1) && isWordish(text, at);
}

/** An edit inside an emoji can leave an alignment edge between its two code units. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
