// The PDF importer on real PDFs that Chromium prints in the setup: pages and the places where
// they begin, running headers and footers, hyphenation, headings, two columns, footnotes,
// metadata, and the files it must refuse (a scan, a damaged file).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPdf } from '../../../../../electron/core/import/pdf/index';
import type { CanonicalDocument } from '../../../../../electron/shared/model';
import { blockTexts, expectValidDocument, marked, occurrences } from '../expect-valid-document';
import { academicPaper, launchChromium, printPdf } from './make-pdf';
import {
  CLAIM,
  COLUMN_PARAGRAPHS,
  columnsPage,
  CROSSING_SENTENCE,
  flowPage,
  flowPrint,
  FOOTNOTE,
  PAGE_TWO_PASSAGE,
  RUNNING_HEADER,
  scannedPage,
  SCRIPTS,
  scriptsPage,
  SOFT_HYPHENATED,
} from './pdf-pages';

// As they are before anything loads pdf.js, whose bundled core-js replaces them.
const NATIVE = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };

const paper = academicPaper(3);
const files: Record<'flow' | 'columns' | 'scan' | 'paper' | 'scripts', Uint8Array> = {
  flow: new Uint8Array(),
  scripts: new Uint8Array(),
  columns: new Uint8Array(),
  scan: new Uint8Array(),
  paper: new Uint8Array(),
};
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'pdf-import-'));
  const browser = await launchChromium();
  try {
    const at = (name: string) => path.join(folder, `${name}.pdf`);
    files.flow = await printPdf(flowPage, { browser, path: at('flow'), ...flowPrint });
    files.columns = await printPdf(columnsPage, { browser, path: at('columns') });
    files.scan = await printPdf(scannedPage, { browser, path: at('scan') });
    files.paper = await printPdf(paper.html, { browser, path: at('paper') });
    files.scripts = await printPdf(scriptsPage, { browser, path: at('scripts') });
  } finally {
    await browser.close();
  }
}, 60_000);
afterAll(() => rm(folder, { recursive: true, force: true }));

type Fixture = keyof typeof files;
const imports = new Map<Fixture, ReturnType<typeof importPdf>>();
/** Each fixture is imported once, however many tests look at it. */
function imported(name: Fixture): ReturnType<typeof importPdf> {
  let result = imports.get(name);
  if (!result) {
    result = importPdf(files[name], `${name}.pdf`);
    imports.set(name, result);
  }
  return result;
}

/** The top left word of a page as pdf.js reads it, apart from a running header. */
async function firstWordOnPage(bytes: Uint8Array, page: number, header: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 }).promise;
  try {
    const content = await (await pdf.getPage(page)).getTextContent();
    const items = content.items.flatMap((i) =>
      'str' in i && i.str.trim() !== '' && !header.includes(i.str.trim()) ? [i] : [],
    );
    // PDF space: y grows upwards, so the top line has the largest y.
    items.sort((a, b) => b.transform[5] - a.transform[5] || a.transform[4] - b.transform[4]);
    return items[0]?.str.trim().split(/\s+/)[0] ?? '';
  } finally {
    await pdf.destroy();
  }
}

/** The text of the page labelled `label` (its first place to the next place). */
function pageText(doc: CanonicalDocument, label: string): string {
  const places = doc.places ?? [];
  const at = places.findIndex((p) => p.label === label);
  return doc.text.slice(places[at]?.start, places[at + 1]?.start);
}

