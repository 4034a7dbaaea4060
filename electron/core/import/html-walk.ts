// Walks a parsed (never rendered, never scripted) DOM and feeds its text and inline formatting to
// a DocumentBuilder. Used for whole pages and for raw HTML found inside Markdown.
import type { BlockType, MarkType } from '../../shared/model';
import { RunBuffer, type BlockAttrs, type DocumentBuilder } from './document-builder';
import { isDisplayMath, mathText } from './html-math';
import { childrenNamed, isDataTable, tableRows } from './html-table';
import { safeHref } from './safe-url';

export interface WalkOptions {
  /** Absolute http(s) URL that relative links resolve against; without it they are dropped. */
  baseUrl?: string;
  /** Also skip asides and footers: used when Readability found no article. */
  skipChrome?: boolean;
  /** The block the walked content sits in, e.g. a list item when the HTML came from Markdown. */
  context?: BlockContext;
}

/**
 * The block that walked content sits in. A list item's `number` is taken by the first block
 * the item yields (the walk deletes it then), so a caller sharing the object sees it used.
 */
export interface BlockContext extends BlockAttrs {
  type: BlockType;
}

// Content that is never reading text: code, styling, embedded documents, metadata, form controls.
// Images too: in HTML their alt text describes a picture, it is not the article's text.
const NEVER = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'head',
  'title', 'meta', 'link', 'canvas', 'audio', 'video', 'picture', 'img', 'input', 'select',
  'textarea', 'button', 'frame', 'frameset', 'applet', 'map', 'dialog', 'nav',
]); // prettier-ignore
// Navigation is never article text; asides and footers can be (a fact box, an author note), so
// they are skipped only when walking a whole body, where they are the site's.
const CHROME = new Set(['aside', 'footer']);
// Elements that end the current block: their text never runs into their neighbours' text.
const BLOCKS = new Set([
  'address', 'article', 'body', 'blockquote', 'caption', 'center', 'dd', 'details', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td',
  'tfoot', 'th', 'thead', 'tr', 'ul', 'aside', 'menu', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]); // prettier-ignore
const INLINE_MARKS: Record<string, MarkType> = {
  em: 'em',
  i: 'em',
  cite: 'em',
  strong: 'strong',
  b: 'strong',
  code: 'code',
  kbd: 'code',
  samp: 'code',
  tt: 'code',
};
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;
const DOCUMENT_NODE = 9;
const DOCUMENT_FRAGMENT_NODE = 11;

interface ListCounter {
  ordered: boolean;
  next: number;
  step: number;
}

