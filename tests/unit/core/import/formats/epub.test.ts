// EPUB import on books zipped from their XML: the spine in order through the HTML walk, a place
// where each chapter begins (labelled by the contents, else the chapter's heading), the OPF's
// metadata, and the refusals (DRM, not a book, damage).
import { beforeAll, describe, expect, it } from 'vitest';
import { importEpub } from '../../../../../electron/core/import/epub';
import type { ImportedFile } from '../../../../../electron/core/import/metadata-fields';
import type { CanonicalDocument } from '../../../../../electron/shared/model';
import {
  blockTexts,
  expectValidDocument,
  links,
  marked,
  occurrences,
} from '../expect-valid-document';
import { EPUB_FACTS, makeDocx, makeEpub, prose, zipPackage } from './make-files';

/** Each place with the text it begins with. */
const placesOf = (doc: CanonicalDocument) =>
  (doc.places ?? []).map((p) => ({
    kind: p.kind,
    label: p.label,
    at: doc.text.slice(p.start, doc.text.indexOf('\n', p.start)),
  }));

const metadata = {
  title: EPUB_FACTS.title,
  authors: [...EPUB_FACTS.authors],
  published: EPUB_FACTS.published,
  publication: EPUB_FACTS.publisher,
  doi: EPUB_FACTS.doi,
  language: EPUB_FACTS.language,
};

describe('an EPUB 3 book with a nav document', () => {
  let book: ImportedFile;
  beforeAll(async () => {
    book = await importEpub(makeEpub(), 'crossings.epub');
  });

  it('is one valid document titled by the OPF’s main title', () => {
    expectValidDocument(book.doc);
    expect(book.doc.title).toBe(EPUB_FACTS.title);
  });

  it('marks where each chapter begins, with the contents’ label, else its heading', () => {
    expect(placesOf(book.doc)).toEqual([
      { kind: 'chapter', label: 'Chapter 1. Crossing 1', at: 'Crossing 1' },
      { kind: 'chapter', label: 'Chapter 2. Crossing 2', at: 'Crossing 2' },
      { kind: 'chapter', label: 'Chapter 3. Crossing 3', at: 'Crossing 3' },
      { kind: 'chapter', label: 'Afterword', at: 'Afterword' },
    ]);
  });

  it('keeps each chapter’s heading once, and neither the cover nor the contents list as text', () => {
    const headings = blockTexts(book.doc).filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.text)).toEqual([
      'Crossing 1',
      'Crossing 2',
      'Crossing 3',
      'Afterword',
    ]);
    expect(book.doc.text).not.toContain('Chapter 1. Crossing 1');
    expect(book.doc.text).not.toContain('Contents');
    expect(occurrences(book.doc.text, 'Crossing 2')).toBe(1);
  });

  it('reads XHTML as XML: HTML entities, self-closed anchors, a file name with a space', () => {
    const opening = blockTexts(book.doc).filter((b) => b.text.startsWith('Chapter '));
    expect(opening.map((b) => b.text)).toEqual(
      [1, 2, 3].map((i) => `Chapter ${i} opens with spray and a link.`),
    );
    expect(marked(book.doc, 'em')).toEqual(['spray', 'spray', 'spray']);
    expect(links(book.doc)).toEqual(
      [1, 2, 3].map((i) => ({ text: 'a link', href: `https://example.org/ch${i}` })),
    );
  });

  it('keeps lists with their numbers and tables with their header row', () => {
    const blocks = blockTexts(book.doc);
    expect(blocks).toContainEqual({
      type: 'list-item',
      level: 1,
      number: 2,
      text: 'Board the passengers',
    });
    expect(blocks).toContainEqual({ type: 'list-item', level: 2, text: 'Cabins first' });
    expect(blocks).toContainEqual({ type: 'table-row', header: true, text: 'Port\tShips' });
  });

  it('reads the OPF: main title, authors in order without the illustrator, date, publisher, DOI', () => {
    expect(book.metadata).toEqual(metadata);
  });
});

describe('an EPUB 2 book with toc.ncx', () => {
  let book: ImportedFile;
  beforeAll(async () => {
    book = await importEpub(makeEpub({ version: 2 }), 'crossings.epub');
  });

  it('places chapters by the NCX: a split chapter stays one, a fragment begins one, deeper entries are sections', () => {
    expectValidDocument(book.doc);
    expect(placesOf(book.doc)).toEqual([
      { kind: 'chapter', label: 'Chapter 1. Crossing 1', at: 'Crossing 1' },
      { kind: 'chapter', label: 'Chapter 2. Crossing 2', at: 'Crossing 2' },
      { kind: 'section', label: 'The return', at: 'Crossing 2, the return' },
      { kind: 'chapter', label: 'Chapter 3. Crossing 3', at: 'Crossing 3' },
      { kind: 'chapter', label: 'Afterword', at: 'Afterword' },
    ]);
    // The second file of chapter 1 (no heading, no entry) is still chapter 1.
    const [chapter1, chapter2] = book.doc.places ?? [];
    const split = book.doc.text.indexOf(prose(150));
    expect(split).toBeGreaterThan(chapter1!.start);
    expect(split).toBeLessThan(chapter2!.start);
  });

  it('reads EPUB 2 metadata: opf:role, the publication event, the DOI scheme', () => {
    expect(book.metadata).toEqual(metadata);
  });
});

describe('epub refusals and scale', () => {
  it('refuses a book whose chapters are encrypted, or that carries Adobe’s rights file', async () => {
    await expect(importEpub(makeEpub({ drm: 'encryption' }), 'locked.epub')).rejects.toThrow(
      'The book “locked.epub” is protected by DRM (copy protection)',
    );
    await expect(importEpub(makeEpub({ drm: 'rights' }), 'adobe.epub')).rejects.toThrow(
      'protected by DRM',
    );
  });

  it('refuses a zip that is no book, a book without its package file, and a damaged one', async () => {
    await expect(importEpub(await makeDocx(), 'word.epub')).rejects.toThrow(
      'The file “word.epub” is a ZIP archive, not an EPUB book',
    );
    const noOpf = zipPackage('application/epub+zip', {
      'META-INF/container.xml':
        '<container><rootfiles><rootfile full-path="OEBPS/missing.opf"/></rootfiles></container>',
    });
    await expect(importEpub(noOpf, 'hollow.epub')).rejects.toThrow('is a damaged EPUB book');
    const whole = makeEpub();
    await expect(importEpub(whole.subarray(0, 200), 'cut.epub')).rejects.toThrow(
      'is damaged or is not an EPUB book',
    );
  });

  it('reads 20 chapters into 20 chapter places plus the afterword', async () => {
    const { doc } = await importEpub(makeEpub({ chapters: 20, paragraphs: 10 }), 'long.epub');
    expectValidDocument(doc);
    expect(doc.places?.map((p) => p.label)).toEqual([
      ...Array.from({ length: 20 }, (_, i) => `Chapter ${i + 1}. Crossing ${i + 1}`),
      'Afterword',
    ]);
  });
});