describe('a three-page single-column article', () => {
  let doc: CanonicalDocument;
  beforeAll(async () => {
    ({ doc } = await imported('flow'));
  });

  it('is a valid document titled from the file', () => {
    expectValidDocument(doc);
    expect(doc.title).toBe('Pages and Places in Printed Articles');
  });

  it('marks where each page begins, in order, and a paragraph carries over a page break', async () => {
    expect(doc.places?.map((p) => [p.kind, p.label])).toEqual([
      ['page', '1'],
      ['page', '2'],
      ['page', '3'],
      ['page', '4'],
    ]);
    const crossing = blockTexts(doc).find((b) => b.text.startsWith(CROSSING_SENTENCE(1)));
    expect(crossing?.text).toBe(
      Array.from({ length: 42 }, (_, i) => CROSSING_SENTENCE(i + 1)).join(' '),
    );
    const block = doc.blocks.find((b) => doc.text.slice(b.start, b.end) === crossing?.text);
    const pageTwo = doc.places?.[1]?.start ?? -1;
    // Page 2 begins inside the paragraph, at a word.
    expect(pageTwo).toBeGreaterThan(block?.start ?? Infinity);
    expect(pageTwo).toBeLessThan(block?.end ?? -Infinity);
    expect(doc.text.charAt(pageTwo - 1)).toMatch(/\s/);
    // ...at the word pdf.js itself finds first on page 2, below the running header.
    const first = await firstWordOnPage(files.flow, 2, RUNNING_HEADER);
    expect(doc.text.slice(pageTwo, pageTwo + first.length)).toBe(first);
  });

  it('finds a passage from page 2 between the places of pages 2 and 3', () => {
    const at = doc.text.indexOf(PAGE_TWO_PASSAGE);
    expect(at).toBeGreaterThan(doc.places?.[1]?.start ?? Infinity);
    expect(at).toBeLessThan(doc.places?.[2]?.start ?? -Infinity);
    expect(pageText(doc, '2')).toContain(PAGE_TWO_PASSAGE);
    expect(pageText(doc, '4')).toBe('A closing paragraph on a page of its own.');
  });

  it('leaves out the running header and the "Page n of m" footer', () => {
    expect(occurrences(doc.text, RUNNING_HEADER)).toBe(0);
    expect(doc.text).not.toMatch(/Page \d of \d/);
  });

  it('rejoins words hyphenated at line ends and keeps the hyphens of compounds', () => {
    expect(doc.text).toContain(
      'The information was self-evident to the Anglo-Saxon scholars and to the ' +
        'state-of-the-art reviewers, who wrote data-driven reports.',
    );
    // Chromium breaks these at soft hyphens wherever the narrow column needs it.
    expect(blockTexts(doc).map((b) => b.text)).toContain(SOFT_HYPHENATED);
    expect(doc.text).not.toMatch(/[\u00AD\u2010]/);
  });

  it('marks italic and bold words in paragraphs, not whole headings', () => {
    expect(marked(doc, 'em')).toEqual(['margin']);
    expect(marked(doc, 'strong')).toEqual(['cite']);
  });

  it('recognises headings by size, and a bold line of body size as the lowest', () => {
    expect(blockTexts(doc).filter((b) => b.type === 'heading')).toEqual([
      { type: 'heading', level: 1, text: 'Pages and Places' },
      { type: 'heading', level: 2, text: 'Background' },
      { type: 'heading', level: 3, text: 'Words broken at the ends of lines' },
      { type: 'heading', level: 2, text: 'Afterwards' },
    ]);
  });
});

describe('a two-column page with a full-width abstract and a footnote', () => {
  let doc: CanonicalDocument;
  beforeAll(async () => {
    ({ doc } = await imported('columns'));
  });

  it('reads the abstract, then the left column, then the right one', () => {
    expectValidDocument(doc);
    const blocks = blockTexts(doc);
    expect(blocks.slice(0, 6)).toEqual([
      { type: 'heading', level: 1, text: 'Reading Across Two Columns' },
      {
        type: 'paragraph',
        text:
          'This abstract runs across the whole width of the page, above both columns, and is ' +
          'read before them: a reader takes it in first and then turns to the left column.',
      },
      ...COLUMN_PARAGRAPHS.map((text) => ({ type: 'paragraph', text })),
    ]);
    const order = Array.from({ length: 60 }, (_, i) => doc.text.indexOf(CLAIM(i + 1)));
    expect(order.every((at, i) => at > (order[i - 1] ?? -1))).toBe(true);
  });

  it('keeps the footnote out of the body, under Notes, numbered as it is called', () => {
    const blocks = blockTexts(doc);
    expect(blocks.slice(6)).toEqual([
      { type: 'heading', level: 2, text: 'Notes' },
      { type: 'paragraph', text: `[1] ${FOOTNOTE}` },
    ]);
    expect(occurrences(doc.text, FOOTNOTE)).toBe(1);
    // The note's page is marked again where the note is, so a quote from it knows its page.
    expect(doc.places?.map((p) => p.label)).toEqual(['1', '1']);
    expect(doc.places?.[1]?.start).toBe(doc.text.indexOf('[1] The samples'));
  });

  it('is titled by its first heading when the file’s title is only "about:blank"', async () => {
    const { metadata } = await imported('columns');
    expect(doc.title).toBe('Reading Across Two Columns');
    expect(metadata.title).toBeUndefined();
  });
});

