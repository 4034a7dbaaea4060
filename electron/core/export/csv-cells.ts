// What both CSV exports share: RFC 4180 quoting, positions in code points, one-line tag names.
import { joinTagPath, tagPathOf, type Tag } from '../../shared/model';
import { pageSpan } from '../../shared/places';
import type { ExportPassage } from './passages';

export const CRLF = '\r\n';

/** RFC 4180: a cell holding a quote, comma or line break is quoted, its quotes doubled. */
export function quoted(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Positions are code points into the article's current text, zero-based, end exclusive: the
 * W3C export's TextPositionSelector and REFI-QDA count the same way, and so does Python
 * (`text[start:end]`); in R it is `substr(text, start + 1, end)`. An orphan's offsets point at
 * nothing, so both cells stay empty (NA to R and pandas) rather than hold a wrong number.
 */
export function positionCells(
  p: ExportPassage,
  toCodePoints: (offset: number) => number,
): [string, string] {
  return p.orphaned ? ['', ''] : [String(toCodePoints(p.start)), String(toCodePoints(p.end))];
}

/**
 * "4" or "4–5" (never "4-5", which a spreadsheet turns into a date); empty when the article has
 * no pages or the passage no trusted place. Unquoted: a label is the file's text, so each CSV
 * quotes (and the Excel one guards) it like any other cell.
 */
export function pageText(p: ExportPassage): string {
  return p.pages ? pageSpan(p.pages) : '';
}

/**
 * The tag-name schema refuses control characters (and line/paragraph separators), so a name is
 * one line; a name stored before that rule may still hold one, and becomes a space here so the
 * newline between names in the Excel CSV's tags cell always splits them back exactly.
 */
export function oneLineName(tag: Tag): string {
  return tag.name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/**
 * A tag's path as one line (`Economy/Trade`): in the tree the same name may sit under two
 * parents, and a column of bare names could not tell them apart. A top-level tag's is its name.
 */
export function oneLinePath(tags: ReadonlyMap<string, Tag>): (tag: Tag) => string {
  return (tag) => joinTagPath(tagPathOf(tag, tags).map((name) => oneLineName({ ...tag, name })));
}

/** A notebook has few tags and many passages: each tag's cell text is made once per export. */
export function perTag<T>(make: (tag: Tag) => T): (tag: Tag) => T {
  const made = new Map<string, T>();
  return (tag) => {
    let value = made.get(tag.id);
    if (value === undefined) {
      value = make(tag);
      made.set(tag.id, value);
    }
    return value;
  };
}
