// Describes a passage with the two selectors every annotation keeps (position + quote), and finds
// it again: the position if the quote still matches there, else the exact quote nearest to it.
import type { AnchorState, AnnotationSelectors } from '../../shared/model';

/** Characters of context kept on each side of a quote (Hypothesis uses 32 too). */
export const QUOTE_CONTEXT = 32;

export function describePassage(text: string, start: number, end: number): AnnotationSelectors {
  return [
    { type: 'TextPositionSelector', start, end },
    {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: text.slice(end, end + QUOTE_CONTEXT),
    },
  ];
}

export interface Placement {
  start: number;
  end: number;
  anchor: AnchorState;
}

/**
 * Places an annotation in `text`. Position first (trusted only if the quote is still there), then
 * every exact occurrence of the quote ranked by context agreement and distance; a tie between
 * equally good candidates is an orphan, because a wrong placement is worse than none.
 */
export function placePassage(text: string, selectors: AnnotationSelectors): Placement {
  const [position, quote] = selectors;
  if (text.slice(position.start, position.end) === quote.exact && quote.exact.length > 0) {
    return { start: position.start, end: position.end, anchor: 'anchored' };
  }
  if (quote.exact.length === 0) return { ...position, anchor: 'orphaned' };

  let best: { start: number; score: number; distance: number } | undefined;
  let tie = false;
  for (let at = text.indexOf(quote.exact); at !== -1; at = text.indexOf(quote.exact, at + 1)) {
    const score =
      sharedSuffixLength(text.slice(Math.max(0, at - quote.prefix.length), at), quote.prefix) +
      sharedPrefixLength(text.slice(at + quote.exact.length), quote.suffix);
    const distance = Math.abs(at - position.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) {
      tie = false;
      best = { start: at, score, distance };
    } else if (score === best.score && distance === best.distance) {
      tie = true;
    }
  }
  if (!best || tie) return { ...position, anchor: 'orphaned' };
  return { start: best.start, end: best.start + quote.exact.length, anchor: 'moved' };
}

function sharedPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function sharedSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
