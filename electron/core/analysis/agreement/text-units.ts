// An article's sentences and paragraphs as units. Paragraphs are the model's blocks (headings,
// list items, table rows: every block is one unit); sentences are found within each block with
// Intl.Segmenter, so no sentence runs across two paragraphs. Search's sentence helper
// (search/occurrences.ts) widens one hit to its sentence; agreement needs every sentence of the
// text, so it segments here.
import type { Span } from '../../../shared/model';
import { STEP, type Steps } from '../steps';
import { segmentSentences } from '../../collation';

/** The blocks as units: in text order, empty ones left out, one overlapping the last skipped. */
export function paragraphSpans(blocks: readonly Span[], length: number): Span[] {
  if (blocks.length === 0) return length > 0 ? [{ start: 0, end: length }] : [];
  const sorted = blocks
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(length, end) }))
    .filter((b) => b.start < b.end)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  const out: Span[] = [];
  // A block inside another (only damage makes one) would count its text twice.
  for (const block of sorted) if (block.start >= (out.at(-1)?.end ?? 0)) out.push(block);
  return out;
}

/**
 * How much text one segmenter pass reads. V8's segmenter slows down steeply on long strings
 * (100,000 characters take seconds, 10,000 take milliseconds), so long blocks go in windows.
 */
const WINDOW = 4096;

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The sentences of every block, trimmed of white space, in text order; pauses between windows. */
export function* sentenceSpans(text: string, blocks: readonly Span[]): Steps<Span[]> {
  const out: Span[] = [];
  let since = 0;
  for (const block of paragraphSpans(blocks, text.length)) {
    let from = block.start;
    while (from < block.end) {
      let to = Math.min(block.end, from + WINDOW);
      if (to < block.end && isLowSurrogate(text.charCodeAt(to))) to--;
      const found: Span[] = [];
      for (const { index, segment } of segmentSentences(text.slice(from, to))) {
        found.push({ start: from + index, end: from + index + segment.length });
      }
      // The window's last sentence may go on past it: it is read again from its start, unless
      // it is the window's only one (a "sentence" longer than the window is cut there).
      const cut = to < block.end && found.length > 1 ? found.pop()!.start : to;
      for (const span of found) {
        const trimmed = trim(text, span);
        if (trimmed) out.push(trimmed);
      }
      from = cut;
      since += found.length;
      if (since >= STEP) {
        since = 0;
        yield;
      }
    }
  }
  return out;
}

function trim(text: string, { start, end }: Span): Span | null {
  const segment = text.slice(start, end);
  const from = start + segment.length - segment.trimStart().length;
  const to = start + segment.trimEnd().length;
  return from < to ? { start: from, end: to } : null;
}
