// Finds a damaged quote away from where the diff puts it: its paragraph moved, or a neighbour moved
// past it and the diff paired that one instead, so the edited paragraph reads as deleted here and
// inserted there. Pieces of the quote and its context that survived verbatim are looked up in the
// text the diff did not carry over; where pieces agree on a place, it is searched as near ones are.
import type { Span, TextQuoteSelector } from '../../shared/model';
import { MIN_QUOTE_SIMILARITY, findFuzzyQuote } from './match-fuzzy';
import type { SearchOutcome } from './match-quote';
import { GRAM, type StretchIndex } from './stretch-index';

/** Pieces of the quote looked up, spread over it: a 10% edit leaves most of them whole. */
const MAX_PIECES = 16;
/** Pieces that must agree on a place: one 8-code-unit piece (" of the ") can agree by chance. */
const MIN_SUPPORT = 2;
/** Places searched, those most pieces agree on first. */
const MAX_PLACES = 4;

/**
 * The fuzzy match of `quote` in the stretches `index` covers, under the same bars as near; two
 * separate places as good make a tie. `pad` widens each place as the near window is widened.
 */
export function findFuzzyElsewhere(
  index: StretchIndex,
  text: string,
  quote: TextQuoteSelector,
  pad: number,
): SearchOutcome {
  const { exact, prefix, suffix } = quote;
  const m = exact.length;
  const maxErrors = Math.floor(m * (1 - MIN_QUOTE_SIMILARITY));
  if (maxErrors === 0) return { kind: 'none' };

  // [piece, its offset from the quote's start]; context pieces lie before 0 or from m on.
  const pieces: Array<[string, number]> = [];
  const count = Math.min(MAX_PIECES, Math.floor(m / GRAM));
  for (let k = 0; k < count; k++) {
    const at = count === 1 ? 0 : Math.round((k * (m - GRAM)) / (count - 1));
    pieces.push([exact.slice(at, at + GRAM), at]);
  }
  if (prefix.length >= GRAM) pieces.push([prefix.slice(-GRAM), -GRAM]);
  if (suffix.length >= GRAM) pieces.push([suffix.slice(0, GRAM), m]);

  // Where each hit says the quote starts; the edits shift that by at most maxErrors.
  const implied: Array<[start: number, piece: number]> = [];
  pieces.forEach(([piece, offset], i) => {
    for (const p of index.find(piece)) implied.push([p - offset, i]);
  });
  implied.sort((x, y) => x[0] - y[0]);
  const places: Array<{ lo: number; hi: number; support: Set<number> }> = [];
  for (const [start, piece] of implied) {
    const last = places[places.length - 1];
    if (last && start - last.hi <= maxErrors) {
      last.hi = start;
      last.support.add(piece);
    } else places.push({ lo: start, hi: start, support: new Set([piece]) });
  }
  const likely = places
    .filter((p) => p.support.size >= MIN_SUPPORT)
    .sort((x, y) => y.support.size - x.support.size)
    .slice(0, MAX_PLACES);

  const found: Array<Extract<SearchOutcome, { kind: 'found' }>> = [];
  for (const place of likely) {
    const outcome = findFuzzyQuote(text, quote, place.lo - pad, place.hi + m + pad, place.lo);
    if (outcome.kind === 'tie') return outcome;
    const same = (f: Span) =>
      outcome.kind === 'found' && f.start === outcome.start && f.end === outcome.end;
    if (outcome.kind === 'found' && !found.some(same)) found.push(outcome);
  }
  found.sort((x, y) => y.score - x.score);
  const [best, next] = found;
  if (!best) return { kind: 'none' };
  // As near: a second place as good makes any choice a guess.
  const overlaps = next && next.start < best.end && best.start < next.end;
  if (next && next.score === best.score && !overlaps) return { kind: 'tie' };
  return best;
}
