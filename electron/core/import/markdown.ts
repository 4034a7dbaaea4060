// Markdown -> canonical document through markdown-it's token stream; nothing is ever rendered to
// HTML. Raw HTML in the Markdown loses its tags; its text is kept, never its scripts or styles.
import { JSDOM } from 'jsdom';
import MarkdownIt, { type Token } from 'markdown-it';
import type { CanonicalDocument } from '../../shared/model';
import { cleanTitle, DocumentBuilder, RunBuffer, type Run } from './document-builder';
import { splitFrontMatter } from './front-matter';
import { walkHtml, type BlockContext } from './html-walk';
import { safeHref } from './safe-url';

// Inline raw HTML whose inner text is not reading text.
const RAW_TEXT_TAGS = /^(?:script|style|noscript|template|iframe|object|svg|textarea|title)$/i;

function createParser() {
  // html: true only so that raw HTML arrives as html_* tokens we can drop; with html: false it
  // would arrive as literal "<span>" text. The tokens are never rendered, so this is not a risk.
  const md = new MarkdownIt({ html: true, linkify: false });
  // Let every link through the tokenizer so our own rule decides: a refused link keeps its text
  // (markdown-it's own check would leave "[text](javascript:...)" behind verbatim).
  md.validateLink = () => true;
  return md;
}

// Parsing keeps no state between documents, so one parser serves every import.
const parser = createParser();

/** Where the next item of each open list is numbered from; null for a bullet list. */
type ListCounters = (number | null)[];

export function importMarkdown(source: string, fallbackTitle: string): CanonicalDocument {
  const { body, frontMatter } = splitFrontMatter(source);
  const tokens = parser.parse(body, {});
  const builder = new DocumentBuilder('collapse');
  const contexts: BlockContext[] = [{ type: 'paragraph' }];
  const lists: ListCounters = [];
  let listDepth = 0;
  // The table row being gathered: its cells' runs, joined by cell breaks.
  let row: { runs: Run[]; cells: number; header: boolean } | undefined;
  let inHead = false;
  const context = () => contexts.at(-1) ?? { type: 'paragraph' };
  const add = (runs: Run[]) => {
    const ctx = context();
    const before = builder.blockCount;
    builder.addBlock(ctx.type, runs, ctx);
    // An item's number goes on its first block; later paragraphs of the item continue it.
    if (builder.blockCount > before) delete ctx.number;
  };

  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        contexts.push({ type: 'heading', level: Number(token.tag.slice(1)) });
        break;
      case 'blockquote_open':
        contexts.push({ type: 'quote' });
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        listDepth++;
        // CommonMark numbers an ordered list from its first marker and counts on from there.
        lists.push(token.type === 'ordered_list_open' ? listStart(token) : null);
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        listDepth--;
        lists.pop();
        break;
      case 'list_item_open': {
        const item: BlockContext = { type: 'list-item', level: Math.max(1, listDepth) };
        const next = lists.at(-1);
        if (next != null) {
          item.number = next;
          lists[lists.length - 1] = next + 1;
        }
        contexts.push(item);
        break;
      }
      case 'heading_close':
      case 'blockquote_close':
      case 'list_item_close':
        contexts.pop();
        break;
      case 'thead_open':
      case 'thead_close':
        inHead = token.type === 'thead_open';
        break;
      case 'tr_open':
        row = { runs: [], cells: 0, header: inHead };
        break;
      case 'th_open':
      case 'td_open':
        if (row && row.cells++ > 0) row.runs.push({ cellBreak: true });
        break;
      case 'tr_close':
        if (row) builder.addBlock('table-row', row.runs, row.header ? { header: true } : {});
        row = undefined;
        break;
      case 'inline':
        if (row) row.runs.push(...inlineRuns(token.children ?? []));
        else add(inlineRuns(token.children ?? []));
        break;
      case 'fence':
      case 'code_block':
        builder.addBlock('code', [{ text: token.content, marks: [] }]);
        break;
      case 'html_block':
        walkHtml(JSDOM.fragment(token.content), builder, { context: context() });
        break;
    }
  }

  const firstLine = builder.firstText()?.split('\n')[0];
  const title = frontMatter?.title ?? builder.firstText('heading') ?? firstLine ?? fallbackTitle;
  const doc = builder.build(title);
  const details = frontMatter?.details;
  const withDetails = details && Object.keys(details).length > 0 ? { ...doc, details } : doc;
  return doc.title === '' ? { ...withDetails, title: cleanTitle(fallbackTitle) } : withDetails;
}

function listStart(token: Token): number {
  const start = Number(token.attrGet('start') ?? 1);
  return Number.isSafeInteger(start) ? start : 1;
}

function inlineRuns(children: Token[]): Run[] {
  const buffer = new RunBuffer();
  let skipping = 0;
  for (const token of children) {
    if (token.type === 'html_inline') {
      skipping = Math.max(0, skipping + rawTextDelta(token.content));
      if (/^<br\s*\/?>$/i.test(token.content)) buffer.lineBreak();
      continue;
    }
    if (skipping > 0) continue;
    switch (token.type) {
      case 'text':
        buffer.text(token.content);
        break;
      case 'code_inline':
        buffer.open('code');
        buffer.text(token.content);
        buffer.close('code');
        break;
      case 'softbreak':
        buffer.text(' ');
        break;
      case 'hardbreak':
        buffer.lineBreak();
        break;
      case 'em_open':
      case 'strong_open':
        buffer.open(token.type === 'em_open' ? 'em' : 'strong');
        break;
      case 'em_close':
      case 'strong_close':
        buffer.close(token.type === 'em_close' ? 'em' : 'strong');
        break;
      case 'link_open':
        buffer.open('link', safeHref(String(token.attrGet('href') ?? '')));
        break;
      case 'link_close':
        buffer.close('link');
        break;
      case 'image':
        // An image stands in the text as its alt text, the words its author gave for it.
        buffer.text(plainText(token.children ?? []));
        break;
    }
  }
  return buffer.take();
}

/** +1 when inline HTML opens an element whose content must be skipped, -1 when it closes one. */
function rawTextDelta(html: string): number {
  const tag = /^<(\/?)([a-zA-Z][\w-]*)[^>]*?(\/?)>$/.exec(html.trim());
  if (!tag || !RAW_TEXT_TAGS.test(tag[2] ?? '') || tag[3] === '/') return 0;
  return tag[1] === '/' ? -1 : 1;
}

function plainText(tokens: Token[]): string {
  return tokens
    .map((t) => (t.children ? plainText(t.children) : t.type === 'html_inline' ? '' : t.content))
    .join('');
}