describe('a generated two-column academic paper', () => {
  it('comes back paragraph for paragraph, with its notes, headings, pages and DOI', async () => {
    const { doc, metadata } = await imported('paper');
    expectValidDocument(doc);
    const blocks = blockTexts(doc);
    const notesAt = blocks.findIndex((b) => b.type === 'heading' && b.text === 'Notes');
    const body = blocks.slice(3, notesAt).filter((b) => b.type === 'paragraph');
    // The pages end inside a paragraph: the last one shows only its beginning.
    const last = body.pop();
    expect(body.map((b) => b.text)).toEqual(paper.paragraphs.slice(0, body.length));
    expect(paper.paragraphs[body.length]?.startsWith(last?.text ?? '-')).toBe(true);
    const notes = blocks.slice(notesAt + 1).map((b) => b.text);
    expect(notes).toEqual(paper.notes.slice(0, notes.length).map((n, i) => `[${i + 1}] ${n}`));
    expect(notes.length).toBeGreaterThanOrEqual(4);

    expect(blocks.slice(0, 3).map((b) => [b.type, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined],
    ]);
    expect(blocks.filter((b) => b.type === 'heading' && b.level === 2).length).toBeGreaterThan(2);
    expect(doc.text).not.toContain('Journal of Document Engineering');
    const labels = doc.places?.map((p) => p.label);
    expect(labels?.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(metadata).toMatchObject({ title: paper.title, doi: paper.doi });
  });
});

describe('text in other scripts', () => {
  it('keeps Azerbaijani letters, and Arabic as letters rather than the shapes drawn', async () => {
    const { doc } = await imported('scripts');
    expectValidDocument(doc);
    expect(blockTexts(doc).map((b) => b.text)).toEqual(SCRIPTS);
  });
});

describe('pdf.js in the calling thread', () => {
  it('leaves JSON and Array.prototype.push as they were', async () => {
    await imported('scripts');
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.parse).toBe(NATIVE.parse);
    expect(JSON.stringify).toBe(NATIVE.stringify);
  });
});

describe('metadata Chromium writes', () => {
  it('takes the title from the info dictionary and the creation date as the date', async () => {
    const { metadata } = await imported('flow');
    expect(metadata.title).toBe('Pages and Places in Printed Articles');
    expect(metadata.published).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Chromium writes no author, no XMP packet and no DOI here.
    expect(metadata.authors).toBeUndefined();
    expect(metadata.doi).toBeUndefined();
  });
});

describe('files it refuses, in words', () => {
  it('a scan (pages that are only pictures) is sent to OCR first', async () => {
    await expect(importPdf(files.scan, 'letter.pdf')).rejects.toMatchObject({
      code: 'bad-file',
      message: expect.stringMatching(
        /“letter\.pdf” has no text.*OCR.*optical character recognition/,
      ),
    });
  });

  it('a truncated PDF and a file that is no PDF are damaged', async () => {
    const truncated = files.flow.slice(0, Math.floor(files.flow.length / 2));
    const garbage = new TextEncoder().encode('This is a plain note, saved with the wrong name.\n');
    for (const [bytes, name] of [
      [truncated, 'half.pdf'],
      [garbage, 'note.pdf'],
      [new Uint8Array(), 'empty.pdf'],
    ] as const) {
      await expect(importPdf(bytes, name)).rejects.toMatchObject({
        code: 'bad-file',
        message: expect.stringContaining(`“${name}” is damaged or is not a PDF`),
      });
    }
  });

  it('leaves the caller’s bytes as they were', async () => {
    const before = files.flow.slice();
    await importPdf(files.flow, 'again.pdf');
    expect(files.flow.byteLength).toBe(before.byteLength);
    expect(Buffer.compare(files.flow, before)).toBe(0);
  });
});
