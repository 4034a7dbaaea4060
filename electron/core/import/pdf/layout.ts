// A PDF's positioned text -> blocks in reading order, ready for the DocumentBuilder: furniture
// removed, columns read in turn, paragraphs rebuilt across line, column and page breaks,
// headings recognised, footnotes gathered at the end. Pure: no pdf.js, testable on made-up pages.
import type { Run } from '../document-builder';
import { readingOrder, type Flow } from './columns';
import { noteNumber, opensNote, takeFootnotes } from './footnotes';
import { keepsHyphen, LINE_END_HYPHEN, WORD } from './hyphenation';
import type { PdfPage } from './pdf-page';
import { withoutRunningLines } from './running-lines';
import { dominantSize, lineText, median, rowsOf, type Piece, type TextLine } from './text-lines';

export interface LaidOutBlock {
  type: 'heading' | 'paragraph';
  level?: number;
  runs: Run[];
}

export const NOTES_HEADING = 'Notes';

/** A line with what the paragraph rules need to know about where it stands. */
interface Placed {
  line: TextLine;
  flow: Flow;
  /** The flow's lines mostly end at its right edge: a short line there means something. */
  justified: boolean;
  /** What comes between it and the line before: nothing, a column break or a page break. */
  after: 'line' | 'column' | 'page';
}

