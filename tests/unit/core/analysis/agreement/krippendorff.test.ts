// Krippendorff's alpha against the worked examples of Krippendorff (2011), "Computing
// Krippendorff's Alpha-Reliability", with the npm `krippendorff` package as a second opinion.
import { alpha as secondOpinion } from 'krippendorff';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  alphaOf,
  binaryCoincidences,
  coincidencesOf,
  nominalAlpha,
} from '../../../../../electron/core/analysis/agreement/krippendorff';

/** Coders' rows (as the paper prints them) to units' rows (as alphaOf takes them). */
const byUnit = <V>(coders: (V | null)[][]): (V | null)[][] =>
  coders[0]!.map((_, u) => coders.map((row) => row[u] ?? null));

/** The package's form: a row per coder, undefined where missing. */
const asPackage = <V>(coders: (V | null)[][]) =>
  coders.map((row) => row.map((v) => (v === null ? undefined : v)));

describe('Krippendorff (2011), A: binary data, two observers, no missing data', () => {
  const coders = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
  ];

  it('has the paper’s coincidences and alpha 0.095', () => {
    const o = coincidencesOf(byUnit(coders));
    expect(o.values).toEqual([0, 1]);
    // o_00 = 10, o_01 = o_10 = 4, o_11 = 2; n_0 = 14, n_1 = 6, n = 20.
    expect(o.matrix).toEqual([
      [10, 4],
      [4, 2],
    ]);
    const alpha = nominalAlpha(o)!;
    expect(alpha).toBeCloseTo(1 - (19 * 4) / (14 * 6), 12);
    expect(alpha.toFixed(3)).toBe('0.095');
  });

  it('agrees with the npm krippendorff package', () => {
    expect(alphaOf(byUnit(coders))).toBeCloseTo(secondOpinion(asPackage(coders)), 12);
  });

  it('gives the same from the units each number of coders coded', () => {
    // Units both coded: 1 (the 2nd); one of them: 4; neither: 5.
    expect(nominalAlpha(binaryCoincidences([5, 4, 1]))).toBeCloseTo(alphaOf(byUnit(coders))!, 12);
  });
});

describe('Krippendorff (2011), B: nominal data, four observers, missing data', () => {
  const _ = null;
  const coders = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, _, _, _],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, _, 3],
    [_, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, _],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, _],
  ];

  it('gives alpha 0.743, the last unit (one value) not pairable', () => {
    const o = coincidencesOf(byUnit(coders));
    const n = o.matrix.flat().reduce((s, x) => s + x, 0);
    // 41 values, 40 of them pairable (the paper's n).
    expect(n).toBeCloseTo(40, 12);
    const alpha = nominalAlpha(o)!;
    expect(alpha.toFixed(3)).toBe('0.743');
  });

  it('agrees with the npm krippendorff package', () => {
    expect(alphaOf(byUnit(coders))).toBeCloseTo(secondOpinion(asPackage(coders)), 12);
  });

  it('gives the same whatever the values are called', () => {
    const named = coders.map((row) => row.map((v) => (v === null ? null : `code ${v} ə`)));
    expect(alphaOf(byUnit(named))).toBeCloseTo(alphaOf(byUnit(coders))!, 12);
  });
});

describe('nominal alpha', () => {
  it('is undefined without variation or without pairs, 1 on perfect agreement', () => {
    expect(
      alphaOf([
        [1, 1],
        [1, 1],
      ]),
    ).toBeNull();
    expect(
      alphaOf([
        [1, null],
        [null, 2],
      ]),
    ).toBeNull();
    expect(alphaOf([])).toBeNull();
    expect(
      alphaOf([
        [1, 1],
        [2, 2],
        [3, 3],
      ]),
    ).toBe(1);
  });

  it('from a histogram equals the table it summarises, for any coders and coding', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 6 }).chain((m) =>
          fc.tuple(
            fc.constant(m),
            fc.array(fc.array(fc.boolean(), { minLength: m, maxLength: m }), {
              minLength: 1,
              maxLength: 30,
            }),
          ),
        ),
        ([m, units]) => {
          const histogram = new Array<number>(m + 1).fill(0);
          for (const unit of units) histogram[unit.filter(Boolean).length]!++;
          const fromHistogram = nominalAlpha(binaryCoincidences(histogram));
          const fromTable = alphaOf(units);
          if (fromTable === null) expect(fromHistogram).toBeNull();
          else expect(fromHistogram).toBeCloseTo(fromTable, 9);
        },
      ),
    );
  });
});
