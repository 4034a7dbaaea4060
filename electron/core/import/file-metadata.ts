// What a file says about itself for a citation (a PDF's info dictionary and XMP, DOCX core
// properties, an EPUB's OPF dc: fields, a page's byline): every importer of the formats issue
// reports it in this one shape, and detailsFrom maps it onto the article's details.
import { bareDoi, webAddress } from '../../shared/citation';
import { LIMITS, type CanonicalDocument } from '../../shared/model';

export interface FileMetadata {
  title?: string;
  /** In the order the file gives them, each as written ("Leyla Aliyeva", "Smith, J."). */
  authors?: string[];
  /** As the file gives it, preferably ISO 8601 ("2019-05-04"); a year alone is fine. */
  published?: string;
  /** The journal, newspaper, site or publisher the article appeared in. */
  publication?: string;
  /** An http(s) address only (safe-url.ts webUrl). */
  url?: string;
  /** Bare, lower-case DOI ("10.1000/xyz123"), without "doi:" or a resolver prefix. */
  doi?: string;
  /** BCP 47 tag when the file declares one ("en", "az-Latn"). */
  language?: string;
}

const oneLine = (text: string, max: number) => text.replace(/\s+/g, ' ').trim().slice(0, max);

/**
 * The details an article starts with, from what its file says: each field cleaned to what the
 * call schemas would accept from the analyst (one line, within its limit, a real DOI or web
 * address), and left out when the file says nothing usable.
 */
export function detailsFrom(meta: FileMetadata): NonNullable<CanonicalDocument['details']> {
  const details: NonNullable<CanonicalDocument['details']> = {};
  const authors = (meta.authors ?? [])
    .map((a) => oneLine(a, LIMITS.author))
    .filter((a) => a !== '')
    .slice(0, LIMITS.authors);
  if (authors.length > 0) details.authors = [...new Set(authors)];
  const published = oneLine(meta.published ?? '', LIMITS.published);
  if (published) details.published = published;
  const publication = oneLine(meta.publication ?? '', LIMITS.publication);
  if (publication) details.publication = publication;
  const url = meta.url === undefined ? undefined : webAddress(meta.url);
  if (url && url.length <= LIMITS.url) details.url = url;
  const doi = meta.doi === undefined ? undefined : bareDoi(meta.doi);
  if (doi && doi.length <= LIMITS.doi) details.doi = doi;
  return details;
}

/** "2019-05-04T10:00:00+04:00" -> "2019-05-04"; anything not starting with an ISO date as it is. */
export function isoDay(date: string): string {
  const text = date.trim();
  return /^\d{4}-\d{2}-\d{2}(?:[T\s]|$)/.test(text) ? text.slice(0, 10) : text;
}