interface Block {
  lines: Placed[];
  heading?: number;
}

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
    split.body.forEach((flow, i) => place(body, flow, i === 0 ? 'page' : 'column'));
    if (split.notes.length > 0) {
      const notesFlow = {
        lines: split.notes,
        x0: Math.min(...split.notes.map((l) => l.x0)),
        x1: Math.max(...split.notes.map((l) => l.x1)),
      };
      place(notes, notesFlow, 'page');
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

function place(into: Placed[], flow: Flow, after: 'page' | 'column'): void {
  const full = flow.lines.filter((l) => l.x1 >= flow.x1 - 1).length;
  const justified = flow.lines.length >= 3 && full >= flow.lines.length * 0.5;
  flow.lines.forEach((line, i) => into.push({ line, flow, justified, after: i ? 'line' : after }));
}

/** The usual distance between baselines for each font size (to half a point). */
function leadingBySize(lines: readonly Placed[]): (size: number) => number {
  const gaps = new Map<number, number[]>();
  const key = (size: number) => Math.round(size * 2) / 2;
  lines.forEach((placed, i) => {
    const previous = lines[i - 1];
    if (!previous || placed.after !== 'line') return;
    const { line } = placed;
    if (key(line.size) !== key(previous.line.size)) return;
    const gap = line.y - previous.line.y;
    if (gap > line.size * 0.8 && gap < line.size * 3) {
      const list = gaps.get(key(line.size));
      if (list) list.push(gap);
      else gaps.set(key(line.size), [gap]);
    }
  });
  // With few lines to go by (one-line paragraphs) the median is the paragraph spacing: no text
  // is set looser than one and a half lines apart but on purpose (double spacing is indented).
  const medians = new Map(
    [...gaps].map(([size, list]) => [size, Math.min(median(list) ?? size * 1.3, size * 1.5)]),
  );
  return (size) => medians.get(key(size)) ?? size * 1.3;
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

const SENTENCE_END = /[.!?:;"”’)\]]$/;
const LIST_MARKER = /^\s*(?:[•·▪◦‣∙*–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/;

interface ParagraphStyle {
  leading: (size: number) => number;
  /** Paragraphs open with an indented line (rather than after a gap). */
  indented: boolean;
}

/** Groups lines into paragraphs (and heading candidates): where a new block begins. */
function paragraphs(lines: readonly Placed[], style: ParagraphStyle, asNotes: boolean): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  lines.forEach((placed, i) => {
    const previous = lines[i - 1];
    const fresh = asNotes
      ? opensNote(placed.line) || (previous !== undefined && breaksBetween(previous, placed, style))
      : previous === undefined || breaksBetween(previous, placed, style);
    if (!current || fresh) {
      current = { lines: [] };
      blocks.push(current);
    }
    current.lines.push(placed);
  });
  return blocks;
}

const isShort = (p: Placed) => p.line.x1 < p.flow.x1 - 2 * p.line.size;
const endsSentence = (p: Placed) => SENTENCE_END.test(lineText(p.line).trim());
const isIndented = (p: Placed) => p.line.x0 > p.flow.x0 + 0.7 * p.line.size;

function breaksBetween(p: Placed, n: Placed, style: ParagraphStyle): boolean {
  const a = p.line;
  const b = n.line;
  if (Math.abs(a.size - b.size) > Math.max(a.size, b.size) * 0.1 || a.bold !== b.bold) return true;
  // An indented line after one at the edge opens a paragraph; a list item's wrapped lines are
  // indented under its marker and do not.
  const indented = isIndented(n) && (n.after !== 'line' || b.x0 > a.x0 + 0.5 * b.size);
  if (indented && !LIST_MARKER.test(lineText(a))) return true;
  if (n.after === 'line') {
    const gap = b.y - a.y;
    if (gap < 0 || gap > style.leading(b.size) * 1.35) return true;
    return p.justified && isShort(p) && endsSentence(p);
  }
  // Across a column or page break there is no gap to measure. Where paragraphs open indented,
  // a line at the edge carries on; elsewhere a paragraph ends there when its line stops short
  // after a sentence.
  return !style.indented && isShort(p) && endsSentence(p);
}

/**
 * Whether the document opens paragraphs with an indent: most lines after a paragraph's last
 * line (short, ending a sentence, in justified text) are indented.
 */
function opensIndented(lines: readonly Placed[]): boolean {
  let ends = 0;
  let indented = 0;
  lines.forEach((n, i) => {
    const p = lines[i - 1];
    if (!p || n.after !== 'line' || !p.justified || !isShort(p) || !endsSentence(p)) return;
    if (Math.abs(p.line.size - n.line.size) > n.line.size * 0.1) return;
    ends++;
    if (isIndented(n)) indented++;
  });
  return ends >= 3 && indented >= ends * 0.6;
}

/** Marks headings: larger than the body (levels by size, largest first) or short bold lines. */
function headingLevels(blocks: Block[], bodySize: number): void {
  const sizeOf = (block: Block) =>
    dominantSize(block.lines.map((p) => ({ text: lineText(p.line), size: p.line.size })));
  const candidates = blocks.map((block) => {
    const text = block.lines
      .map((p) => lineText(p.line))
      .join(' ')
      .trim();
    const size = sizeOf(block);
    const words = text.split(/\s+/).length;
    // Larger and bold, or much larger: an author line is often set a little larger, not bold.
    const bold = block.lines.every((p) => p.line.bold);
    const large =
      (size >= bodySize * 1.3 || (bold && size >= bodySize * 1.15)) &&
      block.lines.length <= 4 &&
      text.length <= 300;
    const boldLine =
      bold &&
      block.lines.length <= 2 &&
      text.length <= 120 &&
      !/[,;]$/.test(text) &&
      !(/[.!?]$/.test(text) && words >= 6);
    return { block, size: Math.round(size * 2) / 2, large, boldLine };
  });
  const sizes = [...new Set(candidates.filter((c) => c.large).map((c) => c.size))].sort(
    (a, b) => b - a,
  );
  for (const { block, size, large, boldLine } of candidates) {
    if (large) block.heading = Math.min(6, sizes.indexOf(size) + 1);
    else if (boldLine) block.heading = Math.min(6, sizes.length + 1);
  }
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

interface RunContext {
  pages: readonly PdfPage[];
  /** Pages whose place has been given already. */
  pagesSeen: Set<number>;
  vocabulary: ReadonlySet<string>;
  calls: ReadonlyMap<number, ReadonlySet<number>>;
  asNote: boolean;
}

/**
 * A block's runs: its lines joined by spaces (or rejoined at a hyphen), emphasis from bold and
 * italic fonts in body text, a page place where a page's first text is, note calls and note
 * numbers written as "[n]" (as the other importers write them).
 */
function runsOf(block: Block, context: RunContext): Run[] {
  const runs: Run[] = [];
  // The block's text so far, with its joins: a word hyphenated at a line end is judged whole
  // ("state-of-" "the-" "art" on three narrow lines).
  let written = '';
  const marked = block.heading === undefined;
  block.lines.forEach(({ line }, index) => {
    if (index > 0) {
      const first = /^\s*(\S*)/.exec(lineText(line))?.[1] ?? '';
      const end = written.trimEnd();
      const last = end.slice(end.lastIndexOf(' ') + 1);
      if (LINE_END_HYPHEN.test(end) && /^\p{L}/u.test(first)) {
        if (!keepsHyphen(last, first, context.vocabulary)) {
          dropHyphen(runs);
          written = end.slice(0, -1);
        }
      } else {
        runs.push({ text: ' ', marks: [] });
        written += ' ';
      }
    }
    if (!context.pagesSeen.has(line.page)) {
      context.pagesSeen.add(line.page);
      const label = context.pages[line.page]?.label ?? String(line.page + 1);
      runs.push({ place: { kind: 'page', label } });
    }
    line.pieces.forEach((piece, p) => {
      const text = shownText(piece, line.page, index === 0 && p === 0, context);
      const marks = [
        ...(marked && piece.bold ? [{ type: 'strong' as const }] : []),
        ...(marked && piece.italic ? [{ type: 'em' as const }] : []),
      ];
      runs.push({ text, marks });
      written += text;
    });
  });
  return runs;
}

/**
 * A piece as the text shows it: a raised number that calls a note on its page becomes "[n]",
 * and so does the number a note opens with, so the two find each other.
 */
function shownText(piece: Piece, page: number, opensBlock: boolean, context: RunContext): string {
  const number = /^(\s*)(\d{1,3})\s*$/.exec(piece.text);
  if (context.asNote) {
    if (!opensBlock) return piece.text;
    if (piece.superscript && number) return `${number[1]}[${number[2]}] `;
    return piece.text.replace(/^(\s*)(\d{1,3})[.)]?\s+/, '$1[$2] ');
  }
  if (piece.superscript && number && context.calls.get(page)?.has(Number(number[2])))
    return `${number[1]}[${number[2]}]`;
  return piece.text;
}

/** Takes the line-end hyphen (and any space after it) off the runs so far. */
function dropHyphen(runs: Run[]): void {
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (run && 'text' in run && run.text.trim() !== '') {
      runs[i] = { ...run, text: run.text.trimEnd().slice(0, -1) };
      return;
    }
    if (run && 'text' in run) runs[i] = { ...run, text: '' };
  }
}
