// What an OpenDocument text's styles mean for the canonical model: which text styles make words
// bold, italic or code (through their parent styles), which paragraph styles make a quotation,
// code, a caption or the title, and which list levels are numbered.
import type { BlockType, MarkType } from '../../shared/model';
import { childElements, firstChild, type XmlElement } from './xml-tree';

interface StyleRecord {
  parent?: string;
  /** Only what the style itself sets: undefined inherits, false undoes a parent's. */
  strong?: boolean;
  em?: boolean;
}

export interface ListLevel {
  numbered: boolean;
  start: number;
}

/** What a paragraph style makes a paragraph, when more than a paragraph. */
export type ParagraphRole = Extract<BlockType, 'quote' | 'code' | 'caption'> | 'title';

const MAX_PARENTS = 20;
// LibreOffice's names (and Word's, as LibreOffice saves them), matched in lower case with the
// "_20_" of their encoded names read as spaces.
const PARAGRAPH_ROLES: Record<string, ParagraphRole> = {
  title: 'title',
  quotations: 'quote',
  quote: 'quote',
  'intense quote': 'quote',
  'preformatted text': 'code',
  'source code': 'code',
  caption: 'caption',
};
const CODE_TEXT = new Set(['source text', 'teletype', 'example', 'verbatim char', 'html code']);

export class OdtStyles {
  #text = new Map<string, StyleRecord>();
  #paragraph = new Map<string, StyleRecord>();
  /** Paragraph styles set in the body's own automatic styles: their formatting is direct. */
  #direct = new Set<string>();
  #paragraphList = new Map<string, string>();
  #lists = new Map<string, Map<number, ListLevel>>();

  /**
   * `named`: styles.xml's office:styles; `automatic`: content.xml's office:automatic-styles.
   * (styles.xml has automatic styles too, for headers and footers, whose names may repeat the
   * body's: they are not read.)
   */
  constructor(named: XmlElement | undefined, automatic: XmlElement | undefined) {
    for (const [container, isAutomatic] of [
      [named, false],
      [automatic, true],
    ] as const) {
      if (container === undefined) continue;
      for (const style of childElements(container, 'style')) this.#addStyle(style, isAutomatic);
      for (const list of childElements(container, 'list-style')) this.#addList(list);
    }
  }

  #addStyle(style: XmlElement, automatic: boolean): void {
    const name = style.attrs['style:name'];
    const family = style.attrs['style:family'];
    if (name === undefined || (family !== 'text' && family !== 'paragraph')) return;
    const properties = firstChild(style, 'text-properties');
    const record: StyleRecord = {
      ...(style.attrs['style:parent-style-name'] !== undefined && {
        parent: style.attrs['style:parent-style-name'],
      }),
      ...(properties && textProperties(properties)),
    };
    (family === 'text' ? this.#text : this.#paragraph).set(name, record);
    if (family === 'paragraph' && automatic) this.#direct.add(name);
    const list = style.attrs['style:list-style-name'];
    if (family === 'paragraph' && list) this.#paragraphList.set(name, list);
  }

  #addList(list: XmlElement): void {
    const name = list.attrs['style:name'];
    if (name === undefined) return;
    const levels = new Map<number, ListLevel>();
    for (const level of childElements(list)) {
      const depth = Number(level.attrs['text:level'] ?? '1');
      const numbered =
        level.name === 'text:list-level-style-number' &&
        (level.attrs['style:num-format'] ?? '1') !== '';
      const start = Number(level.attrs['text:start-value'] ?? '1');
      levels.set(depth, { numbered, start: Number.isSafeInteger(start) ? start : 1 });
    }
    this.#lists.set(name, levels);
  }

  /** The marks a span's text style gives its words. */
  textMarks(name: string | undefined): MarkType[] {
    return marksOf(this.#resolve(this.#text, name));
  }

  /** Marks set directly on a paragraph (not by its named style, as a heading style's bold). */
  paragraphMarks(name: string | undefined): MarkType[] {
    if (name === undefined || !this.#direct.has(name)) return [];
    return marksOf(this.#paragraph.get(name) ?? {});
  }

  paragraphRole(name: string | undefined): ParagraphRole | undefined {
    for (const style of this.#chain(this.#paragraph, name)) {
      const role = PARAGRAPH_ROLES[readable(style)];
      if (role) return role;
    }
    return undefined;
  }

  /** Whether a text style is one for code ("Source Text"), through its parents. */
  isCode(name: string | undefined): boolean {
    return this.#chain(this.#text, name).some((style) => CODE_TEXT.has(readable(style)));
  }

  /** The list style a paragraph style brings, for a list that names none itself. */
  listOfParagraph(name: string | undefined): string | undefined {
    for (const style of this.#chain(this.#paragraph, name)) {
      const list = this.#paragraphList.get(style);
      if (list) return list;
    }
    return undefined;
  }

  listLevel(list: string | undefined, level: number): ListLevel {
    const levels = list === undefined ? undefined : this.#lists.get(list);
    return levels?.get(level) ?? levels?.get(Math.min(level, 10)) ?? { numbered: false, start: 1 };
  }

  /** The style's name and its parents', nearest first. */
  #chain(styles: Map<string, StyleRecord>, name: string | undefined): string[] {
    const out: string[] = [];
    for (let n = name; n !== undefined && out.length < MAX_PARENTS; n = styles.get(n)?.parent) {
      out.push(n);
    }
    return out;
  }

  #resolve(styles: Map<string, StyleRecord>, name: string | undefined): StyleRecord {
    const resolved: StyleRecord = {};
    for (const style of this.#chain(styles, name)) {
      const record = styles.get(style);
      resolved.strong ??= record?.strong;
      resolved.em ??= record?.em;
    }
    return resolved;
  }
}

function textProperties(properties: XmlElement): Pick<StyleRecord, 'strong' | 'em'> {
  const pick = (western: string, complex: string, asian: string) =>
    properties.attrs[western] ?? properties.attrs[complex] ?? properties.attrs[asian];
  const weight = pick('fo:font-weight', 'style:font-weight-complex', 'style:font-weight-asian');
  const style = pick('fo:font-style', 'style:font-style-complex', 'style:font-style-asian');
  const out: Pick<StyleRecord, 'strong' | 'em'> = {};
  if (weight !== undefined) out.strong = weight === 'bold' || Number(weight) >= 600;
  if (style !== undefined) out.em = style === 'italic' || style === 'oblique';
  return out;
}

function marksOf(record: StyleRecord): MarkType[] {
  const marks: MarkType[] = [];
  if (record.strong) marks.push('strong');
  if (record.em) marks.push('em');
  return marks;
}

/** "Preformatted_20_Text" -> "preformatted text": ODF encodes a style name's spaces as _20_. */
function readable(name: string): string {
  return name
    .replace(/_([0-9a-f]{1,4})_/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .toLowerCase();
}
