// The analyst's own Markdown (memos, comments) placed inside a note: its headings move below the
// note's own levels, so the note's outline holds. markdown-it finds them; nothing else changes.
import MarkdownIt from 'markdown-it';

/**
 * HTML on, as Obsidian renders it: a heading-looking line inside an HTML block is no heading.
 * Block structure is all this needs, so inline parsing (most of the cost) is off.
 */
const parser = new MarkdownIt({ html: true });
parser.core.ruler.disable(['inline', 'text_join']);

/**
 * Cheap test first: a line that could be an ATX heading (# after container markers) or a setext
 * underline. Most comments have neither and skip the parser, which keeps 10k comments fast.
 */
const MAYBE_HEADING = /^[ \t>*+\-\d.)]*#|^[ \t>]*(?:=+|-+)[ \t]*$/m;

/** Where a line's container markers (quote >, list bullets and numbers) end and a heading starts. */
const ATX = /^([ \t>*+\-\d.)]*?)(#{1,6})(?=[ \t]|$)/;

/**
 * Rewrites each heading at (its level + depth), capped at 6. `depth` is the level of the section
 * the text sits in: a memo under "## Memo" has depth 2, so its "# Intro" becomes "### Intro".
 * ATX headings get a longer run of #; setext ones (underlined, levels 1-2 only) become ATX.
 */
export function shiftHeadings(markdown: string, depth: number): string {
  if (depth <= 0 || !MAYBE_HEADING.test(markdown)) return markdown;
  const tokens = parser.parse(markdown, {});
  const lines = markdown.split('\n');
  // Replacements by line; a setext heading's other lines are dropped (null).
  const rewrites = new Map<number, string | null>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type !== 'heading_open' || !token.map) continue;
    const level = Math.min(6, Number(token.tag.slice(1)) + depth);
    const [first, end] = token.map;
    const line = lines[first] ?? '';
    if (token.markup.startsWith('#')) {
      const match = ATX.exec(line);
      if (match) rewrites.set(first, match[1] + '#'.repeat(level) + line.slice(match[0].length));
      continue;
    }
    const content = tokens[i + 1]?.content ?? '';
    const prefix = containerPrefix(line, content);
    if (prefix === undefined) continue;
    const text = content.replace(/[ \t]*\n[ \t]*/g, ' ');
    // A trailing run of # would be read as an ATX heading's closing sequence and vanish.
    const kept = text.replace(/(^|[ \t])(#+)[ \t]*$/, '$1\\$2');
    rewrites.set(first, `${prefix}${'#'.repeat(level)} ${kept}`);
    for (let n = first + 1; n < end; n++) rewrites.set(n, null);
  }
  if (rewrites.size === 0) return markdown;
  const out: string[] = [];
  lines.forEach((line, n) => {
    const rewrite = rewrites.get(n);
    if (rewrite === undefined) out.push(line);
    else if (rewrite !== null) out.push(rewrite);
  });
  return out.join('\n');
}

/**
 * What comes before a setext heading's text on its first line (indent, `>` of a quote, a list
 * bullet): the line is that prefix and then the text. Undefined when it can't be told apart.
 */
function containerPrefix(line: string, content: string): string | undefined {
  const firstLine = (content.split('\n')[0] ?? '').trimEnd();
  const raw = line.trimEnd();
  if (firstLine === '' || !raw.endsWith(firstLine)) return undefined;
  const prefix = raw.slice(0, raw.length - firstLine.length);
  return /^[ \t>*+\-\d.)]*$/.test(prefix) ? prefix : undefined;
}
