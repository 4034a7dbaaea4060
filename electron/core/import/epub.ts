// An EPUB book -> canonical document: the spine's chapters in reading order, each parsed as
// XHTML and walked into one document, each marked as a place (a chapter, labelled as the table
// of contents names it, else by its first heading) so every quote knows its chapter.
import type { Place, PlaceKind } from '../../shared/model';
import { badFile } from '../errors';
import { cleanTitle, DocumentBuilder } from './document-builder';
import { baseName, stem } from './decode';
import { readEpubPackage, type EpubPackage } from './epub-package';
import { navEntries, ncxEntries, type TocEntry } from './epub-toc';
import { readableLength, walkHtml } from './html-walk';
import type { ImportedFile } from './metadata-fields';
import { contentRoot, parseXhtml } from './xhtml-parse';
import { parseXml, xmlText } from './xml-tree';
import { ZipPackage } from './zip-package';

type PlaceSpec = { kind: PlaceKind; label: string };

interface ChapterPlan {
  /** Begins with the file's first text. */
  start?: PlaceSpec;
  /** Elements where a chapter or section the contents name begins inside the file. */
  targets: Map<Element, PlaceSpec[]>;
}

// Containers whose children can be walked one by one without changing the blocks they give.
const GROUPING = new Set([
  'html', 'body', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside',
]); // prettier-ignore
const BLOCK_LIKE = new Set([
  ...GROUPING, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl',
  'table', 'figure', 'hr', 'address', 'hgroup', 'details', 'form', 'fieldset', 'center', 'nav',
]); // prettier-ignore
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

export async function importEpub(bytes: Uint8Array, fileName: string): Promise<ImportedFile> {
  const name = baseName(fileName);
  const zip = await ZipPackage.open(bytes, name, (n) =>
    badFile(`The file “${n}” is damaged or is not an EPUB book, so it can't be imported.`),
  );
  const book = await readEpubPackage(zip, name);
  const toc = await tableOfContents(zip, book);
  const files = zip.read(book.spine.map((item) => item.path));

  const { JSDOM, VirtualConsole } = await import('jsdom');
  const dom = new JSDOM('', { virtualConsole: new VirtualConsole() });
  try {
    const builder = new DocumentBuilder('collapse');
    for (const item of book.spine) {
      const file = files.get(item.path);
      if (file === undefined) continue;
      const document = parseXhtml(dom.window, xmlText(file));
      const root = contentRoot(document);
      if (root === null) continue;
      const plan = planChapter(document, root, toc.get(item.path.toLowerCase()) ?? []);
      if (plan.start && readableLength(root) > 0)
        builder.placeNext(plan.start.kind, plan.start.label);
      walkSplit(root, builder, plan.targets);
    }
    if (builder.blockCount === 0) {
      throw badFile(
        `The book “${name}” has no readable text (its pages may be pictures only), so it can't be imported.`,
      );
    }
    const doc = builder.build(book.metadata.title || builder.firstText('heading') || stem(name));
    const places = lastPlaceWins(doc.places ?? []);
    return { doc: { ...doc, ...(places.length > 0 && { places }) }, metadata: book.metadata };
  } finally {
    dom.window.close();
  }
}

/** The contents' entries by file (lower-cased path), from the EPUB 3 nav, else toc.ncx. */
async function tableOfContents(zip: ZipPackage, book: EpubPackage) {
  let entries: TocEntry[] = [];
  const nav = book.nav && zip.text(book.nav.path);
  if (book.nav && nav !== undefined) entries = navEntries(await parseXml(nav), book.nav.path);
  const ncx = entries.length === 0 && book.ncx ? zip.text(book.ncx.path) : undefined;
  if (book.ncx && ncx !== undefined) entries = ncxEntries(await parseXml(ncx), book.ncx.path);
  const byFile = new Map<string, TocEntry[]>();
  for (const entry of entries) {
    const key = entry.path.toLowerCase();
    byFile.set(key, [...(byFile.get(key) ?? []), entry]);
  }
  return byFile;
}

/**
 * Where the file's chapters begin. The first entry naming the file itself (no fragment, or one
 * not found) labels its start; entries naming an element inside it begin there: chapters when
 * as deep in the contents as the file's own entry, sections when deeper. A file the contents
 * don't name begins a chapter only if it has a heading (a file that continues the chapter
 * before it, as long chapters are split, has none).
 */
function planChapter(document: Document, root: Element, entries: TocEntry[]): ChapterPlan {
  const targets = new Map<Element, PlaceSpec[]>();
  let start: TocEntry | undefined;
  const inside: { entry: TocEntry; element: Element }[] = [];
  for (const entry of entries) {
    const element = entry.fragment === undefined ? null : target(document, entry.fragment);
    if (element === null || element === root || element.contains(root)) start ??= entry;
    else inside.push({ entry, element });
  }
  const depth = start?.depth ?? Math.min(...inside.map((i) => i.entry.depth));
  for (const { entry, element } of inside) {
    const kind: PlaceKind = entry.depth > depth ? 'section' : 'chapter';
    targets.set(element, [
      ...(targets.get(element) ?? []),
      { kind, label: cleanTitle(entry.label) },
    ]);
  }
  if (start) return { start: { kind: 'chapter', label: cleanTitle(start.label) }, targets };
  if (entries.length > 0) return { targets };
  const heading = cleanTitle(root.querySelector('h1, h2, h3, h4, h5, h6')?.textContent ?? '');
  return heading === '' ? { targets } : { start: { kind: 'chapter', label: heading }, targets };
}

function target(document: Document, id: string): Element | null {
  return (
    document.getElementById(id) ??
    // Old books mark places with <a name>.
    [...document.getElementsByTagName('a')].find((a) => a.getAttribute('name') === id) ??
    null
  );
}

/**
 * Walks `node` into the builder, announcing each place the moment its element comes up. A
 * container holding a target is walked child by child when that can't change its blocks (a
 * section of paragraphs); otherwise its places begin with it, the nearest exact point.
 */
function walkSplit(node: Node, builder: DocumentBuilder, targets: Map<Element, PlaceSpec[]>) {
  const announce = (element: Element) => {
    for (const place of targets.get(element) ?? []) builder.placeNext(place.kind, place.label);
    targets.delete(element);
  };
  if (node.nodeType === ELEMENT_NODE) announce(node as Element);
  const within = [...targets.keys()].filter((t) => node.contains(t));
  if (within.length === 0) return walkHtml(node, builder);
  if (!splittable(node)) {
    within.sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
    within.forEach(announce);
    return walkHtml(node, builder);
  }
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    walkSplit(child, builder, targets);
  }
}

function splittable(node: Node): boolean {
  if (node.nodeType !== ELEMENT_NODE || !GROUPING.has((node as Element).localName)) return false;
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    if (child.nodeType === TEXT_NODE && (child.nodeValue ?? '').trim() !== '') return false;
    if (child.nodeType !== ELEMENT_NODE) continue;
    // An inline element with text would become a block of its own; an empty anchor is fine.
    if (!BLOCK_LIKE.has((child as Element).localName) && readableLength(child) > 0) return false;
  }
  return true;
}

/**
 * A place announced where its file had no text left begins with the next file's text, together
 * with that file's own: of two places of a kind at one offset, the later is the one there.
 */
function lastPlaceWins(places: readonly Place[]): Place[] {
  const seen = new Set<string>();
  const kept: Place[] = [];
  for (let i = places.length - 1; i >= 0; i--) {
    const place = places[i]!;
    const key = `${place.kind} ${place.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(place);
  }
  return kept.reverse();
}
