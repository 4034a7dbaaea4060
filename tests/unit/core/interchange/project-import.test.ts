// REFI-QDA round trips through real notebook folders and the dispatcher: a notebook exported as a
// .qdpx and imported into a fresh one has the same tags, passages, comments, memos, analysts and
// attributes; exported again it gives the same project.qde but for the export's dates. And the
// import is one undo step.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { CallName, CallResult } from '../../../../electron/shared/contract';
import type { Article } from '../../../../electron/shared/model';
import { fileOf, readProject } from './read-project';
import { validateAgainst } from './refi-schemas';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');

interface Nb {
  notebook: Notebook;
  call<K extends CallName>(name: K, input: unknown): Promise<CallResult<K>>;
  refusal(name: CallName, input: unknown): Promise<string>;
  close(): Promise<void>;
}

const open: Nb[] = [];
afterEach(async () => {
  for (const nb of open.splice(0)) await nb.close();
});

/** A notebook whose ids are UUIDs, as the app makes them (so GUIDs are the ids themselves). */
async function notebook(withSample: boolean, start: string): Promise<Nb> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-refi-import-'));
  let clock = Date.parse(start);
  const nb: Notebook = await openNotebook({
    dataDir: dir,
    ...(withSample && { samplePath: SAMPLE }),
    now: () => new Date((clock += 1000)),
    newId: randomUUID,
  });
  const dispatch = createDispatcher(nb.handlers, () => undefined);
  const handle: Nb = {
    notebook: nb,
    async call(name, input) {
      const answer = await dispatch(name, input);
      if (!answer.ok) throw new Error(`${name} refused: ${answer.error.message}`);
      return answer.value as never;
    },
    async refusal(name, input) {
      const answer = await dispatch(name, input);
      if (answer.ok) throw new Error(`${name} was accepted`);
      return answer.error.message;
    },
    async close() {
      await nb.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
  open.push(handle);
  return handle;
}

const UNICODE_TEXT = [
  'Bakı limanı və Şuşa',
  '',
  'Emoji first 👩🏽‍🔬🚢 then the coded words after them.',
  '',
  'A combining mark: ə̄ stays two code points, ş ı İ stay one.',
  '',
  'RTL: مرحبا بالعالم and back to Latin.',
].join('\n');

async function annotate(
  nb: Nb,
  article: Article,
  phrase: string,
  tagNames: string[],
  comment = '',
) {
  const start = article.text.indexOf(phrase);
  expect(start, `“${phrase}” in the article`).toBeGreaterThanOrEqual(0);
  return nb.call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment,
  });
}

async function filled(): Promise<Nb> {
  const nb = await notebook(true, '2026-12-01T09:00:00Z');
  await nb.call('setAnalyst', { name: 'Ləman Əliyeva', initials: 'LƏ' });
  const [first] = await nb.call('listArticles', {});
  const sample = await nb.call('getArticle', { id: first!.id });
  const made = await nb.call('importText', { text: UNICODE_TEXT, source: 'typed/by hand?' });
  const unicode = await nb.call('getArticle', { id: made.id });
  await annotate(
    nb,
    sample,
    'business circles',
    ['Economy/Trade'],
    'Named <sectors> & "quoted"\nline 🤝🏽?',
  );
  await annotate(nb, sample, 'joint tourist routes', ['Tourism', 'Economy']);
  await annotate(nb, unicode, 'the coded words', ['Economy/Trade/Exports']);
  await annotate(nb, unicode, 'then the coded', ['Tourism']);
  await annotate(nb, unicode, 'ə̄ stays', ['Economy'], 'ə̄ is two code points');
  await annotate(nb, unicode, 'مرحبا بالعالم', ['Tourism']);
  const trade = (await nb.call('listTags', {})).find((t) => t.path === 'Economy/Trade')!;
  await nb.call('updateTag', {
    id: trade.id,
    description: 'Goods & services crossing <borders>.',
    whenToUse: 'Exports, imports, tariffs',
    whenNotToUse: 'Investment (see Economy)',
    example: '“trade turnover grew 12%” 📈',
  });
  await nb.call('updateTag', { id: trade.id, color: '#123abc' });
  await nb.call('setMemo', { articleId: unicode.id, memo: 'Memo with **Markdown**, İ and 🚢.' });
  await nb.call('setArticleAttributes', {
    id: unicode.id,
    attributes: { Country: 'Azərbaycan', Period: '2020s' },
  });
  return nb;
}

async function exportProject(nb: Nb) {
  const outcome = await nb.call('exportNotes', { format: 'refi-qdpx' });
  const file = fileOf(outcome);
  return { file, read: readProject(file) };
}

