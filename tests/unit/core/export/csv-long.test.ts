import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/export';
import { LONG_CSV_HEADER } from '../../../../electron/core/export/csv-long';
import type { Annotation, Article } from '../../../../electron/shared/model';
import {
  AFTER_EMOJI,
  articleRequest,
  MULTILINE,
  NOTES,
  NOTES_ANNOTATIONS,
  notebookRequest,
  ODD_TAGS,
  oddTagsRequest,
  ORPHAN,
  PHONE,
  QUOTED,
  TAGS,
  TIES,
  TIES_ANNOTATIONS,
} from './fixtures';

/**
 * As pandas' read_csv and R's read.csv read it: a header row naming the columns, commas, double
 * quotes doubled inside quoted cells, and no BOM handling (a BOM would end up in the first name).
 */
function readTable(content: string): Record<string, string>[] {
  return parse(content, { columns: true }) as Record<string, string>[];
}

/** The rows one annotation should give, spelled out from the source data. */
function expectedRows(article: Article, a: Annotation, tags = TAGS): Record<string, string>[] {
  const orphaned = a.anchor === 'orphaned';
  const [position, quote] = a.selectors;
  const codePoint = (offset: number) => String(Array.from(article.text.slice(0, offset)).length);
  const base = {
    article_id: article.id,
    article: article.title,
    source: article.source,
    annotation_id: a.id,
    start_codepoint: orphaned ? '' : codePoint(position.start),
    end_codepoint: orphaned ? '' : codePoint(position.end),
    passage: orphaned ? quote.exact : article.text.slice(position.start, position.end),
  };
  const rest = { comment: a.comment, created_at: a.createdAt, updated_at: a.updatedAt };
  const known = a.tagIds.flatMap((id) => tags.find((t) => t.id === id) ?? []);
  const pairs: [string, string][] = known.length ? known.map((t) => [t.name, t.id]) : [['', '']];
  return pairs.map(([tag, tagId]) => ({
    ...base,
    tag,
    tag_id: tagId,
    ...rest,
    anchor: a.anchor,
    // The fixtures have no pages (plain text and a web page).
    page: '',
  }));
}

describe('long CSV export', () => {
  const file = renderExport(articleRequest('csv-long'));
  const table = readTable(file.content);

  it('has its own file name beside the Excel CSV', () => {
    expect(file.fileName).toBe('rufat-mammadov-we-increase-ties-long-2026-11-29.csv');
    expect(file.mimeType).toBe('text/csv');
    expect(renderExport(notebookRequest('csv-long')).fileName).toBe('notebook-long-2026-11-29.csv');
  });

  it('is plain UTF-8 with the column names first, no BOM, CRLF records', () => {
    expect(file.content.startsWith(`${LONG_CSV_HEADER.join(',')}\r\n`)).toBe(true);
    expect(Object.keys(table[0]!)).toEqual([...LONG_CSV_HEADER]);
    expect(file.content.endsWith('\r\n')).toBe(true);
    expect(file.content.endsWith('\r\n\r\n')).toBe(false);
  });

  it('has one row per passage and tag, and one with an empty tag for an untagged passage', () => {
    // QUOTED has two tags, AFTER_EMOJI one plus a deleted one, MULTILINE and ORPHAN one, PHONE none.
    expect(table).toHaveLength(2 + 1 + 1 + 1 + 1);
    expect(table.filter((r) => r['annotation_id'] === QUOTED.id).map((r) => r['tag'])).toEqual([
      'foreign policy',
      'Azərbaycan diplomatiyası',
    ]);
    expect(table.filter((r) => r['annotation_id'] === PHONE.id)).toEqual(expectedRows(TIES, PHONE));
    expect(table.find((r) => r['annotation_id'] === PHONE.id)?.['tag']).toBe('');
  });

  it('reads back every value exactly as stored, without a formula guard', () => {
    expect(table).toEqual(TIES_ANNOTATIONS.flatMap((a) => expectedRows(TIES, a)));
    const byId = (id: string) => table.find((r) => r['annotation_id'] === id);
    expect(byId(QUOTED.id)?.['comment']).toBe(QUOTED.comment);
    expect(byId(QUOTED.id)?.['comment']).toMatch(/^=SUM/);
    expect(byId(PHONE.id)?.['passage']).toBe('+994 12 492 92 92');
    expect(byId(AFTER_EMOJI.id)?.['comment']).toBe(AFTER_EMOJI.comment);
  });

  it('keeps newlines, quotes and commas inside passages', () => {
    const multiline = table.find((r) => r['annotation_id'] === MULTILINE.id);
    expect(multiline?.['passage']).toBe('We increase ties,\nnot walls."\n\nƏməkdaşlıq, şəffaflıq');
    expect(multiline?.['anchor']).toBe('moved');
    expect(table.find((r) => r['annotation_id'] === QUOTED.id)?.['passage']).toBe(
      '"əlaqələri genişləndiririk, ticarəti artırırıq"',
    );
  });

  it('gives an orphan empty offsets (NA) and its quote as it was', () => {
    const orphan = table.find((r) => r['annotation_id'] === ORPHAN.id);
    expect(orphan?.['start_codepoint']).toBe('');
    expect(orphan?.['end_codepoint']).toBe('');
    expect(orphan?.['passage']).toBe(ORPHAN.selectors[1].exact);
  });

  it('counts offsets in code points: slicing the text by them gives the passage', () => {
    const chars = Array.from(TIES.text);
    for (const row of table.filter((r) => r['start_codepoint'] !== '')) {
      const [start, end] = [Number(row['start_codepoint']), Number(row['end_codepoint'])];
      expect(chars.slice(start, end).join('')).toBe(row['passage']);
    }
    const emoji = table.find((r) => r['annotation_id'] === AFTER_EMOJI.id);
    expect(emoji?.['start_codepoint']).toBe(String(AFTER_EMOJI.selectors[0].start - 2));
  });

  it('exports every article of the notebook, and only the header when nothing is annotated', () => {
    const notebook = readTable(renderExport(notebookRequest('csv-long')).content);
    expect(notebook).toEqual([
      ...TIES_ANNOTATIONS.flatMap((a) => expectedRows(TIES, a)),
      ...NOTES_ANNOTATIONS.flatMap((a) => expectedRows(NOTES, a)),
    ]);
    const empty = renderExport(notebookRequest('csv-long', { articles: [] }));
    expect(empty.content).toBe(`${LONG_CSV_HEADER.join(',')}\r\n`);
  });

  it('puts each tag name in its own cell, exactly as named', () => {
    const request = oddTagsRequest('csv-long');
    const odd = readTable(renderExport(request).content);
    const tagsOf = (id: string) =>
      odd.filter((r) => r['annotation_id'] === id).map((r) => [r['tag'], r['tag_id']]);
    expect(tagsOf(QUOTED.id)).toEqual(ODD_TAGS.map((t) => [t.name, t.id]));
    // The one name stored before newlines were refused has them as spaces, as in the Excel CSV.
    expect(tagsOf(PHONE.id)[0]?.[0]).toBe('old line tab');
    expect(tagsOf(PHONE.id).slice(1)).toEqual(ODD_TAGS.toReversed().map((t) => [t.name, t.id]));
  });
});
