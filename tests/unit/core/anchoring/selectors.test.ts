// describePassage: the position and quote selectors every annotation keeps, context cut at edges.
import { describe, expect, it } from 'vitest';
import { QUOTE_CONTEXT, describePassage } from '../../../../electron/core/anchoring';

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

  it('cuts the context short at the edges of the text', () => {
    const [, first] = describePassage(text, 0, 4);
    expect(first.prefix).toBe('');
    const end = text.length;
    const [, last] = describePassage(text, end - 5, end);
    expect(last).toMatchObject({ exact: 'note.', suffix: '' });
  });

  it('counts UTF-16 code units, so an emoji is two', () => {
    const start = text.indexOf('😀');
    const [position, quote] = describePassage(text, start, start + 2);
    expect(position.end - position.start).toBe(2);
    expect(quote.exact).toBe('😀');
  });
});
