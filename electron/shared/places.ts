// Which pages (or chapters) a stretch of an article's text lies on: the one reading of the places
// an importer kept (model.ts Place), for the reader's margin, the panel and every export.
import type { Place, PlaceKind, Span } from './model';

/** The places a span runs over: the first it starts in and the last it ends in. */
export interface PlaceRange {
  first: Place;
  last: Place;
  /** Zero-based positions of first and last among the places of their kind. */
  firstIndex: number;
  lastIndex: number;
}

/** The places of one kind, in text order (places are stored ordered by start). */
export function placesOfKind(places: readonly Place[] | undefined, kind: PlaceKind): Place[] {
  return (places ?? []).filter((p) => p.kind === kind);
}

/** Index of the last place starting at or before `offset`, or -1 (binary search). */
function placeAt(places: readonly Place[], offset: number): number {
  let low = 0;
  let high = places.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (places[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/**
 * The places of `kind` a span lies on; undefined when the article has none of that kind. Text
 * before the first place (a PDF's first page always starts at 0, but a chapterless preface may
 * not) belongs to the first.
 */
export function placeRange(
  places: readonly Place[] | undefined,
  span: Span,
  kind: PlaceKind = 'page',
): PlaceRange | undefined {
  const ofKind = placesOfKind(places, kind);
  if (ofKind.length === 0) return undefined;
  const firstIndex = Math.max(0, placeAt(ofKind, span.start));
  // The end is exclusive: a passage ending exactly where page 5 begins is on page 4 only.
  const lastIndex = Math.max(firstIndex, placeAt(ofKind, Math.max(span.start, span.end - 1)));
  return { first: ofKind[firstIndex]!, last: ofKind[lastIndex]!, firstIndex, lastIndex };
}

/** The page labels a span lies on; undefined when the article has no pages. */
export interface Pages {
  first: string;
  last: string;
}

export function pagesOf(places: readonly Place[] | undefined, span: Span): Pages | undefined {
  const range = placeRange(places, span, 'page');
  return range && { first: range.first.label, last: range.last.label };
}

/**
 * "4", or "4–5" across a page break: an en dash, as style guides print ranges (and a spreadsheet
 * does not read it as a date, as it would "4-5").
 */
export function pageSpan(pages: Pages): string {
  return pages.first === pages.last ? pages.first : `${pages.first}–${pages.last}`;
}

/** How a citation says it: "p. 4", "pp. 4–5". */
export function citePages(pages: Pages): string {
  return `${pages.first === pages.last ? 'p.' : 'pp.'} ${pageSpan(pages)}`;
}
