// The fuzzy search away from where the diff puts a passage: pieces of it that survived point to
// places in text the diff did not carry over, which are searched under the near search's bars.
import { describe, expect, it } from 'vitest';
import { findFuzzyElsewhere } from '../../../../electron/core/anchoring/match-elsewhere';
import { describePassage } from '../../../../electron/core/anchoring/selectors';
import { StretchIndex } from '../../../../electron/core/anchoring/stretch-index';

const old =
  'Opening words of the article, long enough to stand alone.\n\n' +
  'Over the past five years and across the region, more than 40 events and business forums ' +
  'have been held there, with many more planned.\n\n' +
  'A closing paragraph about the ports, the railways and the new trade routes across the sea.';
const passage = 'more than 40 events and business forums';
const start = old.indexOf(passage);
const [, quote] = describePassage(old, start, start + passage.length);
const edited = (text: string) => text.replace('40 events', 'forty events');
/** An index over the whole text: as if the diff had carried none of it over. */
const all = (text: string) => new StretchIndex(text, [[0, text.length]]);

describe('findFuzzyElsewhere', () => {
  it('finds an edited passage where its surviving pieces agree it is', () => {
    const moved = edited(old.split('\n\n').reverse().join('\n\n'));
    const found = findFuzzyElsewhere(all(moved), moved, quote, 32);
    expect(found.kind).toBe('found');
    if (found.kind !== 'found') return;
    expect(moved.slice(found.start, found.end)).toBe('more than forty events and business forums');
  });

  it('looks only in the stretches it is given', () => {
    const moved = edited(old);
    const elsewhere = new StretchIndex(moved, [[0, 20]]);
    expect(findFuzzyElsewhere(elsewhere, moved, quote, 32)).toEqual({ kind: 'none' });
  });

  it('calls two copies that read the same a tie', () => {
    const paragraph = edited(old.split('\n\n')[1]!);
    const twice = `${old.split('\n\n')[0]}\n\n${paragraph}\n\nAnother paragraph in between.\n\n${paragraph}`;
    expect(findFuzzyElsewhere(all(twice), twice, quote, 32)).toEqual({ kind: 'tie' });
  });
});
