// BibTeX (biblatex-flavoured, as Zotero and JabRef read it): one entry per article, UTF-8, every
// value braced and LaTeX's special characters escaped, so no title can break out of its field.
import { slugify } from './file-name';
import { articleUrl } from './passages';
import {
  accessedParts,
  dateParts,
  nameParts,
  workKind,
  yearOf,
  type NameParts,
  type WorkKind,
} from './reference-fields';
import type { ExportedArticle, ExportRequest } from './types';

const ENTRY_TYPES: Record<WorkKind, string> = {
  'journal-article': 'article',
  'web-page': 'online',
  document: 'misc',
};

const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  // Not \^{} and \~{}: those are accents (on nothing), not the characters.
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** Text for a braced field: LaTeX specials escaped, so braces always balance. */
export function latexText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}%&$#_^~]/g, (c) => LATEX_SPECIAL[c]!);
}

/**
 * url and doi are verbatim fields (biblatex reads them character for character), so they are
 * not escaped; a brace, which a URL's query may hold, is percent-encoded to keep the braces of
 * the field balanced.
 */
function verbatim(text: string): string {
  return text.replace(/[{}\s]/g, (c) => encodeURIComponent(c));
}

/**
 * A title as written: styles and importers (Zotero's among them) lower-case a BibTeX title's
 * words after the first unless they are braced, so every word with a capital is braced, the way
 * reference managers protect proper names ("Rüfət {Məmmədov}").
 */
export function latexTitle(title: string): string {
  return latexText(title)
    .split(' ')
    .map((word, i) => (i > 0 && /\p{Lu}/u.test(word) ? `{${word}}` : word))
    .join(' ');
}

function person(name: NameParts): string {
  // A name kept whole is braced, so BibTeX neither splits it nor reads " and " in it as a break.
  if ('literal' in name) return `{${latexText(name.literal)}}`;
  return `${latexText(name.family)}, ${latexText(name.given)}`;
}

export function renderBibtex(request: ExportRequest): string {
  const keys = new CitationKeys();
  const entries = request.articles.map(({ article }) => bibtexEntry(article, keys.next(article)));
  return entries.join('\n\n') + '\n';
}

function bibtexEntry(article: ExportedArticle, key: string): string {
  const fields: Array<[string, string]> = [['title', latexTitle(article.title)]];
  if (article.authors.length > 0) {
    fields.push(['author', article.authors.map((a) => person(nameParts(a))).join(' and ')]);
  }
  const date = dateParts(article.published);
  if (date) fields.push(['date', date.map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-')]);
  const year = yearOf(article.published);
  if (year) fields.push(['year', year]);
  const kind = workKind(article);
  if (article.publication) {
    fields.push([
      kind === 'journal-article' ? 'journal' : 'organization',
      latexText(article.publication),
    ]);
  }
  const url = articleUrl(article);
  if (url) fields.push(['url', verbatim(url)]);
  if (article.doi) fields.push(['doi', verbatim(article.doi)]);
  const accessed = accessedParts(article.importedAt);
  if (accessed && url) {
    fields.push(['urldate', accessed.map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-')]);
  }
  const body = fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n');
  return `@${ENTRY_TYPES[kind]}{${key},\n${body}\n}`;
}

/**
 * Keys as people type them: first author's family name, year, first word of the title
 * ("aliyeva2019ties"), in plain ASCII letters and digits; a second article with the same key
 * gets "a", "b"... after it.
 */
class CitationKeys {
  readonly #used = new Set<string>();

  next(article: ExportedArticle): string {
    const first = article.authors[0];
    const parts = first === undefined ? undefined : nameParts(first);
    const who = parts ? ('literal' in parts ? parts.literal : parts.family) : '';
    const titleWord = article.title.split(/\s+/).find((w) => slugify(w, '').length > 2) ?? '';
    const base =
      [who, yearOf(article.published) ?? '', titleWord]
        .map((part) => slugify(part, '').replace(/[^a-z0-9]/g, ''))
        .join('') || 'article';
    let key = base;
    for (let n = 0; this.#used.has(key); n++) key = base + suffix(n);
    this.#used.add(key);
    return key;
  }
}

/** a, b, ... z, aa, ab, ... */
function suffix(n: number): string {
  let out = '';
  for (let i = n; i >= 0; i = Math.floor(i / 26) - 1)
    out = String.fromCharCode(97 + (i % 26)) + out;
  return out;
}
