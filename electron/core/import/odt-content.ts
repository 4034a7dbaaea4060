// The body of an OpenDocument text (content.xml's office:text) walked into a DocumentBuilder:
// headings, paragraphs, lists with their numbers, tables as rows of cells, emphasis and links,
// and the footnotes and endnotes, gathered for a Notes section at the end.
import type { BlockType } from '../../shared/model';
import { RunBuffer, type BlockAttrs, type DocumentBuilder, type Run } from './document-builder';
import { NOTES_HEADING, noteCall, notePrefix } from './notes-section';
import type { OdtStyles } from './odt-styles';
import { safeHref } from './safe-url';
import { isElement, type XmlElement } from './xml-tree';

/** The block that content sits in; a list item's number goes to its first block with text. */
interface Context {
  type: BlockType;
  attrs: BlockAttrs;
  list?: { style: string | undefined; numbering: Numbering };
}

/** One list's counters by level, shared by its nested lists and by lists that continue it. */
interface Numbering {
  counts: number[];
}

const PARAGRAPH: Context = { type: 'paragraph', attrs: {} };
const MAX_REPEAT = 50;
// Never reading text: tracked deletions, generated indexes (a copy of the headings), comments,
// declarations, pictures and their descriptions, layout-only elements.
const SKIPPED = new Set([
  'text:tracked-changes', 'text:table-of-content', 'text:illustration-index', 'text:table-index',
  'text:object-index', 'text:user-index', 'text:alphabetical-index', 'office:annotation',
  'office:annotation-end', 'text:sequence-decls', 'text:variable-decls', 'text:user-field-decls',
  'text:dde-connection-decls', 'office:forms', 'text:hidden-text', 'draw:image', 'svg:title',
  'svg:desc', 'table:table-column', 'table:table-columns', 'table:table-header-columns',
  'office:event-listeners', 'text:soft-page-break', 'draw:object', 'draw:object-ole',
]); // prettier-ignore
// Shapes anchored inside a paragraph: their text boxes are read after the paragraph.
const SHAPES = new Set(['draw:frame', 'draw:a', 'draw:custom-shape', 'draw:rect', 'draw:g']);

export class OdtWalker {
  readonly #buffer = new RunBuffer();
  readonly #notes: XmlElement[] = [];
  #shapes: XmlElement[] = [];
  #cellDepth = 0;
  #inHeading = false;
  // Consecutive code paragraphs are one code block, a line each.
  #code: Run[] | undefined;
  // The Notes heading goes beside the document's top-level headings.
  #topHeading: number | undefined;
  #lastByStyle = new Map<string, Numbering>();
  #byId = new Map<string, Numbering>();

  constructor(
    private readonly builder: DocumentBuilder,
    private readonly styles: OdtStyles,
  ) {}

  body(text: XmlElement): void {
    this.#blocks(text, PARAGRAPH);
    this.#endCode();
  }

  /** The notes in the order the text calls them, under a heading beside the top-level ones. */
  notes(): void {
    if (this.#notes.length === 0) return;
    this.builder.addBlock('heading', [{ text: NOTES_HEADING, marks: [] }], {
      level: this.#topHeading ?? 1,
    });
    for (let i = 0; i < this.#notes.length; i++) {
      this.#buffer.text(notePrefix(i + 1));
      this.#blocks(this.#notes[i]!, PARAGRAPH);
      // A note whose body gave no paragraph still leaves its number.
      this.#emit('paragraph', this.#buffer.take(), {});
    }
    this.#endCode();
  }

  #blocks(parent: XmlElement, context: Context): void {
    for (const child of parent.children) if (isElement(child)) this.#block(child, context);
  }

