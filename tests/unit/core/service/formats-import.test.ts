// Every format the app reads, through the core as the window calls it (the worker imports, the
// store keeps the body, the view and the exports read it back): real files made by real tools,
// decided by their content, with their pages, chapters and citation details.
import { parse as parseCsv } from 'csv-parse/sync';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { pagesOf } from '../../../../electron/shared/places';
import {
  DOCX_FACTS,
  EPUB_FACTS,
  makeDocx,
  makeEpub,
  makeOdt,
  ODT_FACTS,
} from '../import/formats/make-files';
import { flowPage, flowPrint, PAGE_TWO_PASSAGE } from '../import/pdf/pdf-pages';
import { launchChromium, printPdf } from '../import/pdf/make-pdf';
import { exportedText } from '../../support/exported-text';

let dir: string;
let notebook: Notebook;
let pdf: Uint8Array;
const h = () => notebook.handlers;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-formats-'));
  notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
  const browser = await launchChromium();
  try {
    pdf = await printPdf(flowPage, { ...flowPrint, browser });
  } finally {
    await browser.close();
  }
}, 60_000);
afterAll(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

async function annotate(articleId: string, phrase: string) {
  const article = await h().getArticle({ id: articleId });
  const start = article.text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThan(-1);
  return h().createAnnotation({
    articleId,
    start,
    end: start + phrase.length,
    tagNames: ['seen'],
    comment: '',
  });
}

describe('importing each format through the core', () => {
  it('a PDF keeps its pages: the reader, the panel and the CSV say which', async () => {
    const summary = await h().importFile({ fileName: 'pages.pdf', bytes: pdf });
    expect(summary.format).toBe('pdf');
    const article = await h().getArticle({ id: summary.id });
    const pages = article.places?.filter((p) => p.kind === 'page') ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(3);
    expect(pages[0]).toMatchObject({ label: '1', start: 0 });

    const made = await annotate(summary.id, PAGE_TWO_PASSAGE);
    const span = { start: made.selectors[0].start, end: made.selectors[0].end };
    expect(pagesOf(article.places, span)).toEqual({ first: '2', last: '2' });
    const outcome = await h().exportNotes({ articleId: summary.id, format: 'csv' });
    if (outcome.kind !== 'download') throw new Error('expected a download');
    const rows = parseCsv(exportedText(outcome.file), { bom: true, columns: true }) as Array<
      Record<string, string>
    >;
    expect(rows.find((r) => r['annotation_id'] === made.id)?.['page']).toBe('2');
  });

  it('a Word document brings its title and authors, and its footnotes as Notes', async () => {
    const summary = await h().importFile({ fileName: 'ferries.docx', bytes: await makeDocx() });
    expect(summary).toMatchObject({
      format: 'docx',
      title: DOCX_FACTS.title,
      authors: [...DOCX_FACTS.authors],
      doi: DOCX_FACTS.doi,
    });
    const article = await h().getArticle({ id: summary.id });
    expect(article.blocks.some((b) => b.type === 'list-item')).toBe(true);
    expect(article.text).toContain('Notes');
  });

  it('an EPUB keeps where each chapter begins', async () => {
    const summary = await h().importFile({ fileName: 'book.epub', bytes: makeEpub() });
    expect(summary).toMatchObject({ format: 'epub', title: EPUB_FACTS.title });
    const article = await h().getArticle({ id: summary.id });
    const chapters = article.places?.filter((p) => p.kind === 'chapter') ?? [];
    expect(chapters.length).toBeGreaterThanOrEqual(3);
  });

  it('an OpenDocument text, even under a name that says .txt, is read by its content', async () => {
    const summary = await h().importFile({ fileName: 'renamed.txt', bytes: makeOdt() });
    expect(summary).toMatchObject({ format: 'odt', title: ODT_FACTS.title });
  });

  it('a file no importer reads is refused in words, and nothing is saved', async () => {
    const before = (await h().listArticles({})).length;
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(h().importFile({ fileName: 'scan.pdf', bytes: png })).rejects.toThrow(/image/);
    const zip = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)]);
    await expect(h().importFile({ fileName: 'bundle.zip', bytes: zip })).rejects.toThrow(
      /not a Word, EPUB or OpenDocument text, so it can't be imported/,
    );
    expect(await h().listArticles({})).toHaveLength(before);
  });

  it('an edit of a PDF’s text keeps its pages where their words still are', async () => {
    const summary = (await h().listArticles({})).find((a) => a.format === 'pdf')!;
    const article = await h().getArticle({ id: summary.id });
    const page2 = article.places!.find((p) => p.label === '2')!;
    const word = article.text.slice(page2.start, page2.start + 20);
    await h().editArticle({ id: summary.id, text: `A new first paragraph.\n\n${article.text}` });
    const edited = await h().getArticle({ id: summary.id });
    const moved = edited.places!.find((p) => p.label === '2')!;
    expect(edited.text.slice(moved.start, moved.start + 20)).toBe(word);
  });
});
