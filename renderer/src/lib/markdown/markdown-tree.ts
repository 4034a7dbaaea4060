// The analyst's Markdown (comments, memos) as a small tree the UI draws element by element, made
// from markdown-it's tokens. Nothing is ever rendered to HTML: raw HTML stays visible text, and
// only http(s) and mailto links survive, so a comment can't run or load anything.
import MarkdownIt, { type Token } from 'markdown-it';

export type MdTag =
  | 'p'
  | 'h'
  | 'ul'
  | 'ol'
  | 'li'
  | 'blockquote'
  | 'pre'
  | 'hr'
  | 'em'
  | 'strong'
  | 's'
  | 'code'
  | 'a'
  | 'table'
  | 'tr'
  | 'th'
  | 'td';

export type MdNode =
  | { kind: 'text'; text: string }
  | { kind: 'break' }
  | {
      kind: 'element';
      tag: MdTag;
      children: MdNode[];
      href?: string;
      level?: number;
      start?: number;
    };

// html: false makes raw HTML plain text; linkify turns a bare URL into a link (still checked).
const parser = new MarkdownIt({ html: false, linkify: true, typographer: false });

const BLOCK_TAGS: Record<string, MdTag> = {
  paragraph: 'p',
  heading: 'h',
  bullet_list: 'ul',
  ordered_list: 'ol',
  list_item: 'li',
  blockquote: 'blockquote',
  table: 'table',
  tr: 'tr',
  th: 'th',
  td: 'td',
};
const INLINE_TAGS: Record<string, MdTag> = { em: 'em', strong: 'strong', s: 's', link: 'a' };
// Table sections carry no meaning of their own here; their rows do.
const TRANSPARENT = new Set(['thead', 'tbody']);

export function safeLink(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function markdownTree(source: string): MdNode[] {
  return build(parser.parse(source, {}));
}

function element(tag: MdTag, token: Token): Extract<MdNode, { kind: 'element' }> {
  const node: Extract<MdNode, { kind: 'element' }> = { kind: 'element', tag, children: [] };
  if (tag === 'h') node.level = Number(token.tag.slice(1));
  if (tag === 'ol') {
    const start = Number(token.attrGet('start') ?? 1);
    if (start !== 1) node.start = start;
  }
  if (tag === 'a') {
    const href = safeLink(String(token.attrGet('href') ?? ''));
    if (href) node.href = href;
  }
  return node;
}

/** Folds a token stream (block or inline) into nodes, using the _open/_close pairs as nesting. */
function build(tokens: Token[]): MdNode[] {
  const root: MdNode[] = [];
  const stack: MdNode[][] = [root];
  const add = (node: MdNode) => stack.at(-1)!.push(node);
  for (const token of tokens) {
    const [name, edge] = splitType(token.type);
    if (TRANSPARENT.has(name)) continue;
    const tag = BLOCK_TAGS[name] ?? INLINE_TAGS[name];
    if (tag && edge === 'open') {
      const node = element(tag, token);
      add(node);
      stack.push(node.children);
    } else if (tag && edge === 'close') {
      if (stack.length > 1) stack.pop();
    } else if (token.type === 'inline') {
      for (const child of build(token.children ?? [])) add(child);
    } else if (
      token.type === 'text' ||
      token.type === 'html_inline' ||
      token.type === 'html_block'
    ) {
      if (token.content) add({ kind: 'text', text: token.content });
    } else if (token.type === 'code_inline') {
      add({ kind: 'element', tag: 'code', children: [{ kind: 'text', text: token.content }] });
    } else if (token.type === 'fence' || token.type === 'code_block') {
      add({
        kind: 'element',
        tag: 'pre',
        children: [{ kind: 'text', text: token.content.replace(/\n$/, '') }],
      });
    } else if (token.type === 'softbreak') {
      add({ kind: 'text', text: ' ' });
    } else if (token.type === 'hardbreak') {
      add({ kind: 'break' });
    } else if (token.type === 'hr') {
      add({ kind: 'element', tag: 'hr', children: [] });
    } else if (token.type === 'image') {
      // An image stands as its description; nothing is loaded.
      const alt = token.children?.map((c) => c.content).join('') ?? '';
      if (alt) add({ kind: 'text', text: alt });
    }
  }
  return root;
}

function splitType(type: string): [string, 'open' | 'close' | ''] {
  if (type.endsWith('_open')) return [type.slice(0, -5), 'open'];
  if (type.endsWith('_close')) return [type.slice(0, -6), 'close'];
  return [type, ''];
}

const INLINE_TAGS_KEPT = new Set<MdTag>(['em', 'strong', 's', 'code']);

/**
 * The tree on one line, for previews inside a button: blocks become their inline content
 * separated by spaces, line breaks become spaces, links stay visible but lose their target
 * (a link inside a button can't be followed), rules and code blocks become plain runs.
 */
export function inlineTree(nodes: MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  const space = () => {
    const last = out.at(-1);
    if (out.length && !(last?.kind === 'text' && last.text.endsWith(' ')))
      out.push({ kind: 'text', text: ' ' });
  };
  for (const node of nodes) {
    if (node.kind === 'text') out.push(node);
    else if (node.kind === 'break') space();
    else if (INLINE_TAGS_KEPT.has(node.tag))
      out.push({ ...node, children: inlineTree(node.children) });
    else if (node.tag === 'a')
      out.push({ kind: 'element', tag: 'a', children: inlineTree(node.children) });
    else if (node.tag !== 'hr') {
      space();
      out.push(...inlineTree(node.children));
      space();
    }
  }
  while (out.at(-1)?.kind === 'text' && (out.at(-1) as { text: string }).text === ' ') out.pop();
  while (out[0]?.kind === 'text' && (out[0] as { text: string }).text === ' ') out.shift();
  return out;
}

/** The plain text of a tree, as one line (for compact previews and tests). */
export function plainText(nodes: MdNode[]): string {
  const text = (list: MdNode[]): string =>
    list
      .map((node) => {
        if (node.kind === 'text') return node.text;
        if (node.kind === 'break') return ' ';
        const inner = text(node.children);
        return INLINE_TAGS_KEPT.has(node.tag) || node.tag === 'a' ? inner : ` ${inner} `;
      })
      .join('');
  return text(nodes).replace(/\s+/g, ' ').trim();
}
