// A PDF's positioned text -> blocks in reading order, ready for the DocumentBuilder: furniture
// removed, columns read in turn, paragraphs rebuilt across line, column and page breaks,
// headings recognised, footnotes gathered at the end. Pure: no pdf.js, testable on made-up pages.
import type { Run } from '../document-builder';
import { runsOf } from './block-runs';
import { readingOrder } from './columns';
import { noteNumber, takeFootnotes } from './footnotes';
import { WORD } from './hyphenation';
import {
  headingLevels,
  leadingBySize,
  opensIndented,
  paragraphs,
  placeLines,
  type Block,
  type Placed,
} from './paragraphs';
import type { PdfPage } from './pdf-page';
import { withoutRunningLines } from './running-lines';
import { dominantSize, lineText, rowsOf } from './text-lines';

export interface LaidOutBlock {
  type: 'heading' | 'paragraph';
  level?: number;
  runs: Run[];
}

export const NOTES_HEADING = 'Notes';

export function layOut(pages: readonly PdfPage[]): LaidOutBlock[] {
  const rows = withoutRunningLines(
    pages.map((page) => rowsOf(page.items)),
    pages.map((page) => page.height),
  );
  const bodySize = dominantSize(rows.flat().flatMap((row) => row.items));
  const body: Placed[] = [];
  const notes: Placed[] = [];
  pages.forEach((page, index) => {
    const flows = readingOrder(rows[index] ?? [], page.width, index);
    const split = takeFootnotes(flows, bodySize, page.height);
    split.body.forEach((flow, i) => placeLines(body, flow, i === 0 ? 'page' : 'column'));
    if (split.notes.length > 0) {
      const notesFlow = {
        lines: split.notes,
        x0: Math.min(...split.notes.map((l) => l.x0)),
        x1: Math.max(...split.notes.map((l) => l.x1)),
      };
      placeLines(notes, notesFlow, 'page');
    }
  });

  const leading = leadingBySize([...body, ...notes]);
  const vocabulary = vocabularyOf([...body, ...notes]);
  const blocks = paragraphs(body, { leading, indented: opensIndented(body) }, false);
  headingLevels(blocks, bodySize);
  const noteBlocks = paragraphs(notes, { leading, indented: false }, true);

  const calls = noteNumbersByPage(noteBlocks);
  const out: LaidOutBlock[] = [];
  const pagesSeen = new Set<number>();
  const emit = (block: Block, asNote: boolean) =>
    out.push({
      type: block.heading === undefined ? 'paragraph' : 'heading',
      ...(block.heading !== undefined && { level: block.heading }),
      runs: runsOf(block, { pages, pagesSeen, vocabulary, calls, asNote }),
    });
  for (const block of blocks) emit(block, false);
  if (noteBlocks.length > 0) {
    const level = blocks.filter((b) => b.heading === 1).length === 1 ? 2 : 1;
    out.push({ type: 'heading', level, runs: [{ text: NOTES_HEADING, marks: [] }] });
    // The notes' own pages are marked again, so a passage quoted from a note knows its page.
    pagesSeen.clear();
    for (const block of noteBlocks) emit(block, true);
  }
  return out;
}

/** Words written inside lines (a line's last word may be half a word), to settle hyphens. */
function vocabularyOf(lines: readonly Placed[]): Set<string> {
  const words = new Set<string>();
  for (const { line } of lines) {
    const text = lineText(line).trimEnd();
    const inside = text
      .slice(0, text.lastIndexOf(' ') + 1)
      .toLowerCase()
      .replace(/\u2010/g, '-');
    for (const [word] of inside.matchAll(WORD)) words.add(word);
  }
  return words;
}

/** The note numbers each page has, so its raised call numbers can be told from exponents. */
function noteNumbersByPage(notes: readonly Block[]): Map<number, Set<number>> {
  const byPage = new Map<number, Set<number>>();
  for (const block of notes) {
    const first = block.lines[0]?.line;
    const number = first && noteNumber(first);
    if (!first || number === undefined) continue;
    const set = byPage.get(first.page) ?? new Set<number>();
    set.add(number);
    byPage.set(first.page, set);
  }
  return byPage;
}