const withoutExportDates = (qde: string) =>
  qde
    .replace(/(<Project [^>]*creationDateTime=")[^"]+"/, '$1…"')
    .replace(/(Exported from Research Notebook on )\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/, '$1…');

/** Everything the analyst sees of a notebook, ids left out where they are the notebook's own. */
async function snapshot(nb: Nb) {
  const tags = await nb.call('listTags', {});
  const articles = await nb.call('listArticles', {});
  const analysts = await nb.call('listAnalysts', {});
  const passages: string[] = [];
  const memos: string[] = [];
  for (const summary of [...articles].sort((a, b) => a.title.localeCompare(b.title))) {
    const article = await nb.call('getArticle', { id: summary.id });
    memos.push(`${article.title}: ${article.memo}`);
    for (const a of await nb.call('listAnnotations', { articleId: article.id })) {
      const { start, end } = a.selectors[0];
      const paths = a.tagIds.map((id) => tags.find((t) => t.id === id)!.path).sort();
      passages.push(
        `${article.title} | ${article.text.slice(start, end)} | ${a.anchor} | ${paths.join(', ')} | ${a.comment}`,
      );
    }
  }
  return {
    tags: tags.map((t) => ({
      path: t.path,
      color: t.color,
      description: t.description,
      whenToUse: t.whenToUse,
      whenNotToUse: t.whenNotToUse,
      example: t.example,
    })),
    passages: passages.sort(),
    memos,
    attributes: articles.map((a) => a.attributes).filter((a) => Object.keys(a).length > 0),
    analysts: analysts.map((a) => `${a.name} (${a.initials})`),
  };
}

describe('REFI-QDA project import', () => {
  it('round-trips a notebook: the same tags, passages, comments, memos, analysts', async () => {
    const first = await filled();
    const exported = await exportProject(first);
    const fresh = await notebook(false, '2027-03-04T10:00:00Z');
    const bytes = exported.file.bytes;
    const preview = await fresh.call('previewProject', { fileName: 'project.qdpx', bytes });
    expect(preview.kind).toBe('project');
    expect(preview.sources.map((s) => s.kind)).toEqual(['text', 'text']);
    expect(preview.conflicts).toEqual([]);
    expect(preview.counts.users).toBe(1);
    const report = await fresh.call('importProject', { fileName: 'project.qdpx', bytes });
    expect(report.articles).toEqual({ created: 2, matched: 0 });
    expect(report.annotations).toEqual({ placed: 6, toReview: 0 });
    expect(report.comments).toBe(2);
    expect(report.memos).toBe(1);
    expect(report.analysts).toEqual({ created: 1, matched: 0 });
    expect(await snapshot(fresh)).toEqual(await snapshot(first));

    // Export, import, export: the same document but for when it was exported.
    const again = await exportProject(fresh);
    expect(withoutExportDates(again.read.qde)).toBe(withoutExportDates(exported.read.qde));
    await validateAgainst('project', again.read.qde, 'project.qde');
  });

  it('is one undo step, and importing it again adds nothing twice', async () => {
    const first = await filled();
    const { file } = await exportProject(first);
    const input = { fileName: 'project.qdpx', bytes: file.bytes };
    // Into the notebook it came from: the texts and tags are there already.
    const report = await first.call('importProject', input);
    expect(report.articles).toEqual({ created: 0, matched: 2 });
    expect(report.tags.created).toBe(0);
    expect(report.annotations.placed).toBe(0);
    expect(report.notImported.find((n) => n.topic === 'already-here')?.count).toBe(6);

    const fresh = await notebook(false, '2027-03-04T10:00:00Z');
    await fresh.call('importProject', input);
    expect(await fresh.call('getHistory', {})).toEqual({ undo: 'Import REFI-QDA project' });
    await fresh.call('undo', {});
    expect(await fresh.call('listArticles', {})).toEqual([]);
    expect(await fresh.call('listTags', {})).toEqual([]);
    expect(await fresh.call('listAnalysts', {})).toEqual([]);
  });

  it('reports its progress while it runs, ending with done = total', async () => {
    const first = await filled();
    const { file } = await exportProject(first);
    const fresh = await notebook(false, '2027-03-04T10:00:00Z');
    const seen: Array<{ done: number; total: number; stage: string }> = [];
    fresh.notebook.onProgress((p) => seen.push({ done: p.done, total: p.total, stage: p.stage }));
    await fresh.call('importProject', { fileName: 'project.qdpx', bytes: file.bytes });
    expect(seen[0]).toMatchObject({ done: 0, stage: 'Reading the project' });
    expect(seen.map((p) => p.stage)).toContain('Storing texts and placing codings');
    const last = seen.at(-1)!;
    expect(last.done).toBe(last.total);
    // Steps only go forward.
    const later = seen.slice(1);
    expect(later.every((p, i) => i === 0 || p.done >= later[i - 1]!.done)).toBe(true);
  });

  it('refuses a file that is no project, saying so, and changes nothing', async () => {
    const fresh = await notebook(false, '2027-03-04T10:00:00Z');
    const bytes = new TextEncoder().encode('just some text, not a project');
    const message = await fresh.refusal('importProject', { fileName: 'notes.qdpx', bytes });
    expect(message).toMatch(/“notes\.qdpx” is neither a REFI-QDA project/);
    const html = new TextEncoder().encode('<html><body>hi</body></html>');
    expect(await fresh.refusal('previewProject', { fileName: 'page.qdc', bytes: html })).toMatch(
      /not a REFI-QDA <Project> or <CodeBook>/,
    );
    expect(await fresh.call('listArticles', {})).toEqual([]);
  });
});
