// CSV export for spreadsheets (RFC 4180): one row per annotated passage, UTF-8 with a BOM so
// Excel reads the letters right, and cells guarded against formula injection.
import { codePointOffsets } from './code-points';
import { CRLF, oneLinePath, pageText, perTag, positionCells, quoted } from './csv-cells';
import { passagesOf, tagIndex } from './passages';
import type { ExportRequest } from './types';

export const CSV_HEADER = [
  'article',
  'source',
  'annotation_id',
  'start_codepoint',
  'end_codepoint',
  'passage',
  'tags',
  'comment',
  'created_at',
  'updated_at',
  'anchor',
  // Last, so scripts that read the columns by position before pages existed still work.
  'page',
] as const;

/**
 * Between the tags' paths in the tags cell. A name can't hold a newline (see oneLineName), so the
 * cell splits back into exactly the paths, whatever else they contain (`;`, `,`, `|`, quotes); Excel
 * shows one name per line in the cell.
 */
export const TAG_SEPARATOR = '\n';

export const BOM = '\uFEFF';

export function renderCsv(request: ExportRequest): string {
  const tags = tagIndex(request.tags);
  const nameOf = perTag(oneLinePath(tags));
  const rows: string[] = [CSV_HEADER.map(cell).join(',')];
  for (const item of request.articles) {
    const title = cell(item.article.title);
    const source = cell(item.article.source);
    const toCodePoints = codePointOffsets(item.article.text);
    for (const p of passagesOf(item, tags)) {
      const a = p.annotation;
      rows.push(
        [
          title,
          source,
          cell(a.id),
          ...positionCells(p, toCodePoints),
          cell(p.passage),
          cell(p.tags.map(nameOf).join(TAG_SEPARATOR)),
          cell(a.comment),
          cell(a.createdAt),
          cell(a.updatedAt),
          cell(a.anchor),
          cell(pageText(p)),
        ].join(','),
      );
    }
  }
  return BOM + rows.join(CRLF) + CRLF;
}

/**
 * Spreadsheets run a cell that starts with = + - @ (or tab/CR, which some strip first) as a
 * formula; a leading apostrophe makes it text (OWASP's advice). Then RFC 4180 quoting.
 */
export function cell(value: string): string {
  return quoted(/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
}
