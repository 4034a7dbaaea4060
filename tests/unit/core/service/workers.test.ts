// The service with its CPU-heavy work in core workers: refusals arrive with the importers' own
// codes and sentences, a worker that dies mid-import saves nothing and is replaced, exports and
// revisions made in a worker are the ones made in place, and without a worker script the same
// tasks run on the calling thread.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { renderExport } from '../../../../electron/core/export';
import { importFile } from '../../../../electron/core/import';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { canonicalBody } from '../../../../electron/core/store/bodies';
import {
  closeCoreWorkers,
  configureCoreWorkers,
  createCoreWorkers,
} from '../../../../electron/core/workers';
import {
  CODEBOOK_FORMATS,
  EXPORT_FORMATS,
  compareReadingOrder,
} from '../../../../electron/shared/model';
import { exportedText } from '../../support/exported-text';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');
const workerDir = inject('coreWorkerDir');
const NOW = new Date('2026-03-04T05:06:07Z');
let dir: string;
let notebook: Notebook;
const h = () => notebook.handlers;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-workers-'));
  notebook = await openNotebook({
    dataDir: dir,
    samplePath: SAMPLE,
    compactAfterMs: 60_000,
    now: () => NOW,
  });
});
afterEach(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
  await closeCoreWorkers();
  configureCoreWorkers({ entry: pathToFileURL(join(workerDir, 'core-worker.js')) });
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe('imports in a worker', () => {
  it('refuse a file with the code and sentence the importer gives', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0, 1, 2]);
    const direct = await refusal(importFile('paper.txt', bytes));
    const viaWorker = await refusal(h().importFile({ fileName: 'paper.txt', bytes }));
    expect(direct).toBeInstanceOf(NotebookError);
    expect(viaWorker).toBeInstanceOf(NotebookError);
    expect(viaWorker).toMatchObject({
      code: (direct as NotebookError).code,
      message: (direct as NotebookError).message,
    });
  });

  it('store the body the worker made canonical under the address the main thread would give it', async () => {
    const bytes = new TextEncoder().encode('A title\n\nSome *text* to import, ə 🤝🏽.');
    const summary = await h().importFile({ fileName: 'notes.md', bytes });
    const { doc } = await importFile('notes.md', bytes);
    const record = await h().getArticleRecord({ id: summary.id });
    const expected = canonicalBody({ text: doc.text, blocks: doc.blocks, marks: doc.marks });
    expect(record.revisions[0]!.bodyHash).toBe(expected.hash);
    const file = join(dir, 'bodies', `${expected.hash}.json`);
    expect(await readFile(file, 'utf8')).toBe(expected.json);
  });

  it('save nothing when the worker dies halfway, and the next import works', async () => {
    await closeCoreWorkers();
    configureCoreWorkers({ entry: pathToFileURL(join(workerDir, 'test-worker.js')) });
    const before = await h().listArticles({});
    const bytes = new TextEncoder().encode('A title\n\nSome text to import.');
    const failed = await refusal(h().importFile({ fileName: 'crash-me.txt', bytes }));
    expect(failed).toBeInstanceOf(NotebookError);
    expect(failed).toMatchObject({
      code: 'bad-file',
      message:
        '“crash-me.txt” could not be read: reading it stopped unexpectedly. Nothing was saved.',
    });
    expect(await h().listArticles({})).toEqual(before);
    const summary = await h().importFile({ fileName: 'fine.txt', bytes });
    expect(summary.title).toBe('A title');
    expect(await h().listArticles({})).toHaveLength(before.length + 1);
  });
});

describe('exports in a worker', () => {
  it('give the file that rendering in place gives, for every format', async () => {
    const [summary] = await h().listArticles({});
    const article = await h().getArticle({ id: summary!.id });
    for (const [i, phrase] of [
      'business circles',
      'joint tourist routes',
      'Azerbaijan',
    ].entries()) {
      const start = article.text.indexOf(phrase);
      await h().createAnnotation({
        articleId: article.id,
        start,
        end: start + phrase.length,
        tagNames: [`tag ${i % 2}`],
        comment: `Comment ${i}: ə 🤝🏽`,
      });
    }
    const annotations = (await h().listAnnotations({ articleId: article.id })).sort(
      compareReadingOrder,
    );
    const tags = (await h().listTags({})).map(({ count: _c, onlyTag: _o, ...tag }) => tag);
    // The REFI-QDA project is a zip with analysts and originals: tests/unit/core/interchange.
    for (const format of EXPORT_FORMATS.filter((f) => f !== 'refi-qdpx')) {
      const outcome = await h().exportNotes({ articleId: article.id, format });
      if (outcome.kind !== 'download') throw new Error('expected a download');
      // The codebook formats carry the codebook alone, whichever article the dialog had open.
      const codebookOnly = CODEBOOK_FORMATS.includes(format);
      const direct = renderExport({
        format,
        scope: codebookOnly ? 'notebook' : 'article',
        articles: codebookOnly ? [] : [{ article, annotations }],
        tags,
        exportedAt: NOW,
        ...(codebookOnly && {
          codebook: {
            tags: await h().listTags({}),
            log: await h().listCodebookLog({}),
            analysts: await h().listAnalysts({}),
          },
        }),
      });
      const { content, ...details } = direct;
      expect({ ...outcome.file, bytes: undefined }).toEqual({ ...details, bytes: undefined });
      expect(exportedText(outcome.file)).toBe(content);
    }
  });
});

describe('revisions in a worker', () => {
  it('re-anchor an annotation awaiting review from the revision it was made on', async () => {
    const [summary] = await h().listArticles({});
    const article = await h().getArticle({ id: summary!.id });
    const phrase = 'joint tourist routes';
    const start = article.text.indexOf(phrase);
    const made = await h().createAnnotation({
      articleId: article.id,
      start,
      end: start + phrase.length,
      tagNames: ['tourism'],
      comment: '',
    });
    const cut = article.text.replace(phrase, 'routes');
    const first = await h().editArticle({ id: article.id, text: cut });
    expect(first.anchored).toBe(0);
    const [waiting] = await h().getAnnotations({ ids: [made.id] });
    expect(waiting).toMatchObject({ revision: 1 });
    expect(waiting!.anchor).not.toBe('anchored');
    // The words come back: placed from revision 1's text, exactly where they are in revision 3.
    const second = await h().editArticle({ id: article.id, text: `Intro.\n\n${article.text}` });
    expect(second).toMatchObject({ anchored: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    const [back] = await h().getAnnotations({ ids: [made.id] });
    const now = await h().getArticle({ id: article.id });
    expect(back).toMatchObject({ revision: 3, anchor: 'anchored' });
    expect(now.text.slice(back!.selectors[0].start, back!.selectors[0].end)).toBe(phrase);
  });
});

describe('without a worker script', () => {
  it('runs the same tasks on the calling thread', async () => {
    const workers = createCoreWorkers(pathToFileURL(join(dir, 'no-such-worker.js')));
    const bytes = await readFile(SAMPLE);
    const imported = await workers.run('importFile', { fileName: 'sample.txt', bytes });
    const { text, blocks, marks, ...details } = (await importFile('sample.txt', bytes)).doc;
    // A new article's body comes as its canonical file, ready for the store to write: the JSON's
    // UTF-8 bytes, under the hash of that JSON.
    expect(imported.doc).toEqual(details);
    const { hash, json } = canonicalBody({ text, blocks, marks });
    expect(imported.body.hash).toBe(hash);
    expect(imported.body.json).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(imported.body.json).toString('utf8')).toBe(json);
    await workers.close();
  });
});
