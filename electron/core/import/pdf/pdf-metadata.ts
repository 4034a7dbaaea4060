// What a PDF says about itself for a citation: the XMP packet first (dc:, prism: fields), then
// the information dictionary, then a DOI printed on the first page. Only titles that are
// titles count: "Microsoft Word - draft3.docx" or "untitled" are the tool talking.
import { LIMITS } from '../../../shared/model';
import { doiIn, publishedDate } from '../metadata-fields';
import type { FileMetadata } from '../file-metadata';
import { webUrl } from '../safe-url';
import type { XmpFields } from './pdf-page';

const MAX_PUBLICATION = 500;
const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

export function pdfMetadata(
  info: Readonly<Record<string, unknown>>,
  xmp: XmpFields,
  firstPageText: string,
): FileMetadata {
  const field = (name: string) => firstValue(xmp.get(name));
  const infoText = (name: string) => {
    const value = info[name];
    return typeof value === 'string' ? oneLine(value) : undefined;
  };
  const custom = (info.Custom ?? {}) as Record<string, unknown>;
  const metadata: FileMetadata = {};

  const title = [field('dc:title'), infoText('Title')].find(
    (t): t is string => t !== undefined && isMeaningfulTitle(t),
  );
  if (title) metadata.title = title.slice(0, LIMITS.title);

  const creators = xmp.get('dc:creator');
  const authors = Array.isArray(creators)
    ? bounded(creators.map(oneLine))
    : splitAuthors(field('dc:creator') ?? infoText('Author') ?? '');
  if (authors.length > 0) metadata.authors = authors;

  // Read as every format's dates are (metadata-fields.ts): ISO cut to the day, placeholders out.
  const published = [
    field('prism:publicationdate'),
    field('prism:coverdate'),
    field('dc:date'),
    pdfDate(infoText('CreationDate')),
  ]
    .map(publishedDate)
    .find((d) => d !== undefined);
  if (published) metadata.published = published;

  const publication = field('prism:publicationname');
  if (publication && publication.length <= MAX_PUBLICATION) metadata.publication = publication;

  const url = webUrl(field('prism:url'));
  if (url) metadata.url = url;

  const doi = [
    field('prism:doi'),
    field('pdfx:doi'),
    field('crossmark:doi'),
    field('dc:identifier'),
    typeof custom.doi === 'string' ? custom.doi : undefined,
    typeof custom.DOI === 'string' ? custom.DOI : undefined,
    firstPageText,
  ]
    .map(doiIn)
    .find((d) => d !== undefined);
  if (doi) metadata.doi = doi;

  const language = [field('dc:language'), infoText('Language')].find(
    (l) => l !== undefined && LANGUAGE_TAG.test(l),
  );
  if (language) metadata.language = language;
  return metadata;
}

/** A list field's first value; an rdf:Alt of several languages comes as one text, one a line. */
function firstValue(value: string | readonly string[] | undefined): string | undefined {
  const first = typeof value === 'string' ? value.split(/\n/)[0] : value?.[0];
  return first === undefined ? undefined : oneLine(first);
}

function oneLine(raw: string): string | undefined {
  const text = raw.replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : text;
}

// What tools write when nobody gave a title: the application's own prefix, a template's
// placeholder, an address or a path.
const TOOL_TITLE =
  /^(?:microsoft (?:word|powerpoint|excel) - |untitled\b|(?:document|slide|layout|title)\s*\d*$|powerpoint presentation$|about:blank$|https?:|file:|[a-z]:\\)/i;
const FILE_NAME = /\.(?:docx?|pdf|rtf|odt|tex|dvi|ps|eps|indd|qxd|pages|txt|html?|xml)$/i;

/** Whether a title field names the work rather than the file or the tool that made it. */
export function isMeaningfulTitle(title: string): boolean {
  const text = title.trim();
  if (text.length < 2 || !/\p{L}/u.test(text)) return false;
  return !TOOL_TITLE.test(text) && !FILE_NAME.test(text);
}

/**
 * An Author field as a list: several names are joined by ";" (reference managers, Word), or by
 * " and " / " & " (LaTeX's hyperref); commas split only names of two words or more each, since
 * "Smith, John" is one name written surname first.
 */
export function splitAuthors(field: string): string[] {
  let parts = field.includes(';') ? field.split(';') : field.split(/\s+(?:and|&)\s+/i);
  parts = parts.flatMap((part) => {
    const names = part.split(',').map((n) => n.trim());
    const fullNames = names.length > 1 && names.every((n) => n.split(/\s+/).length >= 2);
    return fullNames ? names : [part];
  });
  return bounded(parts.map((p) => oneLine(p.replace(/\s*,\s*$/, ''))));
}

function bounded(names: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const name of names) {
    if (name && name.length <= LIMITS.author) seen.add(name);
  }
  return [...seen].slice(0, LIMITS.authors);
}

/** A PDF date ("D:20190504133000+02'00'") as ISO: "2019-05-04" (or "2019-05", "2019"). */
export function pdfDate(raw: string | undefined): string | undefined {
  const found = raw && /^(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw.trim());
  if (!found) return undefined;
  return [found[1], found[2], found[3]].filter(Boolean).join('-');
}
