// The charts' CSV: what a spreadsheet (and csv-parse) reads back is exactly the table, and no
// cell runs as a formula.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, csvText } from '../../../../renderer/src/lib/charts/csv';
import { tableCsv } from '../../../../renderer/src/lib/charts/table';

describe('csvText', () => {
  it('quotes by RFC 4180 and reads back as written', () => {
    const tricky = ['a, b', 'say "hi"', 'two\nlines', 'cr\rhere', 'ə ş ı İ 🌍', 'x/y?]', ''];
    const text = csvText(['Tag', 'Count'], [...tricky.map((t, i) => [t, i]), ['plain', 0]]);
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).toContain('"say ""hi"""');
    const rows = parse(text, { bom: true }) as string[][];
    expect(rows[0]).toEqual(['Tag', 'Count']);
    expect(rows.slice(1, -1).map((r) => r[0])).toEqual(tricky);
    expect(rows.at(-1)).toEqual(['plain', '0']);
  });

  it('keeps cells that start like a formula as text', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(csvField(`${start}SUM(A1)`).replace(/^"/, '').startsWith(`'${start}`)).toBe(true);
    }
    const rows = parse(csvText(['Tag'], [['=HYPERLINK("http://x")'], ['-1 tag']]), {
      bom: true,
    }) as string[][];
    expect(rows.slice(1)).toEqual([[`'=HYPERLINK("http://x")`], [`'-1 tag`]]);
  });

  it('leaves the chart’s own numbers as numbers', () => {
    expect(csvField(-3)).toBe('-3');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('writes a figure table row by row, its head first', () => {
    const text = tableCsv({
      caption: 'x',
      header: ['Tag', 'A', 'B'],
      rows: [{ key: 'k', head: '@home', cells: [1, 2] }],
    });
    expect(parse(text, { bom: true })).toEqual([
      ['Tag', 'A', 'B'],
      ["'@home", '1', '2'],
    ]);
  });
});
