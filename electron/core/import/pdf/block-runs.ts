// A laid-out block's runs for the DocumentBuilder: lines joined by spaces or rejoined at a
// hyphen, emphasis from the fonts, page places where each page's text begins, note calls and
// note numbers written as "[n]".
import type { Run } from '../document-builder';
import { keepsHyphen, LINE_END_HYPHEN } from './hyphenation';
import type { Block } from './paragraphs';
import type { PdfPage } from './pdf-page';
import { lineText, type Piece } from './text-lines';

export interface RunContext {
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
export function runsOf(block: Block, context: RunContext): Run[] {
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
