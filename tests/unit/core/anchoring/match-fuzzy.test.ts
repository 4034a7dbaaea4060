// Fuzzy search of a damaged quote: accepted only when quote and context both stay close, refused
// when two separate places are as good, on whole words where it can be, and never split an emoji.
import { describe, expect, it } from 'vitest';
import { findFuzzyQuote } from '../../../../electron/core/anchoring/match-fuzzy';
import { describePassage } from '../../../../electron/core/anchoring/selectors';

const text =
  'Baku hosted the regional forum in spring. The forum discussed trade routes across the ' +
  'Caspian and the new port. Later the forum closed with a şəkil 😀 note for every delegate.';

function quoteAt(passage: string) {
  const start = text.indexOf(passage);
  return { start, quote: describePassage(text, start, start + passage.length)[1] };
}

describe('findFuzzyQuote', () => {
  it('finds a passage with one word changed and says how similar it is', () => {
    const { start, quote } = quoteAt('The forum discussed trade routes across the Caspian');
    const edited = text.replace('trade routes', 'trade roads');
    const found = findFuzzyQuote(edited, quote, 0, edited.length, start);
    expect(found).toMatchObject({ kind: 'found', start });
    if (found.kind !== 'found') return;
    expect(edited.slice(found.start, found.end)).toBe(
      'The forum discussed trade roads across the Caspian',
    );
    expect(found.score).toBeGreaterThan(0.9);
    expect(found.score).toBeLessThan(1);
  });

  it('refuses a passage changed too much, however good its context', () => {
    const { start, quote } = quoteAt('The forum discussed trade routes');
    const edited = text.replace('forum discussed trade routes', 'panel argued about shipping');
    expect(findFuzzyQuote(edited, quote, 0, edited.length, start)).toEqual({ kind: 'none' });
  });

  it('refuses a close quote whose context is foreign', () => {
    const { start, quote } = quoteAt('the forum closed with a şəkil');
    const elsewhere = 'Nothing here is the same, only the forum closed with a sekil, once.';
    expect(findFuzzyQuote(elsewhere, quote, 0, elsewhere.length, start)).toEqual({ kind: 'none' });
  });

  it('calls two separate, equally good places a tie', () => {
    const passage = 'alpha beta gamma delta epsilon';
    const quote = { type: 'TextQuoteSelector' as const, exact: passage, prefix: '', suffix: '' };
    const doubled = 'alpha beta gamma delta epsilom | alpha beta gamma delta epsilom';
    expect(findFuzzyQuote(doubled, quote, 0, doubled.length, 16)).toEqual({ kind: 'tie' });
  });

  it('covers a replaced word whole rather than leave part of it to the context', () => {
    // The quote alone aligns best from "uoted" (two edits), but counted with its context that is
    // no better than all of "quoted" (three edits, context intact), and a reader reviews words.
    const said = 'Vestnik Kavkaza cited him as saying the forum discussed trade, ports and more.';
    const passage = 'cited him as saying the forum discussed';
    const start = said.indexOf(passage);
    const [, quote] = describePassage(said, start, start + passage.length);
    const edited = said.replace('cited', 'quoted');
    const found = findFuzzyQuote(edited, quote, 0, edited.length, start);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(edited.slice(found.start, found.end)).toBe(passage.replace('cited', 'quoted'));
  });

  it('widens a match whose edge falls inside a surrogate pair', () => {
    const { start, quote } = quoteAt('with a şəkil 😀');
    const edited = text.replace('şəkil 😀', 'şəkil 😅');
    const found = findFuzzyQuote(edited, quote, 0, edited.length, start);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(edited.slice(found.start, found.end)).toBe('with a şəkil 😅');
  });
});
