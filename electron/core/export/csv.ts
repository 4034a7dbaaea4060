// CSV export for spreadsheets (RFC 4180): one row per annotated passage, UTF-8 with a BOM so
// Excel reads the letters right, and cells guarded against formula injection.
import { passagesOf, tagIndex } from './passages';
import type { ExportRequest } from './types';

export const CSV_HEADER = [
  'article',
  'source',
  'annotation_id',
  'start',
  'end',
  'passage',
  'tags',
  'comment',
  'created_at',
  'updated_at',
  'anchor',
] as const;

const BOM = '\uFEFF';
const CRLF = '\r\n';

export function renderCsv(request: ExportRequest): string {
  const tags = tagIndex(request.tags);
  const rows: string[] = [CSV_HEADER.map(cell).join(',')];
  for (const item of request.articles) {
    const title = cell(item.article.title);
    const source = cell(item.article.source);
    for (const p of passagesOf(item, tags)) {
      const a = p.annotation;
      rows.push(
        [
          title,
          source,
          cell(a.id),
          // An orphan's offsets point at nothing; an empty cell says so better than a wrong number.
          p.orphaned ? '' : String(p.start),
          p.orphaned ? '' : String(p.end),
          cell(p.passage),
          cell(p.tags.map((tag) => tag.name).join('; ')),
          cell(a.comment),
          cell(a.createdAt),
          cell(a.updatedAt),
          cell(a.anchor),
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
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