export function walkHtml(root: Node, builder: DocumentBuilder, options: WalkOptions = {}): void {
  const buffer = new RunBuffer();
  const contexts: BlockContext[] = [options.context ?? { type: 'paragraph' }];
  let listDepth = options.context?.type === 'list-item' ? (options.context.level ?? 1) : 0;
  const lists: ListCounter[] = [];
  // Inside a table cell, block elements can't end the block (the row is one block): they end
  // a line instead.
  let cellDepth = 0;
  const current = () => contexts.at(-1) ?? { type: 'paragraph' };

  const flush = () => {
    const context = current();
    const before = builder.blockCount;
    builder.addBlock(context.type, buffer.take(), context);
    if (builder.blockCount > before) delete context.number;
  };
  const inside = (context: BlockContext, children: () => void) => {
    if (cellDepth > 0) {
      buffer.lineBreak();
      children();
      buffer.lineBreak();
      return;
    }
    flush();
    contexts.push(context);
    children();
    flush();
    contexts.pop();
  };

  const visitTable = (table: Element) => {
    flush();
    for (const caption of childrenNamed(table, 'caption')) visit(caption);
    for (const row of tableRows(table)) {
      row.cells.forEach((cell, i) => {
        if (i > 0) buffer.cellBreak();
        if (cell === null || isHidden(cell)) return;
        cellDepth++;
        eachChild(cell, visit);
        cellDepth--;
      });
      contexts.push(row.header ? { type: 'table-row', header: true } : { type: 'table-row' });
      flush();
      contexts.pop();
    }
  };

  const visitMath = (math: Element) => {
    const text = mathText(math);
    if (text === '') return;
    if (isDisplayMath(math)) inside(current(), () => buffer.text(text));
    else buffer.text(text);
  };

  const visit = (node: Node): void => {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      buffer.text(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) {
      // Documents and fragments: descend. Comments and processing instructions: ignore.
      if (node.nodeType === DOCUMENT_NODE || node.nodeType === DOCUMENT_FRAGMENT_NODE) {
        eachChild(node, visit);
      }
      return;
    }
    const element = node as Element;
    const tag = element.localName;
    if (NEVER.has(tag) || isHidden(element)) return;
    if (options.skipChrome && CHROME.has(tag)) return;
    const children = () => eachChild(element, visit);

    if (tag === 'br') return buffer.lineBreak();
    if (tag === 'math') return visitMath(element);
    const heading = /^h([1-6])$/.exec(tag);
    if (heading) return inside({ type: 'heading', level: Number(heading[1]) }, children);
    if (tag === 'pre') return inside({ type: 'code' }, children);
    if (tag === 'blockquote') return inside({ type: 'quote' }, children);
    if (tag === 'li') {
      const list = lists.at(-1);
      const number = list?.ordered ? itemNumber(element, list) : undefined;
      const level = Math.max(1, listDepth);
      const item: BlockContext = { type: 'list-item', level };
      if (number !== undefined) item.number = number;
      return inside(item, children);
    }
    if (tag === 'ul' || tag === 'ol' || tag === 'menu') {
      listDepth++;
      lists.push(listCounter(element));
      inside(current(), children);
      lists.pop();
      listDepth--;
      return;
    }
    if (tag === 'table' && cellDepth === 0 && isDataTable(element)) return visitTable(element);
    if (tag === 'caption' || tag === 'figcaption') return inside({ type: 'caption' }, children);
    if (BLOCKS.has(tag)) return inside(current(), children);

    const mark = markFor(element, options.baseUrl, contexts.at(-1)?.type === 'code');
    if (mark === undefined) return children();
    buffer.open(mark.type, mark.href);
    children();
    buffer.close(mark.type);
  };

  visit(root);
  flush();
}

/** Non-space characters a walk would keep, skipping what it would skip (scripts, hidden parts). */
export function readableLength(node: Node): number {
  if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
    return (node.nodeValue ?? '').replace(/\s+/g, '').length;
  }
  if (node.nodeType === ELEMENT_NODE) {
    const element = node as Element;
    if (NEVER.has(element.localName) || isHidden(element)) return 0;
    if (element.localName === 'math') return mathText(element).replace(/\s+/g, '').length;
  } else if (node.nodeType !== DOCUMENT_NODE && node.nodeType !== DOCUMENT_FRAGMENT_NODE) {
    return 0;
  }
  let total = 0;
  eachChild(node, (child) => (total += readableLength(child)));
  return total;
}

// Sibling pointers rather than childNodes: jsdom builds a live NodeList per call, which is slow
// on long articles.
function eachChild(node: Node, visit: (child: Node) => void): void {
  for (let child = node.firstChild; child !== null; child = child.nextSibling) visit(child);
}

/** An ol counts from its start (or down from its length when reversed); a ul doesn't count. */
function listCounter(list: Element): ListCounter {
  if (list.localName !== 'ol') return { ordered: false, next: 1, step: 1 };
  const reversed = list.hasAttribute('reversed');
  const start = integerAttribute(list, 'start');
  const items = childrenNamed(list, 'li').length;
  return { ordered: true, next: start ?? (reversed ? items : 1), step: reversed ? -1 : 1 };
}

/** An item's value attribute renumbers it and the items after it, as in a browser. */
function itemNumber(item: Element, list: ListCounter): number {
  const number = integerAttribute(item, 'value') ?? list.next;
  list.next = number + list.step;
  return number;
}

function integerAttribute(element: Element, name: string): number | undefined {
  const value = element.getAttribute(name)?.trim();
  if (!value || !/^[+-]?\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function markFor(
  element: Element,
  baseUrl: string | undefined,
  inCode: boolean,
): { type: MarkType; href?: string } | undefined {
  if (element.localName === 'a') {
    if (!element.hasAttribute('href')) return undefined;
    // The attribute, not .href: the DOM would resolve against about:blank, we resolve ourselves.
    return { type: 'link', href: safeHref(element.getAttribute('href'), baseUrl) };
  }
  const type = INLINE_MARKS[element.localName];
  // Inside a code block every character is code already.
  if (type === undefined || (inCode && type === 'code')) return undefined;
  return { type };
}

function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  return HIDDEN_STYLE.test(element.getAttribute('style') ?? '');
}
