// A disagreement's text as the views draw it: a short snippet for lists, and the text around the
// stretch cut into runs, each knowing whether it is in the stretch, in A's or B's passages and in
// the edited span, so the adjudication view can mark them (and map a selection back to offsets).
import type { Disagreement } from '../../../../electron/shared/agreement';
import type { Span } from '../../../../electron/shared/model';

/** Characters of context a list shows each side of the stretch. */
const SNIPPET_CONTEXT = 60;
/** The longest stretch a list shows whole; past it, its middle is left out. */
const SNIPPET_TEXT = 240;

export function snippetOf(d: Disagreement): { before: string; text: string; after: string } {
  const before =
    d.before.length > SNIPPET_CONTEXT ? `…${d.before.slice(-SNIPPET_CONTEXT)}` : d.before;
  const after =
    d.after.length > SNIPPET_CONTEXT ? `${d.after.slice(0, SNIPPET_CONTEXT)}…` : d.after;
  const half = SNIPPET_TEXT / 2;
  const text =
    d.text.length > SNIPPET_TEXT ? `${d.text.slice(0, half)} … ${d.text.slice(-half)}` : d.text;
  return { before, text, after };
}

/** Where the shown text (before + stretch + after) lies in the article. */
export function shownRange(d: Disagreement): Span {
  return { start: d.span.start - d.before.length, end: d.span.end + d.after.length };
}

export const shownText = (d: Disagreement) => d.before + d.text + d.after;

export interface Run {
  /** Article offsets. */
  start: number;
  end: number;
  text: string;
  stretch: boolean;
  a: boolean;
  b: boolean;
  edit: boolean;
}

const within = (spans: readonly Span[], at: number) =>
  spans.some((s) => s.start <= at && at < s.end);

/** The shown text cut wherever one of the marks begins or ends. */
export function runsOf(d: Disagreement, edit: Span | null): Run[] {
  const range = shownRange(d);
  const text = shownText(d);
  const a = d.a.map((p) => p.span);
  const b = d.b.map((p) => p.span);
  const cuts = new Set([range.start, range.end, d.span.start, d.span.end]);
  for (const s of [...a, ...b, ...(edit ? [edit] : [])]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((p) => p >= range.start && p <= range.end).sort((x, y) => x - y);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    runs.push({
      start,
      end,
      text: text.slice(start - range.start, end - range.start),
      stretch: start >= d.span.start && end <= d.span.end,
      a: within(a, start),
      b: within(b, start),
      edit: edit !== null && edit.start <= start && end <= edit.end,
    });
  }
  return runs;
}

/** The span an edit starts from: both coders' passages together, within the shown text. */
export function initialEdit(d: Disagreement): Span {
  const range = shownRange(d);
  const spans = [d.span, ...d.a.map((p) => p.span), ...d.b.map((p) => p.span)];
  return {
    start: Math.max(range.start, Math.min(...spans.map((s) => s.start))),
    end: Math.min(range.end, Math.max(...spans.map((s) => s.end))),
  };
}

/**
 * Moves one end of the edited span by a character or a word, kept inside the shown text and
 * never empty.
 */
export function moveEdge(
  d: Disagreement,
  span: Span,
  edge: 'start' | 'end',
  direction: 1 | -1,
  byWord: boolean,
): Span {
  const range = shownRange(d);
  const text = shownText(d);
  const from = span[edge];
  let to = from + direction;
  if (byWord) {
    // To the next word's edge: past any spaces, then past the word's letters.
    const at = (offset: number) => text[offset - range.start] ?? ' ';
    const charAt = (offset: number) => (direction === 1 ? at(offset) : at(offset - 1));
    to = from;
    while (to !== range.start && to !== range.end && /\s/u.test(charAt(to))) to += direction;
    while (to !== range.start && to !== range.end && !/\s/u.test(charAt(to))) to += direction;
  }
  to = Math.max(range.start, Math.min(range.end, to));
  const next = { ...span, [edge]: to };
  if (next.start >= next.end) return span;
  return next;
}

/** An article offset from a point in the shown text: a run element and an offset inside it. */
export function offsetAt(node: Node | null, offset: number): number | null {
  const element = node instanceof Element ? node : node?.parentElement;
  const run = element?.closest<HTMLElement>('[data-o]');
  if (!run) return null;
  const start = Number(run.dataset.o);
  if (!Number.isInteger(start)) return null;
  // A point on the run element itself counts its children, not characters: 0 is its start.
  if (node === run) return offset === 0 ? start : start + (run.textContent?.length ?? 0);
  return start + offset;
}
