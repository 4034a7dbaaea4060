// Turns the analyst's edited plain text into a new body: blocks are the text's paragraphs, and
// each keeps the type (heading, quote, table row, …), attributes (level, number, header) and
// inline marks of the old block it came from.
import type { ArticleBody, Block, Mark, Place } from '../../shared/model';
import { canonicalBlock } from '../store/bodies';

// A blank line, and the space that opens the next paragraph, but never its tab (an empty cell).
const PARAGRAPH_BREAK = /\n[ \t]*\n[^\S\t]*/g;
// White space: a table row's edge tabs (its empty first and last cells) are kept apart from it.
const EDGE_SPACE = /^\s$/;

/**
 * NFC, \n line ends, no control characters, no trailing spaces on lines. Tabs stay: they
 * separate a table row's cells, and a row that ends in an empty cell ends in a tab.
 */
export function normaliseEditedText(text: string): string {
  let out = text.normalize('NFC');
  // Each pass is a scan of megabytes: one that can have nothing to do is skipped.
  if (out.includes('\r')) out = out.replace(/\r\n?/g, '\n');
  out = out.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
  out = /[\u2028\u2029]/.test(out)
    ? out.replace(/[^\S\n\t]+$/gm, '').replace(/^[ \t]+$/gm, '')
    : trimLines(out);
  if (out.includes('\n\n\n')) out = out.replace(/\n{3,}/g, '\n\n');
  return trimEdges(out);
}

/** White space other than a tab or a line feed (`[^\S\n\t]`), by char code. */
function isLineSpace(code: number): boolean {
  if (code === 0x20) return true;
  if (code < 0x80) return code === 0x0b || code === 0x0c || code === 0x0d;
  return WIDE_SPACE.test(String.fromCharCode(code));
}
const WIDE_SPACE = /^[^\S\n\t]$/;

/**
 * What `.replace(/[^\S\n\t]+$/gm, '').replace(/^[ \t]+$/gm, '')` gives for a text whose only line
 * terminator is \n: each line loses its trailing white space (not tabs), and a line left of
 * spaces and tabs only is emptied. One walk from line end to line end instead of two regular
 * expressions tried at every space of a 3 MB text.
 */
function trimLines(text: string): string {
  const kept: string[] = [];
  let from = 0; // the text before `from` is in `kept` already
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let trimmed = end;
    while (trimmed > start && isLineSpace(text.charCodeAt(trimmed - 1))) trimmed--;
    let blank = trimmed > start;
    for (let i = start; blank && i < trimmed; i++) {
      const code = text.charCodeAt(i);
      blank = code === 0x20 || code === 0x09;
    }
    if (blank) trimmed = start;
    if (trimmed !== end) {
      kept.push(text.slice(from, trimmed));
      from = end;
    }
    start = end + 1;
  }
  if (kept.length === 0) return text;
  kept.push(text.slice(from));
  return kept.join('');
}

/** The text without white space other than tabs at its start and end (EDGE_SPACE). */
function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isEdgeSpace(text.charCodeAt(start))) start++;
  while (end > start && isEdgeSpace(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const isEdgeSpace = (code: number) => code !== 0x09 && EDGE_SPACE.test(String.fromCharCode(code));

interface Span {
  start: number;
  end: number;
}

/**
 * Whether a paragraph (as `paragraphs` cut it: its edges white space only if tabs) starts or ends
 * with a tab, so that trimming would change it. Most don't: two trimmed copies of each of 30,000
 * paragraphs were a tenth of an edit's time.
 */
const hasEdgeTab = (content: string) =>
  content.charCodeAt(0) === 0x09 || content.charCodeAt(content.length - 1) === 0x09;

/** Paragraph spans of `text`, separated by blank lines, trimmed of all but tabs. */
function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  let from = 0;
  const push = (start: number, end: number) => {
    while (start < end && isEdgeSpace(text.charCodeAt(start))) start++;
    while (end > start && isEdgeSpace(text.charCodeAt(end - 1))) end--;
    // Empty, or tabs (and spaces between them) only, is no paragraph; a tab first is rare.
    const blank =
      start === end || (text.charCodeAt(start) === 0x09 && text.slice(start, end).trim() === '');
    if (!blank) spans.push({ start, end });
  };
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(from, match.index);
    from = match.index + match[0].length;
  }
  push(from, text.length);
  return spans;
}

