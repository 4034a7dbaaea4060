// The gram index over uncarried stretches: finds exactly the occurrences that reach into a
// stretch, and gives up on grams too common to be worth visiting.
import { describe, expect, it } from 'vitest';
import { REACH, StretchIndex } from '../../../../electron/core/anchoring/stretch-index';

describe('StretchIndex', () => {
  const text = 'alpha beta gamma delta | alpha beta gamma delta | alpha beta gamma delta';
  const second = text.indexOf('alpha', 1);

  it('finds occurrences overlapping a stretch, including ones starting just before it', () => {
    const index = new StretchIndex(text, [[second + 3, second + 10]]);
    expect(index.find('alpha beta')).toEqual([second]);
    expect(index.find('gamma delta')).toEqual([]);
    // Counted from an offset: "beta" inside "alpha beta" must reach the stretch, not the needle.
    expect(index.find('a beta gamma', 4, 4)).toEqual([second + 4]);
  });

  it('agrees with scanning, and reaches REACH code units back', () => {
    const long = 'x'.repeat(REACH) + 'needle in a haystack' + 'y'.repeat(40);
    const index = new StretchIndex(long, [[REACH + 10, REACH + 12]]);
    expect(index.find('needle in a hay')).toEqual([REACH]);
    expect(index.scan('needle in a hay')).toEqual([REACH]);
    expect(new StretchIndex(long, []).find('needle in a hay')).toEqual([]);
  });

  it('gives up on a gram that occurs too often to be worth visiting', () => {
    const common = 'the same '.repeat(2000);
    const index = new StretchIndex(common, [[0, common.length]]);
    expect(index.find('the same the')).toEqual([]);
    expect(index.scan('the same the').length).toBeGreaterThan(1000);
  });
});
