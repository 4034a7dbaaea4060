// Footnotes: the smaller lines at the foot of a page (of a column, in two-column layouts) that
// open with a note number or symbol. They are taken out of the body so they never split its
// paragraphs; the layout gathers them in a "Notes" section at the end of the article.
import type { Flow } from './columns';
import { lineText, type TextLine } from './text-lines';

/** Notes are set smaller than the body: at most this share of its size. */
const NOTE_SIZE = 0.88;
/** A page's notes take at most this share of its height; more is a small-print section. */
const MAX_NOTES_SHARE = 0.45;

const MARKER = /^\s*(?:\d{1,3}|[*†‡§¶]{1,3})(?=[\s.)]|\p{Lu}|$)/u;
const NUMBER = /^\s*\[?(\d{1,3})[\].)]?/;

/** Whether a note line opens a note: a number or a note symbol, raised or not. */
export function opensNote(line: TextLine): boolean {
  const first = line.pieces[0];
  if (first?.superscript && /^\s*(?:\d{1,3}|[*†‡§¶]{1,3})\s*$/u.test(first.text)) return true;
  return MARKER.test(lineText(line));
}

/** The note's number when it opens with one. */
export function noteNumber(line: TextLine): number | undefined {
  const found = NUMBER.exec(lineText(line));
  return found?.[1] === undefined ? undefined : Number(found[1]);
}

/**
 * Splits a page's flows into body and notes. A flow's trailing lines are notes when they are
 * small, nothing of body size lies below them in their width, one of them opens a note, and
 * they do not follow a heading (a small-print "References" section does).
 */
export function takeFootnotes(
  flows: readonly Flow[],
  bodySize: number,
  pageHeight: number,
): { body: Flow[]; notes: TextLine[] } {
  const large = flows.flatMap((f) => f.lines).filter((l) => l.size > bodySize * NOTE_SIZE);
  const clearBelow = (line: TextLine) =>
    !large.some((b) => b.y > line.y && b.x0 < line.x1 && b.x1 > line.x0);
  const runs = flows.map((flow) => {
    let start = flow.lines.length;
    while (start > 0) {
      const line = flow.lines[start - 1];
      if (!line || line.size > bodySize * NOTE_SIZE || !clearBelow(line)) break;
      start--;
    }
    const run = flow.lines.slice(start);
    const before = flow.lines[start - 1];
    const afterHeading = before !== undefined && (before.bold || before.size > bodySize * 1.1);
    return run.some(opensNote) && !afterHeading ? start : flow.lines.length;
  });
  const notes = flows.flatMap((flow, i) => flow.lines.slice(runs[i]));
  if (notes.length === 0) return { body: [...flows], notes };
  const top = Math.min(...notes.map((l) => l.y - l.size));
  const bottom = Math.max(...notes.map((l) => l.y));
  if (bottom - top > pageHeight * MAX_NOTES_SHARE) return { body: [...flows], notes: [] };
  const body = flows
    .map((flow, i) => ({ ...flow, lines: flow.lines.slice(0, runs[i]) }))
    .filter((flow) => flow.lines.length > 0);
  return { body, notes };
}