export function editBody(old: ArticleBody, editedText: string): ArticleBody {
  const text = normaliseEditedText(editedText);
  const oldTexts = old.blocks.map((b) => old.text.slice(b.start, b.end));
  const unmatched = new Map<string, number[]>();
  oldTexts.forEach((t, i) => {
    const same = unmatched.get(t);
    if (same) same.push(i);
    else unmatched.set(t, [i]);
  });
  const marksOf = groupMarks(old);

  const spans = paragraphs(text);
  const contents = spans.map((span) => text.slice(span.start, span.end));
  // How many of each paragraph text are still to come, to tell an insertion from an edit.
  const ahead = new Map<string, number>();
  for (const c of contents) ahead.set(c, (ahead.get(c) ?? 0) + 1);

  const blocks: Block[] = [];
  const marks: Mark[] = [];
  // By old block index; most old blocks are kept, so an array rather than a map.
  const kept: Array<KeptBlock | undefined> = new Array(old.blocks.length);
  let lastOld = -1;
  spans.forEach((span, j) => {
    let content = contents[j]!;
    ahead.set(content, ahead.get(content)! - 1);
    const same = takeAfter(unmatched.get(content), lastOld);
    let from = same;
    if (from === undefined && lastOld + 1 < old.blocks.length) {
      // A changed paragraph is the old one that followed the last unchanged one (an edit in
      // place), unless that old one still comes later unchanged: then this one was inserted.
      const next = oldTexts[lastOld + 1]!;
      if (!ahead.get(next)) from = lastOld + 1;
    }
    if (from !== undefined) lastOld = from;
    const source = from === undefined ? undefined : old.blocks[from];
    const type = source?.type ?? 'paragraph';
    let start = span.start;
    if (type !== 'table-row' && hasEdgeTab(content)) {
      // Only a table row keeps edge tabs; elsewhere they are indentation, as spaces are.
      start += content.length - content.trimStart().length;
      content = content.trim();
    }
    blocks.push(
      canonicalBlock({
        type,
        level: source?.level,
        number: source?.number,
        header: source?.header || undefined,
        start,
        end: start + content.length,
      }),
    );
    if (source === undefined || from === undefined) return;
    kept[from] = { start, content, unchanged: same !== undefined };
    for (const mark of marksOf.get(from) ?? []) {
      const placed = placeMark(old.text, source, mark, content, start, same !== undefined);
      if (placed) marks.push(placed);
    }
  });
  const places = old.places && carryPlaces(old, kept);
  return { text, blocks, marks, ...(places && places.length > 0 && { places }) };
}

/** Where an old block's text went: its new start and content, and whether it was left as it was. */
interface KeptBlock {
  start: number;
  content: string;
  unchanged: boolean;
}

/**
 * A page (or chapter) keeps beginning where it began: at the same word of an unchanged
 * paragraph, at the same offset of an edited one (moved to the next word), or, when its
 * paragraph was deleted, at the next paragraph that is still there.
 */
function carryPlaces(old: ArticleBody, kept: ReadonlyArray<KeptBlock | undefined>): Place[] {
  const places: Place[] = [];
  let b = 0;
  for (const place of old.places ?? []) {
    while (b < old.blocks.length - 1 && old.blocks[b]!.end <= place.start) b++;
    let target = kept[b];
    let offset = place.start - old.blocks[b]!.start;
    if (target === undefined) {
      offset = 0;
      for (let next = b + 1; next < old.blocks.length && !target; next++) target = kept[next];
    }
    if (!target) continue;
    offset = Math.min(Math.max(offset, 0), target.content.length - 1);
    while (offset < target.content.length - 1 && /\s/.test(target.content.charAt(offset))) offset++;
    places.push({ kind: place.kind, label: place.label, start: target.start + offset });
  }
  return places.sort((x, y) => x.start - y.start);
}

function groupMarks(body: ArticleBody): Map<number, Mark[]> {
  const byBlock = new Map<number, Mark[]>();
  let b = 0;
  for (const mark of [...body.marks].sort((x, y) => x.start - y.start)) {
    while (b < body.blocks.length && body.blocks[b]!.end <= mark.start) b++;
    if (b === body.blocks.length) break;
    byBlock.set(b, [...(byBlock.get(b) ?? []), mark]);
  }
  return byBlock;
}

function takeAfter(candidates: number[] | undefined, after: number): number | undefined {
  if (!candidates) return undefined;
  const at = candidates.findIndex((i) => i > after);
  return at === -1 ? undefined : candidates.splice(at, 1)[0];
}

/** Keeps a mark where its words still are: same offset if unchanged, else their one occurrence. */
function placeMark(
  oldText: string,
  oldBlock: Block,
  mark: Mark,
  content: string,
  blockStart: number,
  unchanged: boolean,
): Mark | undefined {
  const offset = mark.start - oldBlock.start;
  const length = mark.end - mark.start;
  const words = oldText.slice(mark.start, mark.end);
  let at: number | undefined;
  if (unchanged || content.slice(offset, offset + length) === words) at = offset;
  else {
    const first = content.indexOf(words);
    if (first !== -1 && content.indexOf(words, first + 1) === -1) at = first;
  }
  if (at === undefined || length === 0) return undefined;
  return { ...mark, start: blockStart + at, end: blockStart + at + length };
}
