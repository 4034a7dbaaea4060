// Lines in reading order -> paragraphs and headings: where a block begins (a change of size or
// weight, a gap wider than the line spacing, an indent, a short line that ends a sentence) and
// which blocks are headings (larger than the body, or a short bold line).
import type { Flow } from './columns';
import { opensNote } from './footnotes';
import { dominantSize, lineText, median, type TextLine } from './text-lines';

/** A line with what the paragraph rules need to know about where it stands. */
export interface Placed {
  line: TextLine;
  flow: Flow;
  /** The flow's lines mostly end at its right edge: a short line there means something. */
  justified: boolean;
  /** What comes between it and the line before: nothing, a column break or a page break. */
  after: 'line' | 'column' | 'page';
}

export interface Block {
  lines: Placed[];
  heading?: number;
}

/** A flow's lines, each with where it stands; the first after a column or page break. */
export function placeLines(into: Placed[], flow: Flow, after: 'page' | 'column'): void {
  const full = flow.lines.filter((l) => l.x1 >= flow.x1 - 1).length;
  const justified = flow.lines.length >= 3 && full >= flow.lines.length * 0.5;
  flow.lines.forEach((line, i) => into.push({ line, flow, justified, after: i ? 'line' : after }));
}

/** The usual distance between baselines for each font size (to half a point). */
export function leadingBySize(lines: readonly Placed[]): (size: number) => number {
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

const SENTENCE_END = /[.!?:;"”’)\]]$/;
const LIST_MARKER = /^\s*(?:[•·▪◦‣∙*–—-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/;

export interface ParagraphStyle {
  leading: (size: number) => number;
  /** Paragraphs open with an indented line (rather than after a gap). */
  indented: boolean;
}

/** Groups lines into paragraphs (and heading candidates): where a new block begins. */
export function paragraphs(
  lines: readonly Placed[],
  style: ParagraphStyle,
  asNotes: boolean,
): Block[] {
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
export function opensIndented(lines: readonly Placed[]): boolean {
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
export function headingLevels(blocks: Block[], bodySize: number): void {
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