  #block(element: XmlElement, context: Context): void {
    if (SKIPPED.has(element.name)) return;
    if (element.name === 'text:p') return this.#paragraph(element, context, undefined);
    if (element.name === 'text:h') {
      const level = clampLevel(element.attrs['text:outline-level']);
      this.#topHeading = Math.min(this.#topHeading ?? level, level);
      return this.#paragraph(element, context, level);
    }
    if (element.name === 'text:list') return this.#list(element, context);
    if (element.name === 'table:table') return this.#table(element, context);
    this.#blocks(element, context);
  }

  #paragraph(element: XmlElement, context: Context, headingLevel: number | undefined): void {
    const style = element.attrs['text:style-name'];
    const role = headingLevel === undefined ? this.styles.paragraphRole(style) : undefined;
    // A heading numbered by a list is still a heading.
    const inList = context.type === 'list-item' && headingLevel === undefined;
    if (this.#cellDepth > 0) {
      this.#buffer.lineBreak();
      this.#inline(element);
      this.#buffer.lineBreak();
    } else if (role === 'code' && !inList) {
      this.#inline(element, true);
      const runs = this.#buffer.take();
      if (this.#code) this.#code.push({ lineBreak: true }, ...runs);
      else this.#code = runs;
    } else {
      const marks = headingLevel === undefined ? this.styles.paragraphMarks(style) : [];
      for (const mark of marks) this.#buffer.open(mark);
      this.#inHeading = headingLevel !== undefined;
      this.#inline(element);
      this.#inHeading = false;
      for (const mark of marks) this.#buffer.close(mark);
      const runs = this.#buffer.take();
      if (inList) this.#emit('list-item', runs, context.attrs);
      else if (headingLevel !== undefined) this.#emit('heading', runs, { level: headingLevel });
      else if (role !== 'title') this.#emit(role ?? context.type, runs, context.attrs);
      else {
        this.#topHeading = 1;
        this.#emit('heading', runs, { level: 1 });
      }
    }
    const shapes = this.#shapes;
    this.#shapes = [];
    for (const shape of shapes) this.#blocks(shape, context);
  }

  /** Adds a block; a list item's number is used once its first block has text. */
  #emit(type: BlockType, runs: Run[], attrs: BlockAttrs): void {
    this.#endCode();
    const before = this.builder.blockCount;
    this.builder.addBlock(type, runs, attrs);
    if (this.builder.blockCount > before) delete attrs.number;
  }

  #endCode(): void {
    const code = this.#code;
    this.#code = undefined;
    if (code) this.builder.addBlock('code', code);
  }

  #list(list: XmlElement, context: Context): void {
    const level = context.type === 'list-item' ? (context.attrs.level ?? 0) + 1 : 1;
    const style =
      list.attrs['text:style-name'] ??
      context.list?.style ??
      this.styles.listOfParagraph(firstParagraphStyle(list));
    const numbering = context.list?.numbering ?? this.#numberingFor(list, style);
    for (const item of list.children) {
      if (
        !isElement(item) ||
        (item.name !== 'text:list-item' && item.name !== 'text:list-header')
      ) {
        continue;
      }
      const attrs: BlockAttrs = { level };
      if (item.name === 'text:list-item') {
        const listLevel = this.styles.listLevel(style, level);
        const restart = Number(item.attrs['text:start-value']);
        const count = Number.isSafeInteger(restart)
          ? restart
          : (numbering.counts[level] ?? listLevel.start - 1) + 1;
        numbering.counts[level] = count;
        numbering.counts.length = level + 1;
        if (listLevel.numbered) attrs.number = count;
      }
      this.#blocks(item, { type: 'list-item', attrs, list: { style, numbering } });
    }
  }

  /** A list counts on from an earlier one when it says so (by id, or by continuing numbering). */
  #numberingFor(list: XmlElement, style: string | undefined): Numbering {
    const continues = list.attrs['text:continue-list'];
    const numbering = (continues !== undefined ? this.#byId.get(continues) : undefined) ??
      (list.attrs['text:continue-numbering'] === 'true' && style !== undefined
        ? this.#lastByStyle.get(style)
        : undefined) ?? { counts: [] };
    const id = list.attrs['xml:id'] ?? list.attrs['text:id'];
    if (id !== undefined) this.#byId.set(id, numbering);
    if (style !== undefined) this.#lastByStyle.set(style, numbering);
    return numbering;
  }

  #table(table: XmlElement, context: Context): void {
    this.#endCode();
    this.#rows(table, false, context);
  }

  #rows(parent: XmlElement, header: boolean, context: Context): void {
    for (const child of parent.children) {
      if (!isElement(child)) continue;
      if (child.name === 'table:table-header-rows') this.#rows(child, true, context);
      else if (child.name === 'table:table-rows' || child.name === 'table:table-row-group') {
        this.#rows(child, header, context);
      } else if (child.name === 'table:table-row') {
        const times = repeat(child.attrs['table:number-rows-repeated']);
        for (let i = 0; i < times; i++) this.#row(child, header, context);
      }
    }
  }

  /** One row, one block: cells joined by cell breaks; a table inside a cell gives lines. */
  #row(row: XmlElement, header: boolean, context: Context): void {
    const nested = this.#cellDepth > 0;
    let first = true;
    for (const cell of row.children) {
      if (
        !isElement(cell) ||
        !cell.name.startsWith('table:') ||
        !cell.name.endsWith('table-cell')
      ) {
        continue;
      }
      const times = repeat(cell.attrs['table:number-columns-repeated']);
      for (let i = 0; i < times; i++) {
        if (!first && !nested) this.#buffer.cellBreak();
        first = false;
        if (cell.name === 'table:covered-table-cell') continue;
        this.#cellDepth++;
        this.#blocks(cell, context);
        this.#cellDepth--;
      }
    }
    if (!nested) this.#emit('table-row', this.#buffer.take(), header ? { header: true } : {});
  }

  #inline(element: XmlElement, preserve = false): void {
    for (const child of element.children) {
      if (!isElement(child)) {
        // ODF collapses white space as HTML does (the builder does it, except in code): spaces
        // and tabs that count are elements of their own.
        this.#buffer.text(preserve ? child.replace(/[ \t\r\n]+/g, ' ') : child);
        continue;
      }
      const name = child.name;
      if (SKIPPED.has(name)) continue;
      if (name === 'text:span') {
        const style = child.attrs['text:style-name'];
        const marks = this.styles.textMarks(style);
        if (this.styles.isCode(style) && !preserve) marks.push('code');
        for (const mark of marks) this.#buffer.open(mark);
        this.#inline(child, preserve);
        for (const mark of marks) this.#buffer.close(mark);
      } else if (name === 'text:a') {
        this.#buffer.open('link', safeHref(child.attrs['xlink:href']));
        this.#inline(child, preserve);
        this.#buffer.close('link');
      } else if (name === 'text:s') {
        this.#buffer.text(' '.repeat(Math.min(repeat(child.attrs['text:c'], 100), 100)));
      } else if (name === 'text:tab') {
        this.#buffer.text('\t');
      } else if (name === 'text:line-break') {
        this.#buffer.lineBreak();
      } else if (name === 'text:note') {
        const body = child.children.find((c) => isElement(c) && c.name === 'text:note-body');
        this.#notes.push(
          isElement(body) ? body : { name: 'text:note-body', attrs: {}, children: [] },
        );
        this.#buffer.text(noteCall(this.#notes.length));
      } else if (name === 'text:number') {
        // A numbered heading's "2.1" is part of what it shows; a list item's number is its marker.
        if (this.#inHeading) {
          this.#inline(child, preserve);
          this.#buffer.text(' ');
        }
      } else if (name === 'text:ruby') {
        const base = child.children.find((c) => isElement(c) && c.name === 'text:ruby-base');
        if (isElement(base)) this.#inline(base, preserve);
      } else if (SHAPES.has(name)) {
        this.#shapes.push(child);
      } else {
        // Fields (dates, page numbers, cross-references), bookmarks, metadata spans: their text.
        this.#inline(child, preserve);
      }
    }
  }
}

function clampLevel(raw: string | undefined): number {
  const level = Number(raw ?? '1');
  return Number.isSafeInteger(level) ? Math.min(Math.max(level, 1), 6) : 1;
}

function repeat(raw: string | undefined, max = MAX_REPEAT): number {
  const n = Number(raw ?? '1');
  return Number.isSafeInteger(n) && n > 1 ? Math.min(n, max) : 1;
}

function firstParagraphStyle(list: XmlElement): string | undefined {
  for (const item of list.children) {
    if (!isElement(item)) continue;
    for (const p of item.children) {
      if (isElement(p) && (p.name === 'text:p' || p.name === 'text:h'))
        return p.attrs['text:style-name'];
    }
  }
  return undefined;
}
