// Exact search: context agreement (text edges included), ranking by agreement and distance, the
// evidence a distant candidate needs, and a tie between equally good candidates.
import { describe, expect, it } from 'vitest';
import {
  MIN_EVIDENCE,
  contextAgreement,
  exactRank,
  findExactQuote,
  occurrencesIn,
  widerOccurrences,
} from '../../../../electron/core/anchoring/match-quote';
import { describePassage } from '../../../../electron/core/anchoring/selectors';
import { StretchIndex } from '../../../../electron/core/anchoring/stretch-index';

const quoteOf = (text: string, start: number, end: number) => describePassage(text, start, end)[1];
const everywhere = (text: string, quote: { exact: string }) =>
  occurrencesIn(text, quote.exact, 0, text.length);

describe('contextAgreement', () => {
  it('counts agreeing prefix characters backwards and suffix characters forwards', () => {
    const quote = { prefix: 'xx of ', suffix: ' forum yy' };
    expect(contextAgreement('aa of the forum bb', 6, 9, quote)).toBe(
      ' of '.length + ' forum '.length,
    );
  });

  it('counts a text edge that is still there as agreeing context', () => {
    const text = 'Bakı hosted the forum.';
    const quote = quoteOf(text, 0, 4); // prefix '' because the passage starts the text
    expect(contextAgreement('Bakı hosted it.', 0, 4, quote)).toBe(32 + ' hosted '.length);
    expect(contextAgreement('In Bakı hosted', 3, 7, quote)).toBe(' hosted'.length);
  });
});

describe('findExactQuote', () => {
  const text = 'The forum met. The forum discussed trade. Later the forum closed.';

  it('prefers the occurrence whose context agrees, even if another is nearer', () => {
    const start = text.indexOf('forum discussed');
    const quote = quoteOf(text, start, start + 5);
    const edited = 'Intro. ' + text;
    const found = findExactQuote(edited, quote, 0, everywhere(edited, quote));
    expect(found).toMatchObject({ kind: 'found', start: start + 7, end: start + 12 });
  });

  it('breaks equal context by distance', () => {
    expect(exactRank(10, 0)).toBeGreaterThan(exactRank(10, 5));
    expect(exactRank(12, 100)).toBeLessThan(exactRank(10, 0));
  });

  it('calls two equally good candidates a tie', () => {
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: 'forum discussed',
      prefix: 'q ',
      suffix: ' q',
    };
    const twice = 'a forum discussed b forum discussed c';
    // Starts 2 and 20: the same context agreement, so only distance can decide.
    expect(findExactQuote(twice, quote, 10, everywhere(twice, quote))).toMatchObject({
      kind: 'found',
      start: 2,
    });
    expect(findExactQuote(twice, quote, 11, everywhere(twice, quote))).toEqual({ kind: 'tie' });
  });

  it('needs evidence for a candidate away from where the diff put the passage', () => {
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: 'the',
      prefix: 'zz ',
      suffix: ' zz',
    };
    const far = 'x'.repeat(50) + ' the ' + 'x'.repeat(50);
    expect(findExactQuote(far, quote, 0, everywhere(far, quote))).toEqual({ kind: 'none' });
    // Exactly where the diff carried it, the same weak quote is accepted.
    expect(findExactQuote(far, quote, 51, everywhere(far, quote), true)).toMatchObject({
      kind: 'found',
      start: 51,
    });
    expect(3 + 2).toBeLessThan(MIN_EVIDENCE);
  });

  it('only considers the candidates it is given', () => {
    const start = text.indexOf('forum closed');
    const quote = quoteOf(text, start, start + 12);
    expect(findExactQuote(text, quote, start, occurrencesIn(text, quote.exact, 0, 20))).toEqual({
      kind: 'none',
    });
    expect(findExactQuote(text, quote, start, [start - 1, start, start + 1])).toMatchObject({
      kind: 'found',
      start,
      score: 1,
    });
  });
});

describe('occurrencesIn', () => {
  it('lists the starts inside a window, and nothing past it', () => {
    const text = 'the cat, the dog, the end';
    expect(occurrencesIn(text, 'the', 0, text.length)).toEqual([0, 9, 18]);
    expect(occurrencesIn(text, 'the', 1, 18)).toEqual([9]);
    expect(occurrencesIn(text, 'the', -5, 1)).toEqual([0]);
  });
});

describe('widerOccurrences', () => {
  const carried = 'Carried text that the diff matched, '.repeat(4);
  const text = carried + 'NEW: the moved sentence, with the forum in it. ' + carried;
  const stretch: [number, number] = [carried.length, carried.length + 47];
  const index = new StretchIndex(text, [stretch]);

  it('finds a long quote only where the diff did not carry text over', () => {
    const quote = {
      type: 'TextQuoteSelector' as const,
      exact: 'moved sentence',
      prefix: '',
      suffix: '',
    };
    expect(widerOccurrences(index, text, quote)).toEqual([text.indexOf('moved sentence')]);
    const everywhere = { ...quote, exact: 'the diff' };
    expect(widerOccurrences(index, text, everywhere)).toEqual([]);
  });

  it('finds a short quote through enough of its context to fill a gram', () => {
    const withPrefix = {
      type: 'TextQuoteSelector' as const,
      exact: 'the',
      prefix: 'x with ',
      suffix: '',
    };
    expect(widerOccurrences(index, text, withPrefix)).toContain(text.indexOf('the forum'));
    const withSuffix = { ...withPrefix, prefix: '', suffix: ' moved s' };
    expect(widerOccurrences(index, text, withSuffix)).toContain(text.indexOf('the moved'));
    const bare = { ...withPrefix, prefix: 'zz', suffix: 'zz' };
    expect(widerOccurrences(index, text, bare)).toEqual([]);
  });

  it('scans for quotes longer than the index reaches', () => {
    const long = 'y'.repeat(300);
    const doc = 'a'.repeat(400) + long + 'b'.repeat(50);
    const inner = new StretchIndex(doc, [[690, 700]]);
    const quote = { type: 'TextQuoteSelector' as const, exact: long, prefix: '', suffix: '' };
    expect(widerOccurrences(inner, doc, quote)).toEqual([400]);
  });
});
