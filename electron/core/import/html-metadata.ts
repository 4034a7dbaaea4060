// What a saved web page says about its article for a citation: the Highwire "citation_*" tags that
// journals publish for Google Scholar and Zotero, Open Graph and article: tags, Dublin Core, and
// what Readability found (byline, site name, published time), in that order of trust.
import { isoDay, type FileMetadata } from './file-metadata';

interface ReadabilityFindings {
  byline?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

/** Every content of the meta tags named (name= or property=, any case), in page order. */
function metaValues(document: Document, ...names: string[]): string[] {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  const values: string[] = [];
  for (const meta of document.querySelectorAll('meta[content]')) {
    const key = (meta.getAttribute('name') ?? meta.getAttribute('property') ?? '').toLowerCase();
    const content = meta.getAttribute('content')?.trim();
    if (wanted.has(key) && content) values.push(content);
  }
  return values;
}

const first = (values: string[]) => values[0];

/** "By Leyla Əliyeva and Rüfət Məmmədov" -> the two names. */
function bylineNames(byline: string): string[] {
  const names = byline
    .replace(/^\s*(?:by|written by|posted by)\s+/i, '')
    .split(/\s*(?:,|;|\band\b|&)\s*/i)
    .map((n) => n.trim());
  // A byline that is a sentence ("Staff report from Baku, 4 May") is not a list of names.
  return names.every((n) => n !== '' && n.split(/\s+/).length <= 5) ? names : [];
}

/** Author metas sometimes hold a profile link; that is not a name. */
const notAddress = (value: string) => !/^https?:\/\//i.test(value);

/** Read before Readability runs: it rewrites the document it is given. */
export function pageMetadataBefore(document: Document): Omit<FileMetadata, 'url'> {
  const authors = metaValues(document, 'citation_author');
  const otherAuthors = metaValues(
    document,
    'author',
    'article:author',
    'dc.creator',
    'dcterms.creator',
  ).filter(notAddress);
  const published =
    first(metaValues(document, 'citation_publication_date', 'citation_date')) ??
    first(metaValues(document, 'article:published_time', 'dc.date', 'dcterms.date', 'date'));
  const publication = first(
    metaValues(
      document,
      'citation_journal_title',
      'citation_conference_title',
      'og:site_name',
      'dc.publisher',
    ),
  );
  const doi = first(metaValues(document, 'citation_doi', 'dc.identifier', 'prism.doi'));
  const language = document.documentElement.getAttribute('lang')?.trim();
  return {
    ...((authors.length > 0 || otherAuthors.length > 0) && {
      authors: authors.length > 0 ? authors : otherAuthors,
    }),
    ...(published && { published: isoDay(published) }),
    ...(publication && { publication }),
    ...(doi && { doi }),
    ...(language && { language }),
  };
}

/** The page's own tags first; Readability's guesses fill what they leave open. */
export function withReadability(
  meta: Omit<FileMetadata, 'url'>,
  found: ReadabilityFindings | null | undefined,
): Omit<FileMetadata, 'url'> {
  const byline = found?.byline ? bylineNames(found.byline) : [];
  return {
    ...meta,
    ...(!meta.authors && byline.length > 0 && { authors: byline }),
    ...(!meta.published && found?.publishedTime && { published: isoDay(found.publishedTime) }),
    ...(!meta.publication && found?.siteName && { publication: found.siteName.trim() }),
  };
}
