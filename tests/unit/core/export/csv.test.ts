import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/export';
import { cell, CSV_HEADER } from '../../../../electron/core/export/csv';
import type { Annotation, Article } from '../../../../electron/shared/model';
import {
  AFTER_EMOJI,
  MULTILINE,
  NOTES,
  NOTES_ANNOTATIONS,
  notebookRequest,
  articleRequest,
  LEGACY_TAG,
  ODD_TAGS,
  oddTagsRequest,
  ORPHAN,
  PHONE,
  QUOTED,
  TAGS,
  TIES,
  TIES_ANNOTATIONS,
} from './fixtures';

/** Strict: only CRLF ends a record, so a bare LF outside quotes would show up as a wrong cell. */
function parseCsv(content: string): string[][] {
  return parse(content, { bom: true, record_delimiter: '\r\n' }) as string[][];
}

/** What a spreadsheet user should see in each column, spelled out from the source data. */
function expectedRow(article: Article, a: Annotation): string[] {
  const orphaned = a.anchor === 'orphaned';
  const [position, quote] = a.selectors;
  const tagNames = a.tagIds.flatMap((id) => TAGS.find((t) => t.id === id)?.name ?? []);
  // Code points, counted the plain way: the characters before the offset.
  const codePoint = (offset: number) => String(Array.from(article.text.slice(0, offset)).length);
  return [
    article.title,
    article.source,
    a.id,
    orphaned ? '' : codePoint(position.start),
    orphaned ? '' : codePoint(position.end),
    orphaned ? quote.exact : article.text.slice(position.start, position.end),
    tagNames.join('\n'),
    a.comment,
    a.createdAt,
    a.updatedAt,
    a.anchor,
    // The fixtures have no pages (plain text and a web page).
    '',
  ].map((value) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value));
}

