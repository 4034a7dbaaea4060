// Finds a damaged quote by approximate search in a window around where the edit says it should be,
// accepting only a match whose quote and context both stay close to what was stored.
import type { TextQuoteSelector } from '../../shared/model';
import { approximateMatches, errorsAfter, errorsBefore } from './fuzzy';
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

interface Scored {
  start: number;
  end: number;
  errors: number;
  similarity: number;
  accepted: boolean;
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
  const scored: Scored[] = [];
  for (const match of approximateMatches(
    exact,
    text,
    Math.max(0, lo),
    Math.min(text.length, hi),
    maxErrors,
  )) {
    const contextErrors =
      errorsBefore(prefix, text, match.start) + errorsAfter(suffix, text, match.end);
    const errors = match.errors + contextErrors;
    const similarity = 1 - errors / (m + context);
    const accepted =
      1 - match.errors / m >= MIN_QUOTE_SIMILARITY &&
      (context === 0 || 1 - contextErrors / context >= MIN_CONTEXT_SIMILARITY) &&
      similarity >= MIN_SIMILARITY;
    scored.push({
      ...match,
      errors,
      similarity,
      accepted,
      distance: Math.abs(match.start - expected),
    });
  }
  scored.sort((x, y) => x.errors - y.errors || x.distance - y.distance);
  const best = scored[0];
  if (!best?.accepted) return { kind: 'none' };
  // Alignments of one region (other starts or ends for the same text) are one candidate; a
  // separate region as good as the best makes the answer a guess.
  const rival = scored.find(
    (c) => c.errors <= best.errors && (c.end <= best.start || c.start >= best.end),
  );
  if (rival) return { kind: 'tie' };
  const start = splitsPair(text, best.start) ? best.start - 1 : best.start;
  const end = splitsPair(text, best.end) ? best.end + 1 : best.end;
  return { kind: 'found', start, end, score: best.similarity };
}

/** An edit inside an emoji can leave an alignment edge between its two code units. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
