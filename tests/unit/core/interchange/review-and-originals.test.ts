// What a project does with annotations awaiting review (left out and counted, or notes: the
// analyst's choice), the original files it carries (Word as rich text, a PDF as the source with
// its text as the representation), and the same bytes for the same notebook at the same time.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { guids } from '../../../../electron/core/interchange';
import { openNotebook } from '../../../../electron/core/notebook';
import type { Article } from '../../../../electron/shared/model';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';
import { makeDocx } from '../import/formats/make-files';
import { printPdf } from '../import/pdf/make-pdf';
import { fileOf, guidsIn, passageAt, readProject } from './read-project';
import { validateAgainst } from './refi-schemas';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-refi-review-');
});
afterEach(() => nb.close());

async function annotate(article: Article, phrase: string, tagNames: string[], comment = '') {
  const start = article.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return nb.call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment,
  });
}

const sample = async () => {
  const [first] = await nb.call('listArticles', {});
  return nb.call('getArticle', { id: first!.id });
};

const expectValid = async (qde: string) =>
  expect(await validateAgainst('project', qde, 'project.qde')).toEqual({ valid: true, errors: [] });

describe('annotations awaiting review', () => {
  async function orphanOne() {
    await nb.call('setAnalyst', { name: 'Jamal' });
    const article = await sample();
    const kept = await annotate(article, 'business circles', ['Economy']);
    const lost = await annotate(article, 'joint tourist routes', ['Tourism'], 'Routes & "ties" 🚌');
    const outcome = await nb.call('editArticle', {
      id: article.id,
      text: article.text.replace('joint tourist routes', 'routes'),
    });
    expect(outcome.orphaned + outcome.fuzzy + outcome.moved).toBe(1);
    return { article, kept, lost };
  }

  it('are left out by default, and counted', async () => {
    const { kept, lost } = await orphanOne();
    const outcome = await nb.call('exportNotes', { format: 'refi-qdpx' });
    expect(outcome).toMatchObject({ kind: 'download', leftOutForReview: 1 });
    const read = readProject(fileOf(outcome));
    await expectValid(read.qde);
    expect(read.qde).toContain(guids.selection(kept.id));
    expect(read.qde).not.toContain(guids.selection(lost.id));
    expect(read.qde).not.toContain(guids.reviewNote(lost.id));
    expect(read.project.Description).toContain(
      '1 annotation awaiting review in the notebook was left out.',
    );
  });

  it('go in as notes on their article when the analyst asks, never at a guessed place', async () => {
    const { article, lost } = await orphanOne();
    const outcome = await nb.call('exportNotes', { format: 'refi-qdpx', awaitingReview: 'notes' });
    expect(outcome).not.toHaveProperty('leftOutForReview');
    const read = readProject(fileOf(outcome));
    await expectValid(read.qde);
    expect(read.qde).not.toContain(guids.selection(lost.id));
    const note = read.project.Notes.Note.find(
      (n: { guid: string }) => n.guid === guids.reviewNote(lost.id),
    );
    expect(note.name).toBe('Awaiting review: joint tourist routes');
    expect(note.PlainTextContent).toContain('Passage (as annotated): “joint tourist routes”');
    expect(note.PlainTextContent).toContain('Tags: Tourism');
    expect(note.PlainTextContent).toContain('Comment:\nRoutes & "ties" 🚌');
    expect(note.creationDateTime).toBe(lost.createdAt.replace(/\.\d{3}Z$/, 'Z'));
    const source = read.sources.find((s) => s.guid === guids.source(article.id))!;
    expect(source.NoteRef).toEqual([{ targetGUID: guids.reviewNote(lost.id) }]);
    expect(read.selectionsOf(source)).toHaveLength(1);
  });
});

