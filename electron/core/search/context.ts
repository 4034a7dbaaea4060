// The line of text shown with a hit: the words around the first match, as many further matches as
// fit, cut at word boundaries and on one line (newlines become spaces, so a result row stays one
// row). Offsets of the matches are given into that line, for the renderer to mark as text.
import type { SearchContext } from '../../shared/search';
import type { Span } from '../../shared/model';

/** Characters shown before the first match, and in all. */
const BEFORE = 60;
const WIDTH = 180;

/**
 * The context of `matches` (offsets into `text`, in order) within `region` of the text (a
 * paragraph, a comment): never reaches outside the region.
 */
export function contextOf(text: string, region: Span, matches: readonly Span[]): SearchContext {
  const first = matches[0] ?? { start: region.start, end: region.start };
  let start = Math.max(region.start, first.start - BEFORE);
  let end = Math.min(region.end, Math.max(start + WIDTH, first.end));
  // Cut at the nearest space so no word is shown in part, unless that would hide the match.
  if (start > region.start) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first.start) start = space + 1;
  }
  if (end < region.end) {
    const space = text.lastIndexOf(' ', end);
    if (space > first.end) end = space;
  }
  // Never split a surrogate pair: an emoji cut in half would show as a replacement character.
  if (isLowSurrogate(text.charCodeAt(start))) start--;
  if (isLowSurrogate(text.charCodeAt(end))) end++;
  const line = text.slice(start, end).replace(/[\r\n\u2028\u2029\t]/g, ' ');
  return {
    text: line,
    matches: matches
      .filter((m) => m.start >= start && m.end <= end)
      .map((m) => ({ start: m.start - start, end: m.end - start })),
    clippedStart: start > region.start,
    clippedEnd: end < region.end,
  };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
