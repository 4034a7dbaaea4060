// The "long" CSV for R and pandas: one row per passage and tag (tidy data), plain UTF-8 and
// RFC 4180, every value exactly as stored.
import { codePointOffsets } from './code-points';
import { CRLF, oneLinePath, pageText, perTag, positionCells, quoted } from './csv-cells';
import { passagesOf, tagIndex } from './passages';
import type { ExportRequest } from './types';

export const LONG_CSV_HEADER = [
  'article_id',
  'article',
  'source',
  'annotation_id',
  'start_codepoint',
  'end_codepoint',
  'passage',
  'tag',
  'tag_id',
  'comment',
  'created_at',
  'updated_at',
  'anchor',
  // Last, so scripts that read the columns by position before pages existed still work.
  'page',
] as const;

/** A passage without tags still gets its row, with empty tag cells, so no passage goes missing. */
const NO_TAG = ',';

/**
 * No BOM: pandas (utf-8) and readr would read it into the first column's name. No formula guard:
 * R and pandas run no formulas, and an apostrophe before "-5%" or "=" would change the data a
 * script counts and compares; the Excel CSV keeps the guard.
 */
export function renderLongCsv(request: ExportRequest): string {
  const tags = tagIndex(request.tags);
  const pathOf = oneLinePath(tags);
  const tagCells = perTag((tag) => `${quoted(pathOf(tag))},${quoted(tag.id)}`);
  const rows: string[] = [LONG_CSV_HEADER.join(',')];
  for (const item of request.articles) {
    const article = `${quoted(item.article.id)},${quoted(item.article.title)},${quoted(item.article.source)}`;
    const toCodePoints = codePointOffsets(item.article.text);
    for (const p of passagesOf(item, tags)) {
      const a = p.annotation;
      // Everything but the tag is the same on each of the passage's rows: joined once.
      const before = [article, quoted(a.id), ...positionCells(p, toCodePoints), quoted(p.passage)];
      const head = before.join(',');
      const tail = [
        quoted(a.comment),
        quoted(a.createdAt),
        quoted(a.updatedAt),
        a.anchor,
        quoted(pageText(p)),
      ].join(',');
      if (p.tags.length === 0) rows.push(`${head},${NO_TAG},${tail}`);
      for (const tag of p.tags) rows.push(`${head},${tagCells(tag)},${tail}`);
    }
  }
  return rows.join(CRLF) + CRLF;
}
