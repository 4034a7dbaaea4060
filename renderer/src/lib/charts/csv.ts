// A chart's numbers as a CSV file for a spreadsheet: RFC 4180 (CRLF rows, fields quoted when they
// hold a quote, a comma or a line end), UTF-8 with a byte-order mark so Excel reads the letters
// right, and text cells guarded against formula injection. The renderer's own: the core's CSV
// export lives on the other side of the bridge.

export type CsvCell = string | number;

const BOM = '\ufeff';
const CRLF = '\r\n';

/**
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR, which some strip first) as a
 * formula; a leading apostrophe keeps it text. Numbers are the chart's own and stay numbers.
 */
export function csvField(value: CsvCell): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole file's text: a header row, then one row per line of the table. */
export function csvText(header: readonly CsvCell[], rows: ReadonlyArray<readonly CsvCell[]>) {
  return BOM + [header, ...rows].map((row) => row.map(csvField).join(',')).join(CRLF) + CRLF;
}
