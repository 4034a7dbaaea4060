// Markdown export: notes ready for Obsidian, YAML front matter first, each passage a blockquote
// followed by its tags (as Obsidian tags) and the analyst's comment.
import type { Tag } from '../../shared/model';
import { citePages } from '../../shared/places';
import { frontMatter, type FrontMatterValue } from './front-matter';
import { blockquote, inlineText } from './markdown-escape';
import { shiftHeadings } from './markdown-headings';
import {
  NOTEBOOK_SOURCE,
  NOTEBOOK_TITLE,
  articleUrl,
  passagesOf,
  tagIndex,
  type ExportPassage,
} from './passages';
import type { ExportArticle, ExportedArticle, ExportRequest } from './types';

type Fields = Array<readonly [string, FrontMatterValue]>;

export function renderMarkdown(request: ExportRequest): string {
  const tags = tagIndex(request.tags);
  const first = request.articles[0];
  const single = request.scope === 'article' && first !== undefined;
  const filtered = (request.tagFilter?.length ?? 0) > 0;
  const filter = (request.tagFilter ?? []).map((tag) => obsidianTag(tag.name)).filter(Boolean);

  const fields: Fields = single
    ? articleFields(first.article)
    : [
        ['title', NOTEBOOK_TITLE],
        ['source', NOTEBOOK_SOURCE],
      ];
  fields.push(['exported-at', request.exportedAt.toISOString()], ['tags', filter]);
  const parts = [frontMatter(fields)];
  if (single) {
    // The note's sections: "# Title", then "## Memo" and "## Passages".
    parts.push(...articleSection(first, tags, 1, filtered));
  } else {
    parts.push(`# ${inlineText(NOTEBOOK_TITLE)}`);
    // Filtered by tag, the note is about the passages that have them: an article without one
    // (the service passes only matching annotations) has nothing to say here.
    const items = filtered
      ? request.articles.filter((i) => i.annotations.length)
      : request.articles;
    if (items.length === 0 && filtered) parts.push('_No passages have the chosen tags._');
    for (const item of items) parts.push(...articleSection(item, tags, 2, filtered));
  }
  return parts.join('\n\n') + '\n';
}

/** What a citation needs, as Obsidian properties; details not known are left out. */
function articleFields(article: ExportedArticle): Fields {
  const url = articleUrl(article);
  return [
    ['title', article.title],
    ['author', article.authors],
    ['date', article.published],
    ['publication', article.publication],
    url ? ['url', url] : ['source', article.source],
    ['doi', article.doi],
  ];
}

function articleSection(
  item: ExportArticle,
  tags: Map<string, Tag>,
  level: 1 | 2,
  filtered: boolean,
): string[] {
  const { article } = item;
  const sub = '#'.repeat(level + 1);
  const parts = [`${'#'.repeat(level)} ${inlineText(article.title) || 'Untitled'}`];
  // In a single-article note the source is already in the front matter.
  if (level > 1 && article.source.trim()) parts.push(sourceLine(article));
  // Memos and comments sit under a level+1 heading: their own headings go below it.
  const memo = markdownBlock(article.memo, level + 1);
  if (memo) parts.push(`${sub} Memo`, memo);
  parts.push(`${sub} Passages`);
  const passages = passagesOf(item, tags);
  if (passages.length === 0) {
    parts.push(filtered ? '_No passages with the chosen tags._' : '_No passages._');
  }
  for (const passage of passages) {
    parts.push(...passageBlock(passage, level + 1, article.title));
  }
  return parts;
}

function sourceLine(article: ExportedArticle): string {
  const url = articleUrl(article);
  // An autolink can't contain spaces or angle brackets; WHATWG URLs percent-encode them.
  return url ? `Source: <${url}>` : `Source: ${inlineText(article.source)}`;
}

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

/**
 * The quote, its citation line when the article has pages ("— Title, p. 12"), then its tags and
 * comment. Without pages the article's heading (or the note's title) already says where it is from.
 */
function passageBlock(
  { passage, orphaned, tags, annotation, pages }: ExportPassage,
  depth: number,
  title: string,
): string[] {
  const parts = [blockquote(passage)];
  if (pages) parts.push(`— ${inlineText(title) || 'Untitled'}, ${citePages(pages)}`);
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
  const comment = markdownBlock(annotation.comment, depth);
  if (comment) parts.push(comment);
  return parts;
}

/**
 * The analyst's own Markdown, kept as written: only line ends and outer blank lines tidied, an
 * open fence closed, and headings moved below the section (at `depth`) it is placed in.
 */
function markdownBlock(text: string, depth: number): string {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
  return tidy === '' ? '' : shiftHeadings(closeOpenFence(tidy), depth);
}

/** A code fence left open in a comment would swallow every passage after it; close it. */
function closeOpenFence(markdown: string): string {
  if (!markdown.includes('```') && !markdown.includes('~~~')) return markdown;
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
 * An emoji as one unit: a pictograph with its variation selector, skin tone and tag characters
 * (subdivision flags), joined to the next by ZWJ; or a flag, a run of regional indicators.
 */
const EMOJI =
  /\p{Extended_Pictographic}[\uFE0E\uFE0F\p{Emoji_Modifier}\u{E0020}-\u{E007F}]*(?:\u200D\p{Extended_Pictographic}[\uFE0E\uFE0F\p{Emoji_Modifier}\u{E0020}-\u{E007F}]*)*|\p{Regional_Indicator}+/u;
/** An emoji kept whole, or any other character a tag can't hold, dropped. */
const UNUSABLE = new RegExp(String.raw`(${EMOJI.source})|[^\p{L}\p{N}\p{M}\s_/-]`, 'gu');

/**
 * Obsidian tags allow letters (any script), digits, emoji, `_`, `-` and `/` (nesting), and need
 * one character that isn't a digit. Whitespace becomes one `-`, so "🔥 urgent" is `🔥-urgent`;
 * no tag or nested part starts or ends with `-` or `/`. A `_` stays only before a letter or a
 * digit: elsewhere Markdown readers take it for emphasis running across the tag line. Empty
 * when nothing usable is left.
 */
export function obsidianTag(name: string): string {
  const tag = name
    .normalize('NFC')
    .trim()
    .replace(UNUSABLE, (_, emoji?: string) => emoji ?? '')
    .replace(/[\s-]*\s[\s-]*/g, '-')
    .replace(/_+(?![\p{L}\p{N}\p{M}_])/gu, '')
    .replace(/[-/]*\/[-/]*/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  return /^[\p{Nd}/]*$/u.test(tag) && tag !== '' ? `_${tag}` : tag;
}
