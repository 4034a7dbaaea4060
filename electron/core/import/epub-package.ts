// An EPUB's package: META-INF/container.xml names the OPF, whose manifest lists the files, whose
// spine orders the chapters and whose dc: fields describe the book. Refuses DRM-protected books
// and packages that are no EPUB, each with a sentence the analyst can act on.
import { badFile } from '../errors';
import type { FileMetadata } from './file-metadata';
import { authorList, compactMetadata, doiIn, languageTag, publishedDate } from './metadata-fields';
import {
  attribute,
  childElements,
  fieldText,
  findElement,
  findElements,
  parseXml,
  type XmlElement,
} from './xml-tree';
import type { ZipPackage } from './zip-package';

export interface EpubItem {
  id: string;
  /** The file's path inside the zip. */
  path: string;
  mediaType: string;
  properties: readonly string[];
}

export interface EpubPackage {
  metadata: FileMetadata;
  /** The reading order: content documents only (XHTML or HTML), each once. */
  spine: EpubItem[];
  /** The EPUB 3 navigation document, whose toc nav names the chapters. */
  nav?: EpubItem;
  /** The EPUB 2 table of contents (toc.ncx). */
  ncx?: EpubItem;
}

const CONTAINER = 'META-INF/container.xml';
const ENCRYPTION = 'META-INF/encryption.xml';
// Adobe ADEPT's licence; its presence means the content is encrypted for one reader.
const RIGHTS = 'META-INF/rights.xml';
const CONTENT_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/xml']);
const NCX_TYPE = 'application/x-dtbncx+xml';
// A base no real href can reach: relative hrefs resolve against it like paths in the zip.
const ZIP_ORIGIN = 'https://epub.invalid';

export async function readEpubPackage(zip: ZipPackage, name: string): Promise<EpubPackage> {
  const container = zip.text(CONTAINER);
  if (container === undefined) {
    throw badFile(
      `The file “${name}” is a ZIP archive, not an EPUB book, so it can't be imported.`,
    );
  }
  const rootfiles = findElements(await parseXml(container), 'rootfile');
  const rootfile =
    rootfiles.find((r) => attribute(r, 'media-type') === 'application/oebps-package+xml') ??
    rootfiles[0];
  const opfPath = rootfile && resolveHref('', attribute(rootfile, 'full-path') ?? '')?.path;
  const opf = opfPath === undefined ? undefined : zip.text(opfPath);
  if (opfPath === undefined || opf === undefined) throw damaged(name);
  const root = await parseXml(opf);
  const packageElement = findElement(root, 'package');
  if (packageElement === undefined) throw damaged(name);

  const manifest = new Map<string, EpubItem>();
  for (const item of findElements(packageElement, 'item')) {
    const id = attribute(item, 'id');
    const path = resolveHref(opfPath, attribute(item, 'href') ?? '')?.path;
    if (id === undefined || path === undefined) continue;
    const mediaType = (attribute(item, 'media-type') ?? '').trim().toLowerCase();
    const properties = (attribute(item, 'properties') ?? '').split(/\s+/).filter(Boolean);
    manifest.set(id, { id, path: zipName(zip, path), mediaType, properties });
  }
  const spineElement = findElement(packageElement, 'spine');
  const seen = new Set<string>();
  const spine: EpubItem[] = [];
  for (const ref of spineElement ? childElements(spineElement, 'itemref') : []) {
    const item = manifest.get(attribute(ref, 'idref') ?? '');
    if (item === undefined || seen.has(item.path) || !CONTENT_TYPES.has(item.mediaType)) continue;
    seen.add(item.path);
    spine.push(item);
  }
  await refuseDrm(zip, name, new Set([...manifest.values()].map((i) => i.path)));

  const items = [...manifest.values()];
  const ncxId = spineElement === undefined ? undefined : attribute(spineElement, 'toc');
  const ncx =
    (ncxId === undefined ? undefined : manifest.get(ncxId)) ??
    items.find((i) => i.mediaType === NCX_TYPE);
  const nav = items.find((i) => i.properties.includes('nav'));
  const metadataElement = findElement(packageElement, 'metadata');
  return {
    metadata: metadataElement ? bookMetadata(metadataElement) : {},
    spine,
    ...(nav && { nav }),
    ...(ncx && { ncx }),
  };
}

/**
 * Where an href inside the package points: the zip path (percent-decoded) and fragment, or
 * undefined for a link out of the book.
 */
