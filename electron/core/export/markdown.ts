// Markdown export: notes ready for Obsidian, YAML front matter first, each passage a blockquote
// followed by its tags (as Obsidian tags) and the analyst's comment.
import type { Article, Tag } from '../../shared/model';
import {
  NOTEBOOK_SOURCE,
  NOTEBOOK_TITLE,
  passagesOf,
  tagIndex,
  webUrl,
  type ExportPassage,
} from './passages';
import type { ExportArticle, ExportRequest } from './types';

export function renderMarkdown(request: ExportRequest): string {
  const tags = tagIndex(request.tags);
  const first = request.articles[0];
  const single = request.scope === 'article' && first !== undefined;
  const filter = (request.tagFilter ?? []).map((tag) => obsidianTag(tag.name)).filter(Boolean);

  const parts = [
    frontMatter([
      ['title', single ? first.article.title : NOTEBOOK_TITLE],
      ['source', single ? first.article.source : NOTEBOOK_SOURCE],
      ['exported-at', request.exportedAt.toISOString()],
      ...(filter.length ? [['tags', filter] as const] : []),
    ]),
  ];
  if (single) {
    parts.push(...articleSection(first, tags, 1));
  } else {
    parts.push(`# ${inlineText(NOTEBOOK_TITLE)}`);
    for (const item of request.articles) parts.push(...articleSection(item, tags, 2));
  }
  return parts.join('\n\n') + '\n';
}

/**
 * YAML allows JSON strings as double-quoted scalars, so JSON.stringify does the escaping. JSON
 * leaves C1 controls raw, which YAML forbids in a stream, and NEL/LS/PS, which YAML 1.1 reads as
 * line breaks (folding them away); those are escaped too.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function frontMatter(fields: ReadonlyArray<readonly [string, string | readonly string[]]>): string {
  const lines = fields.map(([key, value]) =>
    typeof value === 'string'
      ? `${key}: ${yamlString(value)}`
      : `${key}: [${value.map(yamlString).join(', ')}]`,
  );
  return ['---', ...lines, '---'].join('\n');
}

function articleSection(item: ExportArticle, tags: Map<string, Tag>, level: 1 | 2): string[] {
  const { article } = item;
  const sub = '#'.repeat(level + 1);
  const parts = [`${'#'.repeat(level)} ${inlineText(article.title) || 'Untitled'}`];
  // In a single-article note the source is already in the front matter.
  if (level > 1 && article.source.trim()) parts.push(sourceLine(article));
  const memo = markdownBlock(article.memo);
  if (memo) parts.push(`${sub} Memo`, memo);
  parts.push(`${sub} Passages`);
  const passages = passagesOf(item, tags);
  if (passages.length === 0) parts.push('_No passages._');
  for (const passage of passages) parts.push(...passageBlock(passage));
  return parts;
}

function sourceLine(article: Article): string {
  const url = webUrl(article.source);
  // An autolink can't contain spaces or angle brackets; WHATWG URLs percent-encode them.
  return url ? `Source: <${url}>` : `Source: ${inlineText(article.source)}`;
}

/** First characters (besides digits) that can start a Markdown construct (see escapeLineStart). */
const LINE_START_TRIGGERS = new Set([
  '#',
  '>',
  '|',
  '-',
  '+',
  '*',
  '_',
  '=',
  '`',
  '~',
  '$',
  '<',
  '[',
]);

/** obsidianTag runs several Unicode regexes; a notebook has few tags and many passages. */
const tagCache = new Map<string, string>();
function cachedObsidianTag(name: string): string {
  let tag = tagCache.get(name);
  if (tag === undefined) {
    if (tagCache.size > 10_000) tagCache.clear();
    tag = obsidianTag(name);
    tagCache.set(name, tag);
  }
  return tag;
}

function passageBlock({ passage, orphaned, tags, annotation }: ExportPassage): string[] {
  const parts = [blockquote(passage)];
  if (orphaned) {
    parts.push(
      '**Orphaned:** this passage was not found in the current text of the article; ' +
        'it is quoted as it was when annotated.',
    );
  }
  const tagLine = tags
    .map((tag) => cachedObsidianTag(tag.name))
    .filter(Boolean)
    .map((tag) => `#${tag}`)
    .join(' ');
  if (tagLine) parts.push(tagLine);
  const comment = markdownBlock(annotation.comment);
  if (comment) parts.push(comment);
  return parts;
}

/** The analyst's own Markdown, kept as written; only line ends and outer blank lines tidied. */
function markdownBlock(text: string): string {
  return closeOpenFence(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/^(?:[ \t]*\n)+/, '')
      .trimEnd(),
  );
}

/** A code fence left open in a comment would swallow every passage after it; close it. */
function closeOpenFence(markdown: string): string {
  let open: string | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (!fence) continue;
    if (!open) open = fence;
    else if (fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) {
      open = undefined;
    }
  }
  return open ? `${markdown}\n${open}` : markdown;
}

/**
 * Every line prefixed, so nothing in a passage can end the quote; blank lines become a bare `>`
 * so a multi-paragraph passage stays one quote.
 */
export function blockquote(passage: string): string {
  return passage
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLineStart(escapeInline(line))}`))
    .join('\n');
}

/**
 * A passage is plain text, but some line starts would turn it into a heading, list, nested quote,
 * rule, fence, HTML, table, link definition or Obsidian callout inside the quote. A backslash
 * before the one character that triggers it is enough (CommonMark escapes any ASCII punctuation).
 */
function escapeLineStart(line: string): string {
  // Fast path: most lines start with a letter, which can trigger none of the cases below.
  const first = line.trimStart()[0] ?? '';
  if (!LINE_START_TRIGGERS.has(first) && !(first >= '0' && first <= '9')) return line;
  const match = /^( {0,3})(.*)$/s.exec(line);
  const indent = match?.[1] ?? '';
  const rest = match?.[2] ?? line;
  const escaped =
    /^#{1,6}(?:[ \t]|$)/.test(rest) ||
    /^[>|]/.test(rest) ||
    /^[-+*](?:[ \t]|$)/.test(rest) ||
    /^([-_*])[ \t]*(?:\1[ \t]*){2,}$/.test(rest) ||
    /^(?:=+|-+)[ \t]*$/.test(rest) ||
    /^(?:`{3}|~{3}|\$\$)/.test(rest) ||
    /^<[A-Za-z/!?]/.test(rest) ||
    /^\[(?:!|[^\]]*\]:)/.test(rest)
      ? `\\${rest}`
      : rest.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2');
  return indent + escaped;
}

/**
 * Obsidian reads `#word` anywhere as a tag and `%%` as the start of a comment that can hide the
 * rest of the note; quoted text must do neither.
 */
function escapeInline(text: string): string {
  return text.replace(/(^|\s)#(?=[\p{L}\p{N}_/-])/gu, '$1\\#').replace(/%%/g, '\\%\\%');
}

/** A one-line plain text (title, source) shown as Markdown, with inline syntax escaped. */
function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|~=%]/g, '\\$&');
}

/**
 * Obsidian tags allow letters (any script), digits, `_`, `-` and `/` (nesting), and need one
 * character that isn't a digit. Empty when nothing usable is left.
 */
export function obsidianTag(name: string): string {
  const tag = name
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}_/-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^\/+|\/+$/g, '');
  if (tag === '' || /^[-/]*$/.test(tag)) return '';
  return /^[\d/]+$/.test(tag) ? `_${tag}` : tag;
}
