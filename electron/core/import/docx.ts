// A Word document (.docx) -> canonical document: mammoth turns it into HTML (headings, lists,
// tables, notes), jsdom parses that and the HTML walk extracts text and marks. All of a Word
// document is the article, so no Readability step decides what to keep.
import { badFile } from '../errors';
import { DocumentBuilder } from './document-builder';
import { baseName, stem } from './decode';
import { walkHtml } from './html-walk';
import {
  authorList,
  compactMetadata,
  doiIn,
  languageTag,
  publishedDate,
  type ImportedFile,
} from './metadata-fields';
import { NOTES_HEADING, noteCall, notePrefix } from './notes-section';
import { childElements, fieldText, findElement, parseXml, type XmlElement } from './xml-tree';
import { ZipPackage } from './zip-package';

const CORE_PROPERTIES = 'docProps/core.xml';
const CONTENT_TYPES = '[Content_Types].xml';
// An OLE compound file: a Word 97-2003 .doc, or a .docx that Word has encrypted with a password.
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Added to mammoth's defaults (which map Heading 1-6, lists, notes and hyperlinks): the styles
// Word, LibreOffice and pandoc give titles, quotations, captions and code.
const STYLE_MAP = [
  'p.Title => h1:fresh',
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Block Quotation'] => blockquote > p:fresh",
  'p.Caption => figcaption:fresh',
  "p[style-name='caption'] => figcaption:fresh",
  "p[style-name='Image Caption'] => figcaption:fresh",
  "p[style-name='Table Caption'] => figcaption:fresh",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
  "p[style-name='Source Code'] => pre:separator('\\n')",
  "r[style-name='Verbatim Char'] => code",
  "r[style-name='HTML Code'] => code",
];
const NOTE_ID = /^(?:foot|end)note-\d+$/;

export async function importDocx(bytes: Uint8Array, fileName: string): Promise<ImportedFile> {
  const name = baseName(fileName);
  const zip = await ZipPackage.open(bytes, name, () => notWord(name, bytes));
  if (!zip.has(CONTENT_TYPES)) {
    throw badFile(
      `The file “${name}” is a ZIP archive, not a Word document, so it can't be imported.`,
    );
  }
  const core = zip.text(CORE_PROPERTIES);
  const metadata = core === undefined ? {} : coreProperties(await parseXml(core));

  const html = await wordToHtml(bytes, name);
  const { JSDOM } = await import('jsdom');
  const fragment = JSDOM.fragment(html);
  const notes = takeNotes(fragment);
  for (const table of fragment.querySelectorAll('table')) keepOneHeaderRow(table);

  const builder = new DocumentBuilder('collapse');
  walkHtml(fragment, builder);
  if (notes.length > 0) {
    builder.addBlock('heading', [{ text: NOTES_HEADING, marks: [] }], {
      level: topHeadingLevel(fragment),
    });
    for (const note of notes) {
      for (let part = note.firstChild; part !== null; part = part.nextSibling) {
        walkHtml(part, builder);
      }
    }
  }
  if (builder.blockCount === 0) throw badFile(`The file “${name}” has no readable text.`);
  const doc = builder.build(metadata.title || builder.firstText('heading') || stem(name));
  return { doc, metadata };
}

async function wordToHtml(bytes: Uint8Array, name: string): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: STYLE_MAP,
        // Pictures are not text (the walk drops them): an empty source spares encoding each one.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return result.value;
  } catch {
    throw badFile(
      `The file “${name}” is damaged or is not a Word document, so it can't be imported.`,
    );
  }
}

function notWord(name: string, bytes: Uint8Array) {
  if (OLE.every((b, i) => bytes[i] === b)) {
    return badFile(
      `The file “${name}” is an older Word document (.doc) or one protected by a password, ` +
        'which can’t be imported. Open it in Word, save it as .docx without a password, and ' +
        'import that copy.',
    );
  }
  return badFile(
    `The file “${name}” is damaged or is not a Word document, so it can't be imported.`,
  );
}

/**
 * mammoth puts the footnotes and endnotes last, as one list (an item per note, in the order the
 * text calls them, with a back-link), and calls each by "[n]" in a link. The list comes out so
 * the notes become a section of their own: each opens with the number its call shows, the
 * back-link goes, and the call's text is set from the same numbering so both always agree.
 */
function takeNotes(fragment: DocumentFragment): Element[] {
  const list = [...fragment.children].reverse().find((e) => e.localName === 'ol');
  const items = list ? [...list.children] : [];
  if (items.length === 0 || !items.every((li) => li.localName === 'li' && NOTE_ID.test(li.id))) {
    return [];
  }
  list!.remove();
  // One pass over the links: a selector per note costs a walk of the whole document each.
  const calls = new Map<string, Element[]>();
  for (const link of fragment.querySelectorAll('a[href^="#"]')) {
    const href = link.getAttribute('href')!;
    calls.set(href, [...(calls.get(href) ?? []), link]);
  }
  items.forEach((note, i) => {
    for (const call of calls.get(`#${note.id}`) ?? []) call.textContent = noteCall(i + 1);
    const backLink = `#${note.id.replace('note-', 'note-ref-')}`;
    for (const link of note.querySelectorAll('a')) {
      if (link.getAttribute('href') === backLink) link.remove();
    }
    const first = note.firstElementChild;
    const prefix = note.ownerDocument.createTextNode(notePrefix(i + 1));
    if (first?.localName === 'p') {
      first.insertBefore(prefix, first.firstChild);
    } else {
      const p = note.ownerDocument.createElement('p');
      p.append(prefix);
      note.insertBefore(p, first);
    }
  });
  return items;
}

/**
 * mammoth takes any <w:tblHeader> for a header row, also the w:val="off" (or "false", "0") that
 * some writers, the docx library among them, put on every other row. A table can't be all
 * header, so when mammoth says it is, only the first row is.
 */
function keepOneHeaderRow(table: Element): void {
  const head = [...table.children].find((c) => c.localName === 'thead');
  const hasBody = [...table.children].some((c) => c.localName === 'tbody' && c.children.length > 0);
  if (head === undefined || hasBody || head.children.length < 2) return;
  const document = table.ownerDocument;
  const body = document.createElement('tbody');
  for (const row of [...head.children].slice(1)) {
    for (const th of [...row.children].filter((c) => c.localName === 'th')) {
      const td = document.createElement('td');
      for (const attribute of th.attributes) td.setAttribute(attribute.name, attribute.value);
      td.append(...th.childNodes);
      th.replaceWith(td);
    }
    body.append(row);
  }
  head.after(body);
}

/** The Notes section sits beside the document's top-level sections. */
function topHeadingLevel(fragment: DocumentFragment): number {
  const levels = [...fragment.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) =>
    Number(h.localName.slice(1)),
  );
  return levels.length > 0 ? Math.min(...levels) : 1;
}

/**
 * docProps/core.xml. cp:lastModifiedBy is whoever saved the file last, not an author; the
 * creation date stands for the document's date (a re-save changes only the modified one).
 */
function coreProperties(root: XmlElement) {
  const properties = findElement(root, 'coreProperties');
  if (properties === undefined) return {};
  const field = (local: string) => fieldText(childElements(properties, local)[0]);
  const authors = authorList(childElements(properties, 'creator').map((c) => fieldText(c)));
  return compactMetadata({
    title: field('title'),
    ...(authors && { authors }),
    published: publishedDate(field('created')) ?? publishedDate(field('modified')),
    doi: doiIn(field('identifier')) ?? doiIn(field('subject')),
    language: languageTag(field('language')),
  });
}