describe('CSV export', () => {
  const file = renderExport(articleRequest('csv'));
  const rows = parseCsv(file.content);

  it('names and types the file', () => {
    expect(file.fileName).toBe('rufat-mammadov-we-increase-ties-2026-11-29.csv');
    expect(file.mimeType).toBe('text/csv');
  });

  it('starts with a BOM and the header, and ends every record with CRLF', () => {
    expect(
      file.content.startsWith(
        '\uFEFFarticle,source,annotation_id,start_codepoint,end_codepoint,passage,tags,',
      ),
    ).toBe(true);
    expect(rows[0]).toEqual([...CSV_HEADER]);
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.endsWith('\r\n\r\n')).toBe(false);
    // Lines outside quoted cells end in CRLF: one record per annotation, nothing extra.
    expect(rows).toHaveLength(1 + TIES_ANNOTATIONS.length);
  });

  it('reads back every cell as the source data', () => {
    expect(rows.slice(1)).toEqual(TIES_ANNOTATIONS.map((a) => expectedRow(TIES, a)));
  });

  it('keeps Azerbaijani letters, quotes, commas and newlines intact', () => {
    const quoted = rows.find((r) => r[2] === QUOTED.id);
    expect(quoted?.[5]).toBe('"əlaqələri genişləndiririk, ticarəti artırırıq"');
    expect(quoted?.[6]).toBe('foreign policy\nAzərbaycan diplomatiyası');
    const multiline = rows.find((r) => r[2] === MULTILINE.id);
    expect(multiline?.[5]).toBe('We increase ties,\nnot walls."\n\nƏməkdaşlıq, şəffaflıq');
    expect(file.content).toContain('"We increase ties,\nnot walls.""\n\nƏməkdaşlıq, şəffaflıq"');
  });

  it('guards cells starting with = + - @ against formula injection', () => {
    const byId = (id: string) => rows.find((r) => r[2] === id);
    expect(byId(QUOTED.id)?.[7]).toBe(`'=SUM(A1:A3) is what the ministry would like, "roughly"`);
    expect(byId(PHONE.id)?.[5]).toBe(`'+994 12 492 92 92`);
    expect(byId(MULTILINE.id)?.[7]).toBe(`'-5% growth forecast, per the deputy`);
    expect(byId(AFTER_EMOJI.id)?.[7]).toBe(
      `'@ministry: compare with the **Ankara** memorandum.\nSecond line.`,
    );
    for (const row of rows) {
      for (const value of row) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('guards tab and CR too, and leaves ordinary cells alone', () => {
    expect(cell('\tcmd')).toBe(`'\tcmd`);
    expect(cell('\rcmd')).toBe(`"'\rcmd"`);
    expect(cell('a "b", c')).toBe('"a ""b"", c"');
    expect(cell('plain')).toBe('plain');
    expect(cell('')).toBe('');
  });

  it('writes offsets as plain numbers, and none for an orphan', () => {
    const phone = rows.find((r) => r[2] === PHONE.id);
    // After the 🤝🏽 (four UTF-16 units, two code points).
    const [start, end] = [PHONE.selectors[0].start - 2, PHONE.selectors[0].end - 2];
    expect(phone?.slice(3, 5)).toEqual([String(start), String(end)]);
    expect(file.content).toContain(`,${start},${end},'+994 12 492 92 92,`);
    const orphan = rows.find((r) => r[2] === ORPHAN.id);
    expect(orphan?.slice(3, 6)).toEqual(['', '', 'Sazişin mətni, "gizli" qalır']);
    expect(orphan?.[10]).toBe('orphaned');
  });

  it('exports every article of the notebook, and only the header when nothing is annotated', () => {
    const notebook = renderExport(notebookRequest('csv'));
    expect(notebook.fileName).toBe('notebook-2026-11-29.csv');
    expect(parseCsv(notebook.content).slice(1)).toEqual([
      ...TIES_ANNOTATIONS.map((a) => expectedRow(TIES, a)),
      ...NOTES_ANNOTATIONS.map((a) => expectedRow(NOTES, a)),
    ]);
    const empty = renderExport(notebookRequest('csv', { articles: [] }));
    expect(empty.content).toBe(`\uFEFF${CSV_HEADER.join(',')}\r\n`);
  });

  it('counts offsets in code points, as the W3C export does, after an emoji too', () => {
    const w3c = JSON.parse(renderExport(articleRequest('w3c')).content) as {
      first: { items: { id: string; target: { selector: { start?: number; end?: number }[] } }[] };
    };
    const positioned = w3c.first.items.filter((item) => item.target.selector[1]);
    expect(positioned.length).toBe(TIES_ANNOTATIONS.length - 1);
    for (const item of positioned) {
      const row = rows.find((r) => `urn:uuid:${r[2]}` === item.id);
      const position = item.target.selector[1]!;
      expect(row?.slice(3, 5)).toEqual([String(position.start), String(position.end)]);
    }
    const emoji = rows.find((r) => r[2] === AFTER_EMOJI.id)!;
    expect(Number(emoji[3])).toBe(AFTER_EMOJI.selectors[0].start - 2);
    expect(Array.from(TIES.text).slice(Number(emoji[3]), Number(emoji[4])).join('')).toBe(
      'Both sides signed',
    );
  });
});

describe('CSV export, tag names', () => {
  const rows = parseCsv(renderExport(oddTagsRequest('csv')).content);
  const names = ODD_TAGS.map((t) => t.name);

  it('splits the tags cell back into exactly the names, at newlines', () => {
    // The formula guard puts its apostrophe at the start of the cell, before the first name only.
    expect(rows.find((r) => r[2] === QUOTED.id)?.[6]?.split('\n')).toEqual([
      `'${names[0]}`,
      ...names.slice(1),
    ]);
    expect(rows.find((r) => r[2] === PHONE.id)?.[6]?.split('\n')).toEqual([
      'old line tab',
      ...names.toReversed(),
    ]);
  });

  it('makes a stored name with control characters one line', () => {
    expect(LEGACY_TAG.name).toMatch(/\n/);
    expect(rows.find((r) => r[2] === PHONE.id)?.[6]).toMatch(/^old line tab\n-5%\n/);
  });
});
