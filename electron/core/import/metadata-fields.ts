// What the file importers (DOCX, EPUB, ODT) hand back, and the cleaning every format's citation
// fields share: DOIs made bare, dates cut to their ISO day, authors split and bounded.
import { LIMITS, type CanonicalDocument } from '../../shared/model';
import { bareDoi } from '../../shared/citation';
import type { FileMetadata } from './file-metadata';
import { webUrl } from './safe-url';

/** A document file read whole: its canonical text and what it says about itself. */
export interface ImportedFile {
  doc: CanonicalDocument;
  metadata: FileMetadata;
}

// A DOI is "10." + registrant + "/" + suffix; the suffix may hold nearly anything but spaces.
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s]|$)/;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** The first DOI in a field ("doi:10.1/x", "https://doi.org/10.1/X."), bare and lower-case. */
export const doiIn = (raw: string | undefined): string | undefined =>
  raw === undefined ? undefined : bareDoi(raw);

/** An ISO date or date-time cut to its day ("2019-05-04"), or the field as given when not ISO. */
export function publishedDate(raw: string | undefined): string | undefined {
  const text = raw?.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  const iso = ISO_DATE.exec(text);
  // Office applications write year 1 or Windows' epoch, 1601-01-01, for a date never set.
  if (iso && (Number(iso[1]) === 1 || text.startsWith('1601-01-01'))) return undefined;
  const date = iso ? [iso[1], iso[2], iso[3]].filter(Boolean).join('-') : text;
  return date.length <= LIMITS.published ? date : undefined;
}

export function languageTag(raw: string | undefined): string | undefined {
  const tag = raw?.trim();
  return tag && LANGUAGE_TAG.test(tag) ? tag : undefined;
}

/**
 * Authors as the file lists them, each once, bounded. Office files keep several authors in one
 * field separated by semicolons ("Aliyeva, L.; Smith, J."); commas stay, they are within names.
 */
export function authorList(fields: readonly string[]): string[] | undefined {
  const seen = new Set<string>();
  for (const field of fields) {
    for (const name of field.split(';')) {
      const author = name.replace(/\s+/g, ' ').trim();
      if (author !== '' && author.length <= LIMITS.author) seen.add(author);
    }
  }
  const authors = [...seen].slice(0, LIMITS.authors);
  return authors.length > 0 ? authors : undefined;
}

/** A field cut to one line and a limit, or undefined when empty or too long to be right. */
export function oneLine(raw: string | undefined, limit: number): string | undefined {
  const text = raw?.replace(/\s+/g, ' ').trim();
  return text && text.length <= limit ? text : undefined;
}

/** The metadata without its empty fields, so callers can tell "not given" from "given". */
export function compactMetadata(fields: FileMetadata): FileMetadata {
  const out: FileMetadata = {};
  const title = oneLine(fields.title, LIMITS.title);
  if (title) out.title = title;
  if (fields.authors && fields.authors.length > 0) out.authors = fields.authors;
  if (fields.published) out.published = fields.published;
  const publication = oneLine(fields.publication, LIMITS.publication);
  if (publication) out.publication = publication;
  const url = webUrl(fields.url);
  if (url && url.length <= LIMITS.url) out.url = url;
  if (fields.doi) out.doi = fields.doi;
  if (fields.language) out.language = fields.language;
  return out;
}
