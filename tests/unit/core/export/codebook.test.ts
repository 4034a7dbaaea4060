// The codebook exports, made by the real core from a real notebook and read back by the tools a
// reader uses: markdown-it for the Markdown (headings nest as the tags do), csv-parse for the CSV.
import { parse } from 'csv-parse/sync';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { ExportOutcome } from '../../../../electron/shared/contract';
import { exportedText } from '../../support/exported-text';
import { md } from './markdown-reader';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');
let dir: string;
let notebook: Notebook;
let ids = 0;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-codebook-export-'));
  notebook = await openNotebook({
    dataDir: dir,
    samplePath: SAMPLE,
    now: () => new Date('2026-12-01T10:00:00Z'),
    newId: () => `id-${++ids}`,
  });
});
afterEach(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

const h = () => notebook.handlers;
const textOf = (outcome: ExportOutcome) => {
  if (outcome.kind !== 'download') throw new Error(`not a download: ${outcome.kind}`);
  return { name: outcome.file.fileName, text: exportedText(outcome.file) };
};

async function annotate(phrase: string, tagNames: string[]) {
  const [summary] = await h().listArticles({});
  const article = await h().getArticle({ id: summary!.id });
  const start = article.text.indexOf(phrase);
  return h().createAnnotation({
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment: '',
  });
}

/** A codebook with nesting, guidance full of characters Markdown and CSV must carry, and a log. */
async function codebook() {
  await h().setAnalyst({ name: 'Ləman Əliyeva' });
  await annotate('business circles', ['Economy/Trade/Exports']);
  await annotate('food industry', ['Economy/Trade', 'Economy']);
  const tags = await h().listTags({});
  const trade = tags.find((t) => t.path === 'Economy/Trade')!;
  await h().updateTag({
    id: trade.id,
    description: 'Goods & services crossing *borders*, "quoted", = formula?',
    whenToUse: 'Exports/imports, tariffs, # of deals',
    whenNotToUse: 'Investment (see Economy)',
    example: '“trade turnover grew 12%” 📈',
  });
  await h().createTag({ name: 'Politics' });
}

describe('the codebook exports', () => {
  it('Markdown: one heading per tag, nested as the tree, with guidance and the change log', async () => {
    await codebook();
    const { name, text } = textOf(await h().exportNotes({ format: 'codebook-markdown' }));
    expect(name).toBe('notebook-codebook-2026-12-01.md');
    const tokens = md.parse(text, {});
    const headings = tokens.flatMap((t, i) =>
      t.type === 'heading_open' ? [[t.tag, tokens[i + 1]!.content]] : [],
    );
    expect(headings).toEqual([
      ['h1', 'Codebook'],
      ['h2', 'Economy'],
      ['h3', 'Trade'],
      ['h4', 'Exports'],
      ['h2', 'Politics'],
      ['h2', 'Change log'],
    ]);
    // What a reader sees, rendered: the guidance's text exactly, no emphasis or heading made of it.
    const html = md.render(text);
    expect(html).toContain(
      'Goods &amp; services crossing *borders*, &quot;quoted&quot;, = formula?',
    );
    expect(html).toContain('Exports/imports, tariffs, # of deals');
    expect(html).toContain('“trade turnover grew 12%” 📈');
    expect(html).not.toContain('<em>borders</em>');
    expect(text).toContain('2 annotations with the tags below it (1 on this tag itself)');
    const log = tokens.filter((t) => t.type === 'inline' && t.content.includes('Ləman Əliyeva'));
    expect(log.map((t) => t.content.split(' · ').at(-1))).toEqual([
      'Created “Economy”.',
      'Created “Economy/Trade”.',
      'Created “Economy/Trade/Exports”.',
      'Changed the guidance of “Economy/Trade”.',
      'Created “Politics”.',
    ]);
  });

  it('CSV: one row per tag, in tree order, guidance intact and formulas defused', async () => {
    await codebook();
    const { name, text } = textOf(await h().exportNotes({ format: 'codebook-csv' }));
    expect(name).toBe('notebook-codebook-2026-12-01.csv');
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.path, r.parent, r.annotations, r.annotations_with_subtags])).toEqual([
      ['Economy', '', '1', '2'],
      ['Economy/Trade', 'Economy', '1', '2'],
      ['Economy/Trade/Exports', 'Economy/Trade', '1', '1'],
      ['Politics', '', '0', '0'],
    ]);
    const trade = rows[1]!;
    expect(trade.definition).toBe('Goods & services crossing *borders*, "quoted", = formula?');
    expect(trade.example).toBe('“trade turnover grew 12%” 📈');
    expect(trade.created_by).toBe('Ləman Əliyeva');
  });

  it('a tag filter on a parent takes the passages coded below it too, named by their path', async () => {
    await annotate('business circles', ['Economy/Trade']);
    await annotate('food industry', ['Politics']);
    const economy = (await h().listTags({})).find((t) => t.path === 'Economy')!;
    const { text } = textOf(await h().exportNotes({ format: 'csv', tagIds: [economy.id] }));
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.passage, r.tags])).toEqual([['business circles', 'Economy/Trade']]);
  });
});
