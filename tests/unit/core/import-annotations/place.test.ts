// Placing a quote from another tool: exact where the position says, else its one occurrence, else
// the occurrence its context singles out; never a guess between equal places or onto other words.
import { describe, expect, it } from 'vitest';
import { occurrenceFinder, placeQuote } from '../../../../electron/core/import-annotations';
import { occurrencesIn } from '../../../../electron/core/anchoring/match-quote';

const TEXT =
  'The corridor links Baku to the Black Sea ports.\n' +
  'Yük daşımaları 🚢 iki dəfə artdı.\n' +
  'The corridor links Baku to Central Asia as well.';
const quote = (exact: string, prefix = '', suffix = '') => ({
  type: 'TextQuoteSelector' as const,
  exact,
  prefix,
  suffix,
});
const placed = (exact: string, prefix = '', suffix = '', expected?: number) => {
  const p = placeQuote(TEXT, quote(exact, prefix, suffix), expected);
  return p.kind === 'placed' ? TEXT.slice(p.span.start, p.span.end) + '@' + p.span.start : 'review';
};

describe('placing a quote', () => {
  it('takes the place its position gives when the quote is there', () => {
    const second = TEXT.lastIndexOf('The corridor');
    expect(placed('The corridor', '', '', second)).toBe(`The corridor@${second}`);
  });

  it('takes a quote’s only occurrence wherever it is, and a loose match of its white space', () => {
    expect(placed('iki dəfə', '', '', 3)).toBe(`iki dəfə@${TEXT.indexOf('iki dəfə')}`);
    expect(placed('ports. Yük\n  daşımaları')).toBe(
      `ports.\nYük daşımaları@${TEXT.indexOf('ports.')}`,
    );
  });

  it('lets context, then nearness to the position, choose between occurrences', () => {
    const second = TEXT.lastIndexOf('The corridor links Baku to');
    expect(placed('The corridor links Baku to', '', ' Central Asia')).toBe(
      `The corridor links Baku to@${second}`,
    );
    expect(placed('The corridor links Baku to', '', '', second - 3)).toBe(
      `The corridor links Baku to@${second}`,
    );
  });

  it('sends a quote that is gone, differs in a letter, or sits in two equal places to review', () => {
    expect(placed('The corridor links Tbilisi')).toBe('review');
    expect(placed('iki defə')).toBe('review');
    expect(placed('The corridor links Baku to')).toBe('review');
  });
});

describe('finding every occurrence in a long text', () => {
  it('gives what a scan gives, through the index too: common words, short quotes, emoji', () => {
    const line = (i: number) => `${i}: Xəzər dənizi 🚢 boyunca the the the the the the. `;
    const text = Array.from({ length: 3000 }, (_, i) => line(i)).join('\n');
    const find = occurrenceFinder(text);
    const quotes = [
      'Xəzər dənizi',
      ' the the the the',
      '🚢',
      'ə',
      '2999: Xəzər',
      '17: Xəz',
      'nowhere at all',
    ];
    // Past the first few quotes the finder switches to its index; ask each twice to cover both.
    for (const exact of [...quotes, ...quotes, ...quotes, ...quotes]) {
      expect(find(exact), exact).toEqual(occurrencesIn(text, exact, 0, text.length));
    }
    expect(find('Xəzər dənizi')).toHaveLength(3000);
  });
});
