// Labels that fit a chart's margin. A tag path keeps its end (the tag's own name) and loses its
// start; a title keeps its start. The full text goes in the SVG's <title> beside the short one.

/** At most `max` characters (code points, so an emoji is never cut in half). */
export function truncateStart(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `…${chars.slice(chars.length - Math.max(1, max - 1)).join('')}`;
}

export function truncateEnd(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}

/** How many characters of 12 px text fit in `width` pixels (a UI font's average glyph). */
export const charsIn = (width: number, fontSize = 12) =>
  Math.max(4, Math.floor(width / (fontSize * 0.58)));
