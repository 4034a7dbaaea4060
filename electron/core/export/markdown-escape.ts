// Passages in a Markdown note read as the article's words: Markdown, HTML and Obsidian syntax in
// them is escaped so nothing in a quote becomes a link, emphasis, tag, comment or heading.

/**
 * Inline syntax a passage can trigger anywhere in a line. Each is answered by a backslash before
 * the punctuation (CommonMark escapes any ASCII punctuation, and Obsidian reads escapes alike):
 * always \ ` * [ ] | ~ $ ^ (escapes, code, emphasis, links and [[wikilinks]], tables, ~~strike~~,
 * $math$, ^block-ids and [^notes]); runs of == and %% (Obsidian highlight and comment); runs of _
 * unless inside a word (CommonMark and Obsidian never make emphasis there: snake_case stays);
 * < where a tag, comment or autolink could start; & where a character reference would; and # where
 * Obsidian would start a tag (not after a letter or digit: "C#" stays).
 */
const INLINE =
  /[\\`*[\]|~$^]|={2,}|%{2,}|_+|<(?=[A-Za-z/!?])|&(?=#\d{1,7};|#[xX][\da-fA-F]{1,6};|[A-Za-z][A-Za-z\d]{1,31};)|#(?=[\p{L}\p{N}\p{M}_/-])/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPACE = /\s/;

function escapeMatch(match: string, offset: number, line: string): string {
  const first = match[0];
  if (first === '_') {
    const inWord =
      WORD_CHAR.test(line[offset - 1] ?? '') && WORD_CHAR.test(line[offset + match.length] ?? '');
    return inWord ? match : match.replace(/_/g, '\\_');
  }
  if (first === '#' && WORD_CHAR.test(line[offset - 1] ?? '')) return match;
  return match.length === 1 ? `\\${match}` : match.replace(/./g, '\\$&');
}

/**
 * Constructs that only a line's start can open, once inline escaping is done (which already
 * covers * _ ` ~ $ | [ and <): headings, nested quotes, list items, thematic breaks, setext
 * underlines. A backslash before the one character that triggers it is enough.
 */
function escapeLineStart(line: string): string {
  if (/^(?:#{1,6}(?=[ \t]|$)|>|[-+](?=[ \t]|$)|(?:-[ \t]*)+$|=+[ \t]*$)/.test(line)) {
    return `\\${line}`;
  }
  return /^\d/.test(line) ? line.replace(/^(\d{1,9})([.)])(?=[ \t]|$)/, '$1\\$2') : line;
}

/** A character as a decimal reference: hex (`&#x20;`) would read as an Obsidian tag. */
const reference = (char: string) => `&#${char.codePointAt(0)};`;

/**
 * Markdown strips a line's leading whitespace (or, past three spaces, makes code of it), turns two
 * trailing spaces into a line break and trims the rest; a character reference for the outermost
 * whitespace character on each side keeps them all as text. A CR would be read as a line end.
 */
function keepEdges(line: string): string {
  let kept = line.includes('\r') ? line.replace(/\r/g, '&#13;') : line;
  const last = kept.length - 1;
  if (last < 0) return kept;
  if (SPACE.test(kept[last]!)) kept = kept.slice(0, last) + reference(kept[last]!);
  if (SPACE.test(kept[0]!)) kept = reference(kept[0]!) + kept.slice(1);
  return kept;
}

/** One line of a passage as Markdown text: empty stays empty (the caller decides what it means). */
function quoteLine(line: string): string {
  if (line === '') return line;
  const escaped = line.replace(INLINE, escapeMatch);
  return keepEdges(SPACE.test(escaped[0]!) ? escaped : escapeLineStart(escaped));
}

const NEWLINE = '&#10;';

/**
 * The passage as one blockquote whose text is exactly the passage. Every line is prefixed, so
 * nothing can end the quote; one empty line between lines becomes a bare `>` (a paragraph break,
 * which reads back as a blank line). Line breaks Markdown can't show that way (at the start or
 * end, or several in a row) become `&#10;` references in the line they lead into.
 */
export function blockquote(passage: string): string {
  const lines = passage.split('\n');
  const out: string[] = [];
  let breaks = 0;
  for (const line of lines) {
    if (line === '') {
      breaks++;
      continue;
    }
    const text = quoteLine(line);
    if (out.length === 0) out.push(NEWLINE.repeat(breaks) + text);
    else if (breaks === 0) out.push(text);
    else out.push('', NEWLINE.repeat(breaks - 1) + text);
    breaks = 0;
  }
  // The passage's last line was empty `breaks` times over: its line breaks end the last line.
  const trailing = out.length === 0 ? NEWLINE.repeat(lines.length - 1) : NEWLINE.repeat(breaks);
  if (out.length === 0) out.push(trailing);
  else out[out.length - 1] += trailing;
  return out.map((line) => (line === '' ? '>' : `> ${line}`)).join('\n');
}

/** Every # as well as the rest: a heading drops a trailing run of them, even after a letter. */
const INLINE_AND_HASH = new RegExp(`#|${INLINE.source}`, 'gu');

/** A one-line plain text (a title, a source) as Markdown: whitespace collapsed, syntax escaped. */
export function inlineText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(INLINE_AND_HASH, (match, offset: number, line: string) =>
      match === '#' ? '\\#' : escapeMatch(match, offset, line),
    );
}
