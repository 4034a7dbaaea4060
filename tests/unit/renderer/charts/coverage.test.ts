// The coverage strip's layout: each run where it falls along the text, no run too thin to see.
import { describe, expect, it } from 'vitest';
import {
  STRIP_GEOMETRY,
  coverageLayout,
  coverageTable,
  runAt,
  runsPath,
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

describe('runs drawn as one path a row, and found again under the pointer', () => {
  const layout = coverageLayout(coverage, tagsById);
  const [tour] = layout.rows;

  it('draws a rectangle a run', () => {
    const d = runsPath(tour!, layout.barHeight);
    expect(d.match(/M/g)).toHaveLength(2);
    const first = tour!.runs[0]!;
    expect(d.startsWith(`M${Math.round(first.x * 10) / 10} ${tour!.y}h`)).toBe(true);
    expect(d).toContain(`v${layout.barHeight}`);
  });

  it('finds the run whose rectangle holds the point, in the row whose bar holds it', () => {
    const [first, thin] = tour!.runs;
    const y = tour!.y + layout.barHeight / 2;
    expect(runAt(layout, first!.x + 1, y)?.run).toBe(first);
    expect(runAt(layout, first!.x + first!.width, y)?.run).toBe(first);
    // The one-character run is drawn 3 px wide, and found across all of them.
    expect(runAt(layout, thin!.x + 2.5, y)?.run).toBe(thin);
    expect(runAt(layout, thin!.x + 4, y)).toBeUndefined();
    // Between rows, and left of the plot, nothing.
    expect(runAt(layout, first!.x + 1, tour!.y - 2)).toBeUndefined();
    expect(runAt(layout, layout.plotX - 5, y)).toBeUndefined();
    expect(
      runAt(layout, layout.plotX + layout.plotWidth - 1, layout.rows[1]!.y + 1)?.row.tagId,
    ).toBe('t-gone');
  });

  it('gives the later run where a widened one overlaps the next', () => {
    const close = coverageLayout(
      {
        articleId: 'a1',
        length: 100_000,
        tags: [
          {
            tagId: 't-tour',
            runs: [
              { start: 1000, end: 1001 },
              { start: 1002, end: 1003 },
            ],
            codedChars: 2,
          },
        ],
      },
      tagsById,
    );
    const [a, b] = close.rows[0]!.runs;
    expect(b!.x).toBeLessThan(a!.x + a!.width);
    const y = close.rows[0]!.y + 1;
    expect(runAt(close, b!.x + 0.5, y)?.run).toBe(b);
    expect(runAt(close, a!.x + 0.01, y)?.run).toBe(a);
  });
});
