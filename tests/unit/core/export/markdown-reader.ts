// Reading an exported note the way a Markdown reader does (markdown-it's token stream), to check
// what a reader sees rather than what the exporter meant to write.
import MarkdownIt, { type MarkdownIt as Parser } from 'markdown-it';

/** Obsidian renders HTML, so raw HTML must show up as such here: html on. */
export const READERS = {
  'markdown-it (GFM-like, html)': new MarkdownIt({ html: true }),
  'CommonMark (html)': new MarkdownIt('commonmark', { html: true }),
};
export const md = READERS['markdown-it (GFM-like, html)'];

export interface Quote {
  /** Inline text children joined, soft breaks as "\n", paragraphs joined by "\n\n". */
  text: string;
  /** Token types inside the quote other than paragraphs of text and soft breaks: none expected. */
  other: string[];
}

/** Every top-level blockquote of a note, in order. */
export function quotesOf(markdown: string, reader: Parser = md): Quote[] {
  const tokens = reader.parse(markdown, {});
  const quotes: Quote[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.type !== 'blockquote_open' || tokens[i]!.level !== 0) continue;
    const paragraphs: string[] = [];
    const other: string[] = [];
    for (i++; i < tokens.length && tokens[i]!.type !== 'blockquote_close'; i++) {
      const token = tokens[i]!;
      if (token.type === 'inline') {
        let text = '';
        for (const child of token.children ?? []) {
          if (child.type === 'softbreak') text += '\n';
          else if (child.type === 'text') text += child.content;
          else other.push(child.type);
        }
        paragraphs.push(text);
      } else if (token.type !== 'paragraph_open' && token.type !== 'paragraph_close') {
        other.push(token.type);
      }
    }
    quotes.push({ text: paragraphs.join('\n\n'), other });
  }
  return quotes;
}

/** Heading levels in document order (1-6), as the outline would list them. */
export function headingLevels(markdown: string, reader: Parser = md): number[] {
  return reader
    .parse(markdown, {})
    .filter((t) => t.type === 'heading_open')
    .map((t) => Number(t.tag.slice(1)));
}

/** Each heading's level and the text it shows, in order. */
export function headings(markdown: string, reader: Parser = md): Array<[number, string]> {
  const tokens = reader.parse(markdown, {});
  return tokens.flatMap((t, i): Array<[number, string]> => {
    if (t.type !== 'heading_open') return [];
    const children = tokens[i + 1]?.children ?? [];
    const text = children.map((c) => (c.type === 'softbreak' ? '\n' : c.content)).join('');
    return [[Number(t.tag.slice(1)), text]];
  });
}

/** The note after its front matter (a reader that doesn't know front matter sees a rule). */
export function noteBody(content: string): string {
  const end = content.startsWith('---\n') ? content.indexOf('\n---\n', 3) : -1;
  if (end < 0) throw new Error('no front matter');
  return content.slice(end + 5);
}