describe('original files', () => {
  it('a Word original rides along as the source’s rich text', async () => {
    const bytes = await makeDocx();
    const summary = await nb.call('importFile', { fileName: 'ferries.docx', bytes });
    const article = await nb.call('getArticle', { id: summary.id });
    const made = await annotate(article, article.text.slice(0, 12), ['Ferries']);
    const read = readProject(fileOf(await nb.call('exportNotes', { format: 'refi-qdpx' })));
    await expectValid(read.qde);
    const guid = guids.source(article.id);
    const source = read.sources.find((s) => s.guid === guid)!;
    expect(source.richTextPath).toBe(`internal://${guid}.docx`);
    expect(Buffer.from(read.entries[`sources/${guid}.docx`]!).equals(Buffer.from(bytes))).toBe(
      true,
    );
    expect(read.textOf(source)).toBe(article.text);
    expect(passageAt(read.textOf(source), read.selectionsOf(source)[0]!)).toBe(
      made.selectors[1].exact,
    );
    // The sample came from a text file: no rich text for it.
    const other = read.sources.find((s) => s.guid !== guid)!;
    expect(other.richTextPath).toBeUndefined();
  });

  it('a PDF original is the source, its text the representation that holds the passages', async () => {
    const bytes = await printPdf(
      '<h1>Port statistics</h1><p>Baku port handled 4.5 million tonnes in 2019 — a record. Şuşa 🚢 next.</p>',
    );
    const summary = await nb.call('importFile', { fileName: 'port.pdf', bytes });
    const article = await nb.call('getArticle', { id: summary.id });
    const made = await annotate(article, 'million tonnes', ['Trade'], 'cargo');
    const read = readProject(fileOf(await nb.call('exportNotes', { format: 'refi-qdpx' })));
    await expectValid(read.qde);
    const guid = guids.source(article.id);
    const pdf = read.project.Sources.PDFSource.find((s: { guid: string }) => s.guid === guid);
    expect(pdf.path).toBe(`internal://${guid}.pdf`);
    expect(Buffer.from(read.entries[`sources/${guid}.pdf`]!).equals(Buffer.from(bytes))).toBe(true);
    expect(pdf.Representation.guid).toBe(guids.representation(article.id));
    expect(read.textOf(pdf)).toBe(article.text);
    const selections = read.selectionsOf(pdf);
    expect(selections).toHaveLength(1);
    const selection = selections[0]!;
    expect(selection.guid).toBe(guids.selection(made.id));
    expect(passageAt(read.textOf(pdf), selection)).toBe('million tonnes');
    expect(selection.Description).toBe('cargo');
  });
});

describe('the same notebook', () => {
  it('exported twice at the same moment gives the same bytes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-refi-bytes-'));
    let clock = Date.parse('2026-12-01T09:00:00Z');
    const notebook = await openNotebook({
      dataDir: dir,
      samplePath: join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt'),
      now: () => new Date(clock),
      // As the app makes them (random UUIDs), unlike the harness's readable ids.
      newId: randomUUID,
    });
    try {
      const dispatch = createDispatcher(notebook.handlers, () => undefined);
      const call = async (name: string, input: unknown) => {
        const answer = await dispatch(name as never, input);
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value as never;
      };
      const [summary] = (await call('listArticles', {})) as Array<{ id: string }>;
      const article = (await call('getArticle', { id: summary!.id })) as Article;
      const start = article.text.indexOf('business circles');
      const made = (await call('createAnnotation', {
        articleId: article.id,
        start,
        end: start + 16,
        tagNames: ['Economy/Trade'],
        comment: 'ə 🤝🏽',
      })) as { id: string };
      clock += 60_000;
      const first = fileOf(await call('exportNotes', { format: 'refi-qdpx' }));
      const second = fileOf(await call('exportNotes', { format: 'refi-qdpx' }));
      expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
      // Real ids are UUIDs already: the GUIDs are those ids, so they survive any round trip.
      const qde = readProject(first).qde;
      expect(guidsIn(qde)).toContain(made.id);
      expect(guidsIn(qde)).toContain(article.id);
    } finally {
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
