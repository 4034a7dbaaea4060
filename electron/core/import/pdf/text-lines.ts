// From positioned pieces of text to rows (everything on one baseline across the page) and lines
// (a row's part within one column): the units the rest of the layout reasons about.
import type { PdfTextItem } from './pdf-page';

/** Items sharing a baseline across the whole page, left to right. */
export interface Row {
  items: PdfTextItem[];
  /** The baseline of its largest text. */
  y: number;
  size: number;
}

/** A run of text in one style within a line; `superscript` for raised, smaller text. */
export interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
  superscript: boolean;
}

export interface TextLine {
  pieces: Piece[];
  /** Left and right ends, baseline, and the size most of its characters have. */
  x0: number;
  x1: number;
  y: number;
  size: number;
  /** Every letter in it is bold. */
  bold: boolean;
  /** 0-based index of its page. */
  page: number;
}

/**
 * Groups a page's items by baseline: within a quarter of the larger size, so two columns whose
 * lines do not quite line up make separate rows. A raised call number or a lowered index then
 * makes a row of its own, and goes back on its line (withRaisedText); one on a row shared with
 * the other column's text goes back once the columns are known.
 */
export function rowsOf(items: readonly PdfTextItem[]): Row[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const rows: Row[] = [];
  let row: Row | undefined;
  for (const item of sorted) {
    if (row && Math.abs(item.y - row.y) <= Math.max(row.size, item.size) * 0.25) {
      row.items.push(item);
      if (item.size > row.size) {
        row.size = item.size;
        row.y = item.y;
      }
    } else {
      row = { items: [item], y: item.y, size: item.size };
      rows.push(row);
    }
  }
  return withRaisedText(rows.map((r) => r.items)).map((items) => {
    const largest = items.reduce((a, b) => (b.size > a.size ? b : a));
    return { items, y: largest.y, size: largest.size };
  });
}

/**
 * Puts smaller raised text (a note call) on the line below it and smaller lowered text (an
 * index) on the line above, when it lies within that line's width. `lines` are one column's
 * rows, top to bottom.
 */
export function withRaisedText(lines: readonly (readonly PdfTextItem[])[]): PdfTextItem[][] {
  const out = lines.map((items) => [...items].sort((a, b) => a.x - b.x));
  const sizeOf = (items: readonly PdfTextItem[]) => Math.max(...items.map((i) => i.size));
  const baseline = (items: readonly PdfTextItem[]) =>
    items.reduce((a, b) => (b.size > a.size ? b : a)).y;
  const within = (small: readonly PdfTextItem[], line: readonly PdfTextItem[], em: number) =>
    small.every((i) => line.some((j) => i.x < j.x + j.width + em && i.x + i.width > j.x - em));
  for (let i = 0; i < out.length; i++) {
    const small = out[i];
    if (!small || small.length === 0) continue;
    const size = sizeOf(small);
    const below = out.slice(i + 1).find((l) => l.length > 0);
    const above = out.slice(0, i).findLast((l) => l.length > 0);
    for (const [line, raised] of [
      [below, true],
      [above, false],
    ] as const) {
      if (!line) continue;
      const em = sizeOf(line);
      const drop = raised ? baseline(line) - baseline(small) : baseline(small) - baseline(line);
      if (
        size < em * 0.9 &&
        drop > 0 &&
        drop <= em * (raised ? 0.6 : 0.4) &&
        within(small, line, em)
      ) {
        line.push(...small);
        line.sort((a, b) => a.x - b.x);
        out[i] = [];
        break;
      }
    }
  }
  return out.filter((items) => items.length > 0);
}

/** The text a row or line shows, pieces joined as lineOf joins them. */
export function textOf(items: readonly PdfTextItem[]): string {
  return lineOf(items, 0)
    .pieces.map((p) => p.text)
    .join('');
}

/** One line from items on one baseline within one column. */
export function lineOf(items: readonly PdfTextItem[], page: number): TextLine {
  const size = dominantSize(items);
  const main = items.filter((i) => i.size >= size * 0.9);
  const y = median(main.map((i) => i.y)) ?? items[0]?.y ?? 0;
  const rtlChars = items.reduce((n, i) => n + (i.rtl ? i.text.length : 0), 0);
  const allChars = items.reduce((n, i) => n + i.text.length, 0);
  const rtl = rtlChars * 2 > allChars;
  const ordered = [...items].sort((a, b) => (rtl ? b.x - a.x : a.x - b.x));

  const pieces: Piece[] = [];
  let previous: PdfTextItem | undefined;
  for (const item of ordered) {
    // Some producers fake bold by drawing the same text twice, a hair apart.
    if (previous && previous.text === item.text && Math.abs(previous.x - item.x) < item.size * 0.2)
      continue;
    const superscript = item.size < size * 0.9 && item.y < y - size * 0.15;
    const style = { bold: item.bold, italic: item.italic, superscript };
    let text = item.text;
    if (previous && needsSpace(previous, item, rtl)) text = ` ${text}`;
    const last = pieces.at(-1);
    if (last && sameStyle(last, style)) last.text += text;
    else pieces.push({ text, ...style });
    previous = item;
  }
  let letters = 0;
  let boldLetters = 0;
  for (const item of items) {
    const count = item.text.replace(NOT_LETTER, '').length;
    letters += count;
    if (item.bold) boldLetters += count;
  }
  return {
    pieces,
    x0: Math.min(...items.map((i) => i.x)),
    x1: Math.max(...items.map((i) => i.x + i.width)),
    y,
    size,
    bold: letters > 0 && boldLetters === letters,
    page,
  };
}

const NOT_LETTER = /[^\p{L}]/gu;

/** A gap wider than a fifth of the font size is a space the file did not write out. */
function needsSpace(previous: PdfTextItem, item: PdfTextItem, rtl: boolean): boolean {
  if (/\s$/.test(previous.text) || /^\s/.test(item.text)) return false;
  const gap = rtl ? previous.x - (item.x + item.width) : item.x - (previous.x + previous.width);
  return gap > Math.min(previous.size, item.size) * 0.2;
}

function sameStyle(a: Omit<Piece, 'text'>, b: Omit<Piece, 'text'>): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.superscript === b.superscript;
}

/** The size most characters have (to a tenth of a point), so a call number doesn't count. */
export function dominantSize(items: readonly { text: string; size: number }[]): number {
  const chars = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.size * 10) / 10;
    chars.set(size, (chars.get(size) ?? 0) + item.text.length);
  }
  let best = 0;
  let most = -1;
  for (const [size, count] of chars) {
    if (count > most || (count === most && size > best)) [best, most] = [size, count];
  }
  return best;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export const lineText = (line: TextLine) => line.pieces.map((p) => p.text).join('');
