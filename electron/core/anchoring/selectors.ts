// Describes a passage with the two selectors every annotation keeps: its position, and its quote
// with context. Finding it again in a new revision is reanchor.ts's job.
import type { AnnotationSelectors } from '../../shared/model';

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
