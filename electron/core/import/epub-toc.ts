// An EPUB's table of contents as a flat list in reading order: the toc nav of an EPUB 3
// navigation document, or an EPUB 2 toc.ncx. Each entry names a file (and maybe a place in it)
// and the label a reader shows for it.
import { resolveHref } from './epub-package';
import {
  attribute,
  childElements,
  fieldText,
  findElement,
  findElements,
  firstChild,
  localName,
  type XmlElement,
} from './xml-tree';

export interface TocEntry {
  /** The zip path of the file the entry opens. */
  path: string;
  /** The id of the element it opens at, when not the file's start. */
  fragment?: string;
  label: string;
  /** 1 for the top level. */
  depth: number;
}

/** The entries of the nav whose epub:type is "toc" (else the first nav), depth first. */
export function navEntries(root: XmlElement, navPath: string): TocEntry[] {
  const navs = findElements(root, 'nav');
  const nav =
    navs.find((n) => (attribute(n, 'type') ?? '').split(/\s+/).includes('toc')) ?? navs[0];
  const list = nav && findElement(nav, 'ol');
  const out: TocEntry[] = [];
  if (list) navList(list, navPath, 1, out);
  return out;
}

function navList(list: XmlElement, navPath: string, depth: number, out: TocEntry[]): void {
  for (const item of childElements(list, 'li')) {
    const link = childElements(item).find((c) => ['a', 'span'].includes(localName(c.name)));
    const label = fieldText(link);
    const target = link && resolveHref(navPath, attribute(link, 'href') ?? '');
    if (label !== '' && target !== undefined && attribute(link!, 'href') !== undefined) {
      out.push({ ...target, label, depth });
    }
    const nested = firstChild(item, 'ol');
    if (nested) navList(nested, navPath, depth + 1, out);
  }
}

/** The navPoints of toc.ncx's navMap, depth first. */
export function ncxEntries(root: XmlElement, ncxPath: string): TocEntry[] {
  const map = findElement(root, 'navMap');
  const out: TocEntry[] = [];
  if (map) navPoints(map, ncxPath, 1, out);
  return out;
}

function navPoints(parent: XmlElement, ncxPath: string, depth: number, out: TocEntry[]): void {
  for (const point of childElements(parent, 'navPoint')) {
    const labelElement = firstChild(point, 'navLabel');
    const label = fieldText(labelElement && firstChild(labelElement, 'text'));
    const content = firstChild(point, 'content');
    const target = content && resolveHref(ncxPath, attribute(content, 'src') ?? '');
    if (label !== '' && target !== undefined) out.push({ ...target, label, depth });
    navPoints(point, ncxPath, depth + 1, out);
  }
}
