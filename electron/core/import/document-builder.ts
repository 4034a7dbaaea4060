// Turns blocks of inline runs into a CanonicalDocument: the one place that decides the text and
// computes every offset, so all importers agree on whitespace, NFC and how marks are measured.
import {
  LIMITS,
  type Block,
  type BlockType,
  type CanonicalDocument,
  type Mark,
  type MarkType,
  type Place,
  type PlaceKind,
} from '../../shared/model';

export interface MarkSpec {
  type: MarkType;
  href?: string;
}

/**
 * A piece of inline text with the marks that cover it, a hard line break, or (in a table row)
 * the boundary between two cells, which becomes a tab.
 */
export type Run =
  | { text: string; marks: readonly MarkSpec[] }
  | { lineBreak: true }
  | { cellBreak: true }
  | PlaceRun;

/**
 * Where a page (or chapter, section) begins inside a block: a paragraph a PDF carries over a page
 * break has its page's start in the middle. Takes no room in the text.
 */
export interface PlaceRun {
  place: { kind: PlaceKind; label: string };
}

/** What a block carries besides its type and text. */
export type BlockAttrs = Pick<Block, 'level' | 'number' | 'header'>;

/**
 * collapse: HTML and Markdown, where source whitespace is layout, not content.
 * preserve: plain text, where line breaks inside a paragraph are the author's.
 * Code blocks always preserve.
 */
export type WhitespaceMode = 'collapse' | 'preserve';

const BLOCK_SEPARATOR = '\n\n';
// Controls other than tab and line ends have no place in reading text and confuse the DOM.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
const LINE_ENDS = /\r\n?|[\u000B\u000C\u2028\u2029]/g;
const WHITESPACE_RUN = /\s+/g;
const CODE_LEAD = /^(?:[^\S\n]*\n)*/;
const ROW_LEAD = /^[^\S\t]*/;
const ROW_TRAIL = /[^\S\t]+$/;

function cleanRunText(text: string): string {
  return text.replace(LINE_ENDS, '\n').replace(CONTROLS, '').normalize('NFC');
}

/** A title fit for the model: one line, NFC, at most LIMITS.title characters. */
export function cleanTitle(raw: string): string {
  const title = cleanRunText(raw).replace(WHITESPACE_RUN, ' ').trim();
  if (title.length <= LIMITS.title) return title;
  let cut = LIMITS.title - 1;
  // Never split a surrogate pair: half an emoji is not text.
  const last = title.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut -= 1;
  return `${title.slice(0, cut).trimEnd()}…`;
}

/** Collects runs while a walker descends through nested inline formatting. */
export class RunBuffer {
  #runs: Run[] = [];
  // A link whose target was refused stays on the stack (href undefined) so its close pops it.
  #stack: { type: MarkType; href?: string; active: boolean }[] = [];

  text(text: string): void {
    if (text === '') return;
    const marks = this.#stack
      .filter((m) => m.active)
      .map((m) => (m.href === undefined ? { type: m.type } : { type: m.type, href: m.href }));
    this.#runs.push({ text, marks });
  }

  lineBreak(): void {
    this.#runs.push({ lineBreak: true });
  }

  cellBreak(): void {
    this.#runs.push({ cellBreak: true });
  }

  /** Opens a mark; a link without a safe href is opened inactive: text kept, no link. */
  open(type: MarkType, href?: string): void {
    const active = type !== 'link' || href !== undefined;
    this.#stack.push(href === undefined ? { type, active } : { type, href, active });
  }

  close(type: MarkType): void {
    for (let i = this.#stack.length - 1; i >= 0; i--) {
      if (this.#stack[i]?.type === type) {
        this.#stack.splice(i, 1);
        return;
      }
    }
  }

  /** Hands over the runs gathered so far; open marks carry on into the next block. */
  take(): Run[] {
    const runs = this.#runs;
    this.#runs = [];
    return runs;
  }
}

interface Span {
  type: MarkType;
  href?: string;
  start: number;
  end: number;
}

export class DocumentBuilder {
  #parts: string[] = [];
  #length = 0;
  #blocks: Block[] = [];
  #marks: Mark[] = [];
  #places: Place[] = [];
  // Places announced between blocks, or inside a block that came out empty: they begin where the
  // next block that has text begins.
  #pendingPlaces: PlaceRun['place'][] = [];

  constructor(private readonly whitespace: WhitespaceMode) {}

  get blockCount(): number {
    return this.#blocks.length;
  }

