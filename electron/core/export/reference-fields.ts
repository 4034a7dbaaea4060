// An article's details read the way reference managers want them: names split into family and
// given parts, dates into numbers, and a kind of work. Shared by the CSL-JSON and BibTeX exports
// so both say the same about every article.
import type { ArticleFormat } from '../../shared/model';
import type { ExportedArticle } from './types';

/** A person's name in parts, or a name kept whole (an organisation, a single word). */
export type NameParts = { family: string; given: string } | { literal: string };

/**
 * "Smith, J." -> family Smith, given J.; "Leyla Əliyeva" -> given Leyla, family Əliyeva (the last
 * word, as most names the notebook meets are written); a single word, or a name with "of" or "for"
 * in it ("Ministry of Foreign Affairs"), is kept whole: guessing a family name there would be wrong.
 */
export function nameParts(name: string): NameParts {
  const text = name.replace(/\s+/g, ' ').trim();
  const comma = text.indexOf(',');
  if (comma > 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    return given ? { family, given } : { literal: family };
  }
  const words = text.split(' ');
  if (words.length < 2 || /\b(?:of|for|and|the)\b/i.test(text)) return { literal: text };
  return { family: words.at(-1)!, given: words.slice(0, -1).join(' ') };
}

/** Year, month, day as far as the date says them; undefined when it isn't an ISO-style date. */
export function dateParts(published: string): [number, number?, number?] | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s].*)?$/.exec(published.trim());
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map((part) => (part ? Number(part) : undefined));
  if (month !== undefined && (month < 1 || month > 12)) return [year!];
  if (day !== undefined && (day < 1 || day > 31)) return [year!, month];
  return day !== undefined ? [year!, month, day] : month !== undefined ? [year!, month] : [year!];
}

/** A year anywhere in a free-form date ("May 2019"), for citation keys and BibTeX's year. */
export function yearOf(published: string): string | undefined {
  return /\b(\d{4})\b/.exec(published)?.[1];
}

export type WorkKind = 'journal-article' | 'web-page' | 'document';

/** A DOI says journal article; a saved page says web page; anything else is a document. */
export function workKind(article: Pick<ExportedArticle, 'doi' | 'format'>): WorkKind {
  if (article.doi) return 'journal-article';
  const web: ArticleFormat[] = ['html'];
  return web.includes(article.format) ? 'web-page' : 'document';
}

/** The date the analyst took the article in: what "accessed" means for a saved copy. */
export function accessedParts(importedAt: string): [number, number, number] | undefined {
  const parts = dateParts(importedAt.slice(0, 10));
  return parts?.length === 3 ? (parts as [number, number, number]) : undefined;
}
