import { describe, expect, it } from 'vitest';
import {
  QUOTE_CONTEXT,
  describePassage,
  placePassage,
} from '../../../../electron/core/anchoring/selectors';

const text =
  'Baku hosted the forum. The forum discussed trade. Later, the forum closed with a ' +
  'şəkil 😀 note.';

describe('describePassage', () => {
  it('keeps the position and the quote with up to 32 characters of context', () => {
    const start = text.indexOf('discussed');
    const [position, quote] = describePassage(text, start, start + 'discussed trade'.length);
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + 15 });
    expect(quote.exact).toBe('discussed trade');
    expect(quote.prefix).toBe(text.slice(start - QUOTE_CONTEXT, start));
    expect(quote.suffix).toBe(text.slice(start + 15, start + 15 + QUOTE_CONTEXT));
  });
});

describe('placePassage', () => {
  it('trusts the position when the quote is still there', () => {
    const start = text.indexOf('😀');
    const selectors = describePassage(text, start, start + 2);
    expect(placePassage(text, selectors)).toEqual({ start, end: start + 2, anchor: 'anchored' });
  });

  it('finds the quote nearest to its context after an edit before it', () => {
    const start = text.lastIndexOf('the forum');
    const selectors = describePassage(text, start, start + 9);
    const edited = 'NEW SENTENCE. ' + text;
    expect(placePassage(edited, selectors)).toEqual({
      start: start + 14,
      end: start + 23,
      anchor: 'moved',
    });
  });

  it('orphans rather than guessing between equally good candidates', () => {
    // Two copies of the quote, equally far from where it was, with no context to tell them apart.
    const selectors = describePassage('12345 forum', 6, 11);
    selectors[0].start = 7;
    selectors[0].end = 12;
    expect(placePassage('a forum bcd forum', selectors).anchor).toBe('orphaned');
  });

  it('orphans a quote that is gone', () => {
    const selectors = describePassage(text, 0, 4);
    expect(placePassage('Nothing of it is left.', selectors).anchor).toBe('orphaned');
  });
});
