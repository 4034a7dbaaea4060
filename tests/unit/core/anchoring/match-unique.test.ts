// The quotes distinctive enough to be proposed wherever they occur once, and the sampled index
// that finds that one occurrence: at every alignment, and not when there are two.
import { describe, expect, it } from 'vitest';
import {
  MIN_UNIQUE_QUOTE,
  SoleOccurrences,
  distinctive,
} from '../../../../electron/core/anchoring/match-unique';
import { Rng, documentText, mulberry32 } from './corpus';

describe('distinctive', () => {
  it.each([
    ['Logistics corridors', true],
    ['Baku 🇦🇿 logistics corridors', true],
    ['şəhər mərkəzində görüş', true],
    ['Transcontinental', false], // one word, however long
    ['new routes', false], // two words, but short
    ['  ,  ;  —  ,  ;  ,', false], // long, but no words
  ])('%s: %s', (quote, expected) => {
    expect(distinctive(quote)).toBe(expected);
  });

  it('needs MIN_UNIQUE_QUOTE code units', () => {
    const quote = 'ab cd ef gh ij kl mn';
    expect(distinctive(quote.slice(0, MIN_UNIQUE_QUOTE))).toBe(true);
    expect(distinctive(quote.slice(0, MIN_UNIQUE_QUOTE - 1))).toBe(false);
  });
});

describe('SoleOccurrences', () => {
  it('finds what indexOf finds once, at every offset, and nothing that occurs twice', () => {
    const rng = new Rng(mulberry32(7));
    const text = documentText(rng, 40);
    const index = new SoleOccurrences(text);
    let once = 0;
    for (let trial = 0; trial < 400; trial++) {
      const len = rng.between(MIN_UNIQUE_QUOTE, 60);
      const at = rng.int(text.length - len);
      const quote = text.slice(at, at + len);
      const first = text.indexOf(quote);
      const sole = text.indexOf(quote, first + 1) < 0 ? first : undefined;
      if (sole !== undefined) once++;
      expect(index.find(quote)).toBe(sole);
    }
    expect(once).toBeGreaterThan(100);
  });

  it('finds a quote at the very start and the very end, and nothing absent', () => {
    const text = 'Logistics corridors open here, and more text follows. The end of it all.';
    const index = new SoleOccurrences(text);
    expect(index.find('Logistics corridors')).toBe(0);
    expect(index.find('The end of it all.')).toBe(text.length - 18);
    expect(index.find('Logistics corridor closed')).toBeUndefined();
  });

  it('answers nothing for a quote too short to be looked up whole', () => {
    expect(new SoleOccurrences('a short text here').find('short text')).toBeUndefined();
  });

  it('looks a quote up by its rarer grams when it opens with common words', () => {
    const common = 'of the and the '.repeat(2000);
    const text = `${common}of the and the Logistics corridors open. ${common}`;
    const quote = 'of the and the Logistics corridors';
    expect(new SoleOccurrences(text).find(quote)).toBe(common.length);
  });

  it('gives up on a quote whose every gram is too common to look through', () => {
    const text = 'the of the of '.repeat(2000) + 'the of the of xyz';
    expect(text.indexOf('the of the of xyz')).toBe(text.length - 17);
    expect(new SoleOccurrences(text).find('the of the of xyz')).toBeUndefined();
  });
});
