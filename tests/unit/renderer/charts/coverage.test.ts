// The coverage strip's layout: each run where it falls along the text, no run too thin to see.
import { describe, expect, it } from 'vitest';
import {
  STRIP_GEOMETRY,
  coverageLayout,
  coverageTable,
} from '../../../../renderer/src/lib/charts/coverage';
import { TAGS } from './fixtures';

const tagsById = new Map(TAGS.map((t) => [t.id, t]));
const coverage = {
  articleId: 'a1',
  length: 1000,
  tags: [
    {
      tagId: 't-tour',
      runs: [
        { start: 0, end: 250 },
        { start: 500, end: 501 },
      ],
      codedChars: 251,
    },
    { tagId: 't-gone', runs: [{ start: 900, end: 1000 }], codedChars: 100 },
  ],
};

describe('coverageLayout', () => {
  it('places runs by their offsets along the plot', () => {
    const layout = coverageLayout(coverage, tagsById);
    const plot = STRIP_GEOMETRY.width - STRIP_GEOMETRY.labelWidth - 16;
    const [tour, gone] = layout.rows;
    expect(tour!.runs[0]!.x).toBe(layout.plotX);
    expect(tour!.runs[0]!.width).toBeCloseTo(plot / 4);
    expect(tour!.runs[1]!.x).toBeCloseTo(layout.plotX + plot / 2);
    expect(tour!.runs[1]!.width).toBe(3);
    expect(gone!.runs[0]!.x + gone!.runs[0]!.width).toBeCloseTo(layout.plotX + plot);
    expect(tour!.share).toBeCloseTo(0.251);
    // A tag deleted meanwhile still has a row, named as such.
    expect(gone!.path).toBe('A deleted tag');
  });

  it('makes a table of runs, characters and shares', () => {
    const table = coverageTable(coverageLayout(coverage, tagsById), 'First article');
    expect(table.caption).toBe('Where each tag falls in “First article”');
    expect(table.rows[0]).toEqual({ key: 't-tour', head: 'Tourism 🌍', cells: [2, 251, 25.1] });
  });

  it('draws an empty text without dividing by zero', () => {
    const layout = coverageLayout(
      {
        articleId: 'a',
        length: 0,
        tags: [{ tagId: 't-eco', runs: [{ start: 0, end: 0 }], codedChars: 0 }],
      },
      tagsById,
    );
    expect(Number.isFinite(layout.rows[0]!.runs[0]!.x)).toBe(true);
  });
});
