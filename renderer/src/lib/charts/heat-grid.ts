// The heat maps' common shape: rows (tags) by columns (tags, articles or an attribute's values),
// a count in each cell, shaded on one sequential scale; and how it is laid out in pixels.
import { charsIn, truncateEnd, truncateStart } from './labels';
import { DIAGONAL_CELL, heatFill, inkOn } from './scales';
import type { FigureTable } from './table';

export interface HeatLine {
  key: string;
  label: string;
  color?: string;
}

export interface HeatCell {
  row: number;
  col: number;
  value: number;
  /** A tag with itself (co-occurrence): drawn apart, outside the scale. */
  diagonal?: boolean;
  /** The passages behind the count, when a click can list them. */
  annotationIds?: string[];
}

export interface HeatGrid {
  /** Tags, by path. */
  rows: HeatLine[];
  columns: HeatLine[];
  /** Tag paths keep their end when shortened (the tag's name); titles and values their start. */
  columnsAreTags: boolean;
  /** Every cell, row by row (rows.length × columns.length). */
  cells: HeatCell[];
}

export const cellAt = (grid: HeatGrid, row: number, col: number) =>
  grid.cells[row * grid.columns.length + col]!;

export function heatTable(grid: HeatGrid, caption: string, corner: string): FigureTable {
  return {
    caption,
    header: [corner, ...grid.columns.map((c) => c.label)],
    rows: grid.rows.map((row, r) => ({
      key: row.key,
      head: row.label,
      cells: grid.columns.map((_, c) => cellAt(grid, r, c).value),
    })),
  };
}

export const HEAT_GEOMETRY = {
  cell: 34,
  labelWidth: 220,
  /** Column labels are written at 45°: this much room above the grid at most. */
  maxHeaderHeight: 150,
  legendHeight: 44,
};

export interface LaidCell extends HeatCell {
  x: number;
  y: number;
  fill: string;
  ink: string;
}

/** Where everything goes; the scale runs over the cells outside the diagonal. */
export function heatLayout(grid: HeatGrid, geometry = HEAT_GEOMETRY) {
  const { cell, labelWidth, maxHeaderHeight, legendHeight } = geometry;
  const longest = Math.max(0, ...grid.columns.map((c) => [...c.label].length));
  const columnChars = Math.min(longest, charsIn(maxHeaderHeight * Math.SQRT2 - 10));
  // A label at -45° reaches as far right of its column as it rises above the grid.
  const reach = Math.ceil(columnChars * 12 * 0.58 * Math.SQRT1_2);
  const headerHeight = reach + 18;
  const max = Math.max(0, ...grid.cells.filter((c) => !c.diagonal).map((c) => c.value));
  const fill = heatFill(max);
  const left = labelWidth;
  const top = headerHeight;
  const cells = grid.cells.map((c): LaidCell => {
    const background = c.diagonal ? DIAGONAL_CELL : fill(c.value);
    return {
      ...c,
      x: left + c.col * cell,
      y: top + c.row * cell,
      fill: background,
      ink: inkOn(background),
    };
  });
  // Room for the tag's colour swatch between the label and the grid.
  const rowChars = charsIn(labelWidth - 30);
  return {
    width: Math.max(left + grid.columns.length * cell + reach + 12, left + 340),
    height: top + grid.rows.length * cell + legendHeight,
    left,
    top,
    cell,
    max,
    rows: grid.rows.map((row, i) => {
      const label = truncateStart(row.label, rowChars);
      return { ...row, short: label, truncated: label !== row.label, y: top + i * cell + cell / 2 };
    }),
    columns: grid.columns.map((column, i) => {
      const label = (grid.columnsAreTags ? truncateStart : truncateEnd)(column.label, columnChars);
      return {
        ...column,
        short: label,
        truncated: label !== column.label,
        x: left + i * cell + cell / 2,
      };
    }),
    cells,
    legendY: top + grid.rows.length * cell + 16,
  };
}
