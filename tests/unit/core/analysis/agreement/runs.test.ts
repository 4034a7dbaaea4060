// Counting over runs gives what counting unit by unit gives, for any coding: the histogram of how
// many coders coded each unit, and the stretches only one of two coders coded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codedHistogram, oneSided } from '../../../../../electron/core/analysis/agreement/runs';
import { mergeSpans } from '../../../../../electron/core/analysis/coded-spans';
import type { Span } from '../../../../../electron/shared/model';

const UNITS = 60;
const coding = fc
  .array(fc.tuple(fc.nat(UNITS), fc.nat(UNITS)), { maxLength: 8 })
  .map((pairs) =>
    mergeSpans(pairs.map(([x, y]) => ({ start: Math.min(x, y), end: Math.max(x, y) }))),
  );

const covers = (runs: readonly Span[], unit: number) =>
  runs.some((r) => r.start <= unit && unit < r.end);

describe('codedHistogram', () => {
  it('counts, for each k, the units exactly k coders coded', () => {
    fc.assert(
      fc.property(fc.array(coding, { minLength: 1, maxLength: 5 }), (coders) => {
        const expected = new Array<number>(coders.length + 1).fill(0);
        for (let u = 0; u < UNITS; u++) expected[coders.filter((c) => covers(c, u)).length]!++;
        expect(codedHistogram(coders, UNITS)).toEqual(expected);
      }),
    );
  });

  it('keeps runs that meet end to start from stacking', () => {
    expect(codedHistogram([[{ start: 0, end: 5 }], [{ start: 5, end: 9 }]], 10)).toEqual([1, 9, 0]);
  });
});

describe('oneSided', () => {
  it('gives maximal stretches one coder alone coded, A’s beside B’s kept apart', () => {
    fc.assert(
      fc.property(coding, coding, (a, b) => {
        const side = (u: number) =>
          covers(a, u) === covers(b, u) ? null : covers(a, u) ? 'a' : 'b';
        const expected: Array<Span & { side: 'a' | 'b' }> = [];
        for (let u = 0; u < UNITS; u++) {
          const s = side(u);
          if (s === null) continue;
          const last = expected.at(-1);
          if (last && last.side === s && last.end === u) last.end = u + 1;
          else expected.push({ start: u, end: u + 1, side: s });
        }
        expect(oneSided(a, b)).toEqual(expected);
      }),
    );
  });

  it('splits where A’s stretch meets B’s', () => {
    expect(oneSided([{ start: 0, end: 4 }], [{ start: 4, end: 6 }])).toEqual([
      { start: 0, end: 4, side: 'a' },
      { start: 4, end: 6, side: 'b' },
    ]);
  });
});