export function resolveHref(
  fromPath: string,
  href: string,
): { path: string; fragment?: string } | undefined {
  let url: URL;
  try {
    url = new URL(href.trim(), `${ZIP_ORIGIN}/${fromPath}`);
  } catch {
    return undefined;
  }
  if (url.origin !== ZIP_ORIGIN) return undefined;
  const path = decoded(url.pathname.slice(1));
  const fragment = url.hash.length > 1 ? decoded(url.hash.slice(1)) : undefined;
  return fragment === undefined ? { path } : { path, fragment };
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** The zip's own spelling of a path: books made on Windows get the case of names wrong. */
function zipName(zip: ZipPackage, path: string): string {
  if (zip.has(path)) return path;
  const lower = path.toLowerCase();
  for (const name of zip.names) if (name.toLowerCase() === lower) return name;
  return path;
}

function damaged(name: string) {
  return badFile(
    `The file “${name}” is a damaged EPUB book (its package file is missing or unreadable), so it can't be imported.`,
  );
}

/**
 * A DRM-protected book has its chapters encrypted: encryption.xml names content files (fonts
 * alone are only obfuscated, which DRM-free books do too), or Adobe's rights.xml is present.
 */
async function refuseDrm(zip: ZipPackage, name: string, manifest: Set<string>): Promise<void> {
  let protectedContent = zip.has(RIGHTS);
  const encryption = protectedContent ? undefined : zip.text(ENCRYPTION);
  if (encryption !== undefined) {
    protectedContent = findElements(await parseXml(encryption), 'CipherReference').some((ref) => {
      const path = resolveHref('', attribute(ref, 'URI') ?? '')?.path;
      return path !== undefined && manifest.has(path) && !/\.(?:otf|ttf|woff2?)$/i.test(path);
    });
  }
  if (protectedContent) {
    throw badFile(
      `The book “${name}” is protected by DRM (copy protection), so its text can't be read. ` +
        'Import a DRM-free copy of it instead; many publishers and libraries offer one.',
    );
  }
}

/** The OPF's dc: fields. EPUB 3 refines them with <meta refines="#id">; EPUB 2 uses opf: attributes. */
function bookMetadata(metadata: XmlElement): FileMetadata {
  const refinements = new Map<string, Map<string, string>>();
  for (const meta of childElements(metadata, 'meta')) {
    const target = attribute(meta, 'refines')?.replace(/^#/, '');
    const property = attribute(meta, 'property');
    if (target === undefined || property === undefined) continue;
    const forTarget = refinements.get(target) ?? new Map<string, string>();
    forTarget.set(property, fieldText(meta));
    refinements.set(target, forTarget);
  }
  const refined = (element: XmlElement, property: string) =>
    refinements.get(attribute(element, 'id') ?? '')?.get(property);
  const fields = (local: string) => childElements(metadata, local);

  const titles = fields('title');
  const title = titles.find((t) => refined(t, 'title-type') === 'main') ?? titles[0];
  // Authors: creators without a role or with "aut"; illustrators, editors, translators are
  // creators too, and are the authors only when nobody else is named.
  const creators = fields('creator');
  const role = (c: XmlElement) =>
    (attribute(c, 'role') ?? refined(c, 'role'))?.trim().toLowerCase();
  const writers = creators.filter((c) => role(c) === undefined || role(c) === 'aut');
  const authors = authorList((writers.length > 0 ? writers : creators).map((c) => fieldText(c)));
  // EPUB 2 may date several events; the publication is the one a citation wants.
  const dates = fields('date');
  const event = (d: XmlElement) => attribute(d, 'event')?.toLowerCase();
  const date =
    dates.find((d) => event(d) === 'publication') ??
    dates.find((d) => event(d) === undefined || event(d) === 'original-publication') ??
    dates[0];
  const identifiers = fields('identifier');
  const doi = identifiers.map((i) => doiIn(fieldText(i))).find((d) => d !== undefined);
  const url = identifiers.map((i) => fieldText(i)).find((i) => /^https?:\/\//i.test(i));
  return compactMetadata({
    title: fieldText(title),
    ...(authors && { authors }),
    published: publishedDate(fieldText(date)),
    publication: fieldText(fields('publisher')[0]),
    ...(url && !/doi\.org\//i.test(url) && { url }),
    doi,
    language: languageTag(fieldText(fields('language')[0])),
  });
}