  /** Adds one block; a block left with no text after cleaning is dropped, with its marks. */
  addBlock(type: BlockType, runs: readonly Run[], attrs: BlockAttrs = {}): void {
    const preserve = type === 'code' || this.whitespace === 'preserve';
    let out = '';
    const spans: Span[] = [];
    const places: { place: PlaceRun['place']; at: number }[] = [];
    for (const run of runs) {
      if ('place' in run) {
        places.push({ place: run.place, at: out.length });
        continue;
      }
      if ('cellBreak' in run) {
        // A cell's own edges are layout: "<td> a </td>" is the cell "a".
        out = out.replace(/[^\S\t]+$/, '');
        for (const span of spans) span.end = Math.min(span.end, out.length);
        out += '\t';
        continue;
      }
      if ('lineBreak' in run) {
        if (!preserve) {
          while (out.endsWith(' ')) out = out.slice(0, -1);
          // Consecutive breaks become one, so in prose "\n\n" only ever separates blocks; a
          // break that opens a table cell is the cell's edge.
          if (out.endsWith('\n') || out.endsWith('\t')) continue;
        }
        out += '\n';
        continue;
      }
      let piece = cleanRunText(run.text);
      if (!preserve) {
        piece = piece.replace(WHITESPACE_RUN, ' ');
        if (out === '' || /[ \n\t]$/.test(out)) piece = piece.replace(/^ /, '');
      }
      if (piece === '') continue;
      const start = out.length;
      out += piece;
      for (const mark of run.marks) spans.push({ ...mark, start, end: out.length });
    }

    // Code keeps its indentation, so only blank lines are trimmed before it; a table row keeps
    // the tabs of empty cells at its edges, so every cell stays in its column.
    const edges = type === 'code' ? CODE_LEAD : type === 'table-row' ? ROW_LEAD : /^\s*/;
    const lead = edges.exec(out)?.[0].length ?? 0;
    let text =
      type === 'table-row' ? out.slice(lead).replace(ROW_TRAIL, '') : out.slice(lead).trimEnd();
    if (text.trim() === '') {
      this.#pendingPlaces.push(...places.map((p) => p.place));
      return;
    }
    let local = spans.map((s) => ({
      ...s,
      start: clamp(s.start - lead, text.length),
      end: clamp(s.end - lead, text.length),
    }));
    let localPlaces = places.map((p) => ({ ...p, at: clamp(p.at - lead, text.length) }));
    // Runs are NFC on their own; a combining mark at the start of a run can still compose with
    // the run before it, so remeasure in that rare case. A mark that starts inside a composed
    // character takes the whole character.
    const nfc = text.normalize('NFC');
    if (nfc !== text) {
      const source = text;
      const measure = (i: number, isStart: boolean) => {
        let prefix = source.slice(0, i).normalize('NFC');
        while (isStart && prefix !== '' && !nfc.startsWith(prefix)) prefix = prefix.slice(0, -1);
        return clamp(prefix.length, nfc.length);
      };
      local = local.map((s) => ({
        ...s,
        start: measure(s.start, true),
        end: measure(s.end, false),
      }));
      localPlaces = localPlaces.map((p) => ({ ...p, at: measure(p.at, true) }));
      text = nfc;
    }

    const start = this.#length === 0 ? 0 : this.#length + BLOCK_SEPARATOR.length;
    if (this.#length !== 0) this.#parts.push(BLOCK_SEPARATOR);
    this.#parts.push(text);
    this.#length = start + text.length;
    this.#blocks.push({
      type,
      ...(attrs.level !== undefined && { level: attrs.level }),
      ...(attrs.number !== undefined && { number: attrs.number }),
      ...(attrs.header && { header: true }),
      start,
      end: this.#length,
    });
    for (const place of this.#pendingPlaces) this.#places.push({ ...place, start });
    this.#pendingPlaces = [];
    for (const { place, at } of localPlaces) {
      // A page that begins on the space between two words begins at the next word.
      let offset = at;
      while (offset < text.length && /\s/.test(text.charAt(offset))) offset++;
      this.#places.push({ ...place, start: start + offset });
    }
    for (const span of trimSpans(mergeSpans(local), text)) {
      const mark: Mark = { type: span.type, start: start + span.start, end: start + span.end };
      if (span.href !== undefined) mark.href = span.href;
      this.#marks.push(mark);
    }
  }

  /**
   * A page, chapter or section that begins with the next block that has text (a chapter's
   * heading, a page that opens on a new paragraph).
   */
  placeNext(kind: PlaceKind, label: string): void {
    this.#pendingPlaces.push({ kind, label });
  }

  /** The text of the first block of a type, for titles drawn from the content. */
  firstText(type?: BlockType): string | undefined {
    const block = this.#blocks.find((b) => type === undefined || b.type === type);
    return block && this.#parts.join('').slice(block.start, block.end);
  }

  build(title: string): CanonicalDocument {
    const marks = [...this.#marks].sort((a, b) => a.start - b.start || a.end - b.end);
    // Places announced after the last text (a blank last page) mark nothing and are dropped.
    const places = [...this.#places].sort((a, b) => a.start - b.start);
    return {
      title: cleanTitle(title),
      text: this.#parts.join(''),
      blocks: [...this.#blocks],
      marks,
      ...(places.length > 0 && { places }),
    };
  }
}

function clamp(n: number, max: number): number {
  return Math.min(Math.max(n, 0), max);
}

/** A mark covers the words, not the spaces around them ("<em>word </em>" marks "word"). */
function trimSpans(spans: Span[], text: string): Span[] {
  const isSpace = (i: number) => /\s/.test(text.charAt(i));
  const trimmed: Span[] = [];
  for (const span of spans) {
    let { start, end } = span;
    while (start < end && isSpace(start)) start++;
    while (end > start && isSpace(end - 1)) end--;
    if (start < end) trimmed.push({ ...span, start, end });
  }
  return trimmed;
}

/** Identical marks that touch or overlap become one: "<b>a</b><b>b</b>" is one strong run. */
function mergeSpans(spans: Span[]): Span[] {
  const key = (s: Span) => `${s.type} ${s.href ?? ''}`;
  // Plain code-unit order: the grouping only has to be consistent, and collation is slow.
  const order = (a: Span, b: Span) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  const sorted = [...spans].sort((a, b) => order(a, b) || a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && key(last) === key(span) && span.start <= last.end) {
      last.end = Math.max(last.end, span.end);
    } else {
      merged.push({ ...span });
    }
  }
  return merged;
}
