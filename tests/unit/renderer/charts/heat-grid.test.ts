// The heat maps' grids: co-occurrence (tags by tags, pairs mirrored, own counts on the
// diagonal) and the tag-by-article and tag-by-attribute matrices, with their tables and layout.
import { describe, expect, it } from 'vitest';
import { cooccurrenceGrid } from '../../../../renderer/src/lib/charts/cooccurrence';
import { cellAt, heatLayout, heatTable } from '../../../../renderer/src/lib/charts/heat-grid';
import { articleGrid, attributeGrid } from '../../../../renderer/src/lib/charts/matrices';
import { DIAGONAL_CELL, EMPTY_CELL } from '../../../../renderer/src/lib/charts/scales';
import { analysisOf } from './fixtures';

describe('cooccurrenceGrid', () => {
  it('holds the tags used, mirrors each pair and keeps the passages behind it', () => {
    const grid = cooccurrenceGrid(analysisOf());
    expect(grid.rows.map((r) => r.label)).toEqual(['Economy', 'Economy/Energy ə ş', 'Tourism 🌍']);
    const table = heatTable(grid, 'Co-occurrence', 'Tag');
    expect(table.rows.map((r) => r.cells)).toEqual([
      [1, 1, 0],
      [1, 2, 3],
      [0, 3, 4],
    ]);
    expect(cellAt(grid, 1, 2).annotationIds).toEqual(['n1', 'n2', 'n3']);
    expect(cellAt(grid, 2, 1).annotationIds).toEqual(['n1', 'n2', 'n3']);
    expect(cellAt(grid, 0, 2).annotationIds).toBeUndefined();
    expect(cellAt(grid, 2, 2).diagonal).toBe(true);
  });

  it('is empty when no tag is used', () => {
    const grid = cooccurrenceGrid(
      analysisOf({ cooccurrence: { unit: 'overlap', diagonal: [], pairs: [] } }),
    );
    expect(grid.rows).toEqual([]);
    expect(grid.cells).toEqual([]);
  });
});

describe('heatLayout', () => {
  it('shades pairs on one scale, the diagonal apart, empty cells blank', () => {
    const layout = heatLayout(cooccurrenceGrid(analysisOf()));
    expect(layout.max).toBe(3);
    const at = (row: number, col: number) =>
      layout.cells.find((c) => c.row === row && c.col === col)!;
    expect(at(2, 2).fill).toBe(DIAGONAL_CELL);
    expect(at(0, 2).fill).toBe(EMPTY_CELL);
    expect(at(1, 2).fill).not.toBe(at(0, 1).fill);
    expect(at(1, 2).x - at(1, 1).x).toBe(layout.cell);
    expect(at(2, 0).y - at(1, 0).y).toBe(layout.cell);
    // Everything fits: the last cell and the legend are inside the picture.
    expect(at(2, 2).x + layout.cell).toBeLessThanOrEqual(layout.width);
    expect(layout.legendY + 24).toBeLessThanOrEqual(layout.height);
  });

  it('shortens long column titles from the end and tag paths from the start', () => {
    const long = 'A very long title of an article that goes on and on and on and on and on';
    const analysis = analysisOf({
      articles: [{ id: 'a1', title: long, attributes: {}, length: 10 }],
    });
    const layout = heatLayout(articleGrid(analysis, 'passages'));
    expect(layout.columns[0]!.truncated).toBe(true);
    expect(layout.columns[0]!.short.startsWith('A very long')).toBe(true);
    expect(layout.columns[0]!.short.endsWith('…')).toBe(true);
    expect(layout.top).toBeLessThanOrEqual(150 + 18);
  });
});

describe('matrices', () => {
  it('puts tags that have passages by article, in the measure asked for', () => {
    const analysis = analysisOf();
    const passages = articleGrid(analysis, 'passages');
    expect(passages.rows.map((r) => r.key)).toEqual(['t-eco', 't-energy', 't-tour']);
    expect(passages.columns.map((c) => c.label)).toEqual(['First article', '=cmd|/C calc']);
    expect(heatTable(passages, 'x', 'Tag').rows.map((r) => r.cells)).toEqual([
      [1, 0],
      [1, 1],
      [0, 4],
    ]);
    const chars = heatTable(articleGrid(analysis, 'codedChars'), 'x', 'Tag');
    expect(chars.rows.map((r) => r.cells)).toEqual([
      [10, 0],
      [20, 15],
      [0, 90],
    ]);
  });

  it('names the column of articles without the attribute, and waits for the key asked', () => {
    const analysis = analysisOf();
    const grid = attributeGrid(analysis, 'country', 'passages')!;
    expect(grid.columns.map((c) => c.label)).toEqual(['(none)', 'AZ']);
    expect(heatTable(grid, 'x', 'Tag').rows).toEqual([
      { key: 't-eco', head: 'Economy', cells: [0, 1] },
      { key: 't-tour', head: 'Tourism 🌍', cells: [4, 0] },
    ]);
    expect(attributeGrid(analysis, 'outlet', 'passages')).toBeNull();
    expect(attributeGrid(analysisOf({ byAttribute: undefined }), 'country', 'passages')).toBeNull();
  });
});
