// The numbers behind a chart, as one shape: the HTML table beside the chart (what a screen reader
// reads) and the CSV file are both made from it, so they never disagree with each other.
import { csvText } from './csv';

export interface FigureTable {
  /** What the table shows, as its caption. */
  caption: string;
  /** The column headings; the first names the row headings' column. */
  header: string[];
  rows: FigureRow[];
}

export interface FigureRow {
  key: string;
  /** The row's heading (a tag's path). */
  head: string;
  cells: number[];
}

export const tableCsv = (table: FigureTable) =>
  csvText(
    table.header,
    table.rows.map((row) => [row.head, ...row.cells]),
  );
