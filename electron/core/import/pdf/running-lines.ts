// Running headers, footers and page numbers: rows near the top or bottom edge of a page that
// repeat on other pages (the same text, or the same but for its numbers) at about the same
// height, and rows there that are nothing but a page number. They are the page's furniture, not
// the article, and would otherwise break paragraphs at every page turn.
import { textOf, type Row } from './text-lines';

/** How far from the page's top or bottom edge (share of its height) furniture sits. */
const EDGE_ZONE = 0.12;
/** Only the outermost rows at each edge are looked at: furniture is one or two lines. */
const EDGE_ROWS = 3;
/** Heights within this share of the page's height count as the same place. */
const SAME_HEIGHT = 0.03;
/** Seen on this share of the pages at least (and on two), a row is furniture. */
const REPEATED_SHARE = 0.3;

const PAGE_NUMBER =
  /^(?:(?:page|p\.|pp\.|seite|página|pagina|страница)\s*)?[-–—([]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)\]]?(?:\s*(?:of|\/|von|de|из)\s*\d{1,4})?$/i;

interface Candidate {
  page: number;
  row: Row;
  key: string;
  /** Its baseline as a share of the page's height. */
  at: number;
}

/** The pages' rows without their furniture. `heights` are the pages' heights in points. */
export function withoutRunningLines(
  pages: readonly (readonly Row[])[],
  heights: readonly number[],
): Row[][] {
  const candidates: Candidate[] = [];
  pages.forEach((rows, page) => {
    const height = heights[page] ?? 1;
    const top = rows.slice(0, EDGE_ROWS).filter((r) => r.y < height * EDGE_ZONE);
    const bottom = rows.slice(-EDGE_ROWS).filter((r) => r.y > height * (1 - EDGE_ZONE));
    for (const [edge, edgeRows] of [
      ['top', top],
      ['bottom', bottom],
    ] as const) {
      for (const row of edgeRows) {
        candidates.push({ page, row, key: `${edge} ${furnitureKey(row)}`, at: row.y / height });
      }
    }
  });

  const byKey = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const same = byKey.get(candidate.key);
    if (same) same.push(candidate);
    else byKey.set(candidate.key, [candidate]);
  }
  const furniture = new Set<Row>();
  const needed = Math.max(2, Math.ceil(pages.length * REPEATED_SHARE));
  for (const same of byKey.values()) {
    const at = same.map((c) => c.at).sort((a, b) => a - b)[Math.floor(same.length / 2)] ?? 0;
    const near = same.filter((c) => Math.abs(c.at - at) <= SAME_HEIGHT);
    if (new Set(near.map((c) => c.page)).size >= needed) near.forEach((c) => furniture.add(c.row));
  }
  for (const { row } of candidates) {
    if (PAGE_NUMBER.test(textOf(row.items).trim())) furniture.add(row);
  }
  return pages.map((rows) => rows.filter((row) => !furniture.has(row)));
}

/** The row's text with every number the same, so "Page 3 of 9" matches "Page 4 of 9". */
function furnitureKey(row: Row): string {
  return textOf(row.items).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}
