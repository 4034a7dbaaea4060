// Cohen's kappa against the worked example of Cohen (1960), and the NVivo-style example of the
// issue: 1,000 characters, two coders' 100-character passages overlapping by 50. NVivo's
// character method gives 0.444; QualCoder shows 0.299 for the same coding, and the last test
// says why that is not Cohen's kappa.
import { describe, expect, it } from 'vitest';
import {
  codedTable,
  cohenKappa,
  percentAgreement,
} from '../../../../../electron/core/analysis/agreement/cohen';
import { cellFigures } from '../../../../../electron/core/analysis/agreement/figures';
import { compareTag } from '../../../../../electron/core/analysis/agreement/compare';
import { characterGrid } from '../../../../../electron/core/analysis/agreement/units';
import type { Passage } from '../../../../../electron/core/analysis/agreement/coding';
import { annotation } from '../../../../fixtures/store/notebook-fixtures';

describe('Cohen (1960)', () => {
  // Cohen's table of two judges classifying 200 cases into three categories (frequencies; rows
  // judge A, columns judge B): p_o = .70, p_c = .41, kappa = .29 / .59 = .49.
  const cohen1960 = [
    [88, 14, 18],
    [10, 40, 10],
    [2, 6, 12],
  ];

  it('gives the paper’s p_o, p_c and kappa', () => {
    const figures = cohenKappa(cohen1960)!;
    expect(figures.n).toBe(200);
    expect(figures.observed).toBeCloseTo(0.7, 12);
    expect(figures.chance).toBeCloseTo(0.41, 12);
    expect(figures.kappa).toBeCloseTo(0.29 / 0.59, 12);
    expect(figures.kappa!.toFixed(2)).toBe('0.49');
    expect(percentAgreement(cohen1960)).toBeCloseTo(0.7, 12);
  });

  it('is the same from proportions as from counts', () => {
    const proportions = cohen1960.map((row) => row.map((n) => n / 200));
    expect(cohenKappa(proportions)!.kappa).toBeCloseTo(cohenKappa(cohen1960)!.kappa!, 12);
  });

  it('is 1 on perfect agreement, 0 at chance, undefined with one category', () => {
    expect(
      cohenKappa([
        [30, 0],
        [0, 70],
      ])!.kappa,
    ).toBe(1);
    // Independent marginals: every cell the product of its row and column shares.
    expect(
      cohenKappa([
        [6, 14],
        [24, 56],
      ])!.kappa,
    ).toBeCloseTo(0, 12);
    expect(
      cohenKappa([
        [0, 0],
        [0, 40],
      ])!.kappa,
    ).toBeNull();
    expect(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toBeNull();
  });

  it('refuses a table that is not square or has a negative count', () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(RangeError);
    expect(() =>
      cohenKappa([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(RangeError);
  });
});

const passage = (id: string, start: number, end: number): Passage => ({
  annotation: annotation(id, 'a1', ['t']),
  span: { start, end },
});

describe('the NVivo example: 1,000 characters, 100-character codings overlapping by 50', () => {
  const counts = compareTag([[passage('a', 0, 100)], [passage('b', 50, 150)]], characterGrid(1000));

  it('counts both coded, either alone, and both uncoded characters', () => {
    expect(counts).toEqual({ units: 1000, histogram: [850, 100, 50], coded: [100, 100] });
    expect(codedTable(1000, 100, 100, 50)).toEqual([
      [50, 50],
      [50, 850],
    ]);
  });

  it('gives kappa 0.444 and 90% agreement', () => {
    const figures = cellFigures(counts, ['A', 'B']);
    // p_o = 900/1000; p_c = .1 × .1 + .9 × .9 = .82; kappa = .08 / .18.
    expect(figures.kappa).toBeCloseTo(0.08 / 0.18, 12);
    expect(figures.kappa!.toFixed(3)).toBe('0.444');
    expect(figures.percent).toBe(0.9);
    expect(figures.disagreeingUnits).toBe(100);
    expect(figures.coded).toEqual({ A: 100, B: 100 });
  });

  it('is not QualCoder’s 0.299, which leaves out the uncoded text and multiplies the chance terms', () => {
    // QualCoder's figure, from the same three counts: agreement over the characters either coder
    // coded (150), and chance as P(both yes) × P(both no) where Cohen adds them.
    const union = 100 + 100 - 50;
    const observed = 50 / union;
    const yes = (100 / union) * (100 / union);
    const no = ((union - 100) / union) * ((union - 100) / union);
    const qualcoder = (observed - yes * no) / (1 - yes * no);
    expect(qualcoder.toFixed(3)).toBe('0.299');
    // Cohen's chance agreement is the sum, over every character of the article.
    const ours = cohenKappa(codedTable(1000, 100, 100, 50))!;
    expect(ours.chance).toBeCloseTo(0.1 * 0.1 + 0.9 * 0.9, 12);
    expect(ours.kappa).not.toBeCloseTo(qualcoder, 2);
    // Even over the 150 coded characters alone, adding (Cohen) is not multiplying (QualCoder).
    const overUnion = cohenKappa(codedTable(union, 100, 100, 50))!;
    expect(overUnion.chance).toBeCloseTo(yes + no, 12);
    expect(overUnion.kappa).not.toBeCloseTo(qualcoder, 2);
  });
});
