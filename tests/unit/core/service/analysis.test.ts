// The analysis calls and article attributes through the dispatcher, on a real notebook folder:
// a worked example whose figures are counted by hand, every filter alone and together, the
// refusals (which change nothing), and attributes across undo and a reopen.
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook } from '../../../../electron/core/notebook';
import { canonicalBody } from '../../../../electron/core/store/bodies';
import type { Analysis, AnalysisTag } from '../../../../electron/shared/analysis';
import type { Annotation } from '../../../../electron/shared/model';
import { snapshotDir } from '../../support/dir-snapshot';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-analysis-');
});
afterEach(() => nb.close());

const call: DispatchedNotebook['call'] = (name, input) => nb.call(name, input);
const refusal: DispatchedNotebook['refusal'] = (name, input) => nb.refusal(name, input);

// Two paragraphs: [0, 23) and [25, 48).
const WORKED = 'Alpha beta gamma delta.\n\nEpsilon zeta eta theta.';

/** Codes the `nth` occurrence of `phrase` in `text` of the article. */
async function code(articleId: string, text: string, phrase: string, tagNames: string[]) {
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return call('createAnnotation', {
    articleId,
    start,
    end: start + phrase.length,
    tagNames,
    comment: '',
  });
}

/**
 * The worked example: in one article, p1 "Alpha beta" Trade, p2 "beta gamma" Energy (overlapping
 * p1 on "beta"), p3 "delta" Economy and Trade (a parent with its child), then in the second
 * paragraph p4 "Epsilon" Politics and p5 "zeta" Energy. Trade and Energy sit under Economy.
 */
async function workedExample() {
  const article = await call('importText', { text: WORKED, title: 'Worked example' });
  const p1 = await code(article.id, WORKED, 'Alpha beta', ['Economy/Trade']);
  const p2 = await code(article.id, WORKED, 'beta gamma', ['Economy/Energy']);
  const p3 = await code(article.id, WORKED, 'delta', ['Economy', 'Economy/Trade']);
  const p4 = await code(article.id, WORKED, 'Epsilon', ['Politics']);
  const p5 = await code(article.id, WORKED, 'zeta', ['Economy/Energy']);
  const tags = new Map((await call('listTags', {})).map((t) => [t.path, t.id]));
  return { article, p: [p1, p2, p3, p4, p5] as const, tag: (path: string) => tags.get(path)! };
}

const byPath = (analysis: Analysis) => new Map(analysis.tags.map((t) => [t.path, t]));
const counts = (passages: number, codedChars: number, unplaced = 0) => ({
  passages,
  codedChars,
  unplaced,
});

describe('getAnalysis on a worked example', () => {
  it('counts own and subtree passages and characters, a passage with a parent and its child once', async () => {
    const { article, tag } = await workedExample();
    const analysis = await call('getAnalysis', { articleIds: [article.id] });
    const tags = byPath(analysis);
    // Tree order: parents first, siblings by name.
    expect(analysis.tags.map((t) => t.path)).toEqual([
      'Economy',
      'Economy/Energy',
      'Economy/Trade',
      'Politics',
    ]);
    expect(tags.get('Economy')).toMatchObject<Partial<AnalysisTag>>({
      depth: 0,
      own: counts(1, 5),
      // p1, p2, p3 and p5, p3 once; [0,16) + [17,22) + [33,37) of text.
      total: counts(4, 16 + 5 + 4),
    });
    expect(tags.get('Economy')).not.toHaveProperty('parentId');
    expect(tags.get('Economy/Trade')).toMatchObject({
      parentId: tag('Economy'),
      depth: 1,
      own: counts(2, 10 + 5),
      total: counts(2, 15),
    });
    expect(tags.get('Economy/Energy')).toMatchObject({ own: counts(2, 14), total: counts(2, 14) });
    expect(tags.get('Politics')).toMatchObject({ own: counts(1, 7), total: counts(1, 7) });
    expect(analysis.passages).toBe(5);
    expect(analysis.articles).toEqual([
      { id: article.id, title: 'Worked example', attributes: {}, length: WORKED.length },
    ]);
    // The codebook's own roll-up agrees on passages.
    const listed = new Map((await call('listTags', {})).map((t) => [t.path, t]));
    for (const [path, t] of tags) {
      expect([t.own.passages, t.total.passages]).toEqual([
        listed.get(path)!.count,
        listed.get(path)!.total,
      ]);
    }
  });

  it('gives the tag-by-article matrix, own counts, only cells with passages', async () => {
    const { article, tag } = await workedExample();
    const other = await call('importText', { text: 'Trade talks only.', title: 'Another' });
    await code(other.id, 'Trade talks only.', 'Trade talks', ['Economy/Trade']);
    const analysis = await call('getAnalysis', {});
    const sample = analysis.articles.find((a) => a.title.startsWith('Rufat'))!;
    // By title; the sample (no passages) is still a column.
    expect(analysis.articles.map((a) => a.title)).toEqual([
      'Another',
      sample.title,
      'Worked example',
    ]);
    expect(analysis.byArticle).toEqual([
      { tagId: tag('Economy'), column: article.id, ...counts(1, 5) },
      { tagId: tag('Economy/Energy'), column: article.id, ...counts(2, 14) },
      { tagId: tag('Economy/Trade'), column: other.id, ...counts(1, 11) },
      { tagId: tag('Economy/Trade'), column: article.id, ...counts(2, 15) },
      { tagId: tag('Politics'), column: article.id, ...counts(1, 7) },
    ]);
    // Characters add up across articles; overlaps only happen inside one.
    expect(byPath(analysis).get('Economy/Trade')!.own).toEqual(counts(3, 26));
  });

  it('co-occurs by overlap and by paragraph, each pair with the passages behind it', async () => {
    const { article, p, tag } = await workedExample();
    const [p1, p2, p3, p4, p5] = p;
    const pair = (a: string, b: string) => [tag(a), tag(b)].sort() as [string, string];
    const sorted = (pairs: Analysis['cooccurrence']['pairs']) =>
      pairs.map((x) => ({ ...x, annotationIds: [...x.annotationIds].sort() }));
    const ids = (...list: Annotation[]) => list.map((a) => a.id).sort();

    const overlap = await call('getAnalysis', { articleIds: [article.id] });
    expect(overlap.cooccurrence.unit).toBe('overlap');
    // p1 overlaps p2; p3 carries a parent and its child. p4 and p5 touch nothing.
    expect(sorted(overlap.cooccurrence.pairs)).toEqual(
      expect.arrayContaining([
        { tags: pair('Economy/Trade', 'Economy/Energy'), count: 1, annotationIds: ids(p1, p2) },
        { tags: pair('Economy', 'Economy/Trade'), count: 1, annotationIds: ids(p3) },
      ]),
    );
    expect(overlap.cooccurrence.pairs).toHaveLength(2);
    expect(overlap.cooccurrence.diagonal).toEqual([
      { tagId: tag('Economy'), count: 1 },
      { tagId: tag('Economy/Energy'), count: 2 },
      { tagId: tag('Economy/Trade'), count: 2 },
      { tagId: tag('Politics'), count: 1 },
    ]);

    const paragraph = await call('getAnalysis', { articleIds: [article.id], unit: 'paragraph' });
    expect(paragraph.cooccurrence.unit).toBe('paragraph');
    // Paragraph 1 holds Trade, Energy and Economy (p1-p3); paragraph 2 Politics and Energy.
    expect(sorted(paragraph.cooccurrence.pairs)).toEqual(
      expect.arrayContaining([
        { tags: pair('Economy/Trade', 'Economy/Energy'), count: 1, annotationIds: ids(p1, p2, p3) },
        { tags: pair('Economy', 'Economy/Trade'), count: 1, annotationIds: ids(p1, p3) },
        { tags: pair('Economy', 'Economy/Energy'), count: 1, annotationIds: ids(p2, p3) },
        { tags: pair('Economy/Energy', 'Politics'), count: 1, annotationIds: ids(p4, p5) },
      ]),
    );
    expect(paragraph.cooccurrence.pairs).toHaveLength(4);
    expect(paragraph.cooccurrence.diagonal).toEqual([
      { tagId: tag('Economy'), count: 1 },
      { tagId: tag('Economy/Energy'), count: 2 },
      { tagId: tag('Economy/Trade'), count: 1 },
      { tagId: tag('Politics'), count: 1 },
    ]);
  });

  it('counts a passage that lost its place as unplaced, and the review filter tells them apart', async () => {
    const { article, p, tag } = await workedExample();
    // "Epsilon" is gone from the new text: p4 is orphaned.
    await call('editArticle', { id: article.id, text: WORKED.replace('Epsilon', 'Omega') });
    const after = await call('listAnnotations', { articleId: article.id });
    expect(after.find((a) => a.id === p[3].id)!.anchor).toBe('orphaned');

    const all = await call('getAnalysis', { articleIds: [article.id] });
    expect(byPath(all).get('Politics')!.own).toEqual(counts(0, 0, 1));
    expect(all.byArticle).toContainEqual({
      tagId: tag('Politics'),
      column: article.id,
      ...counts(0, 0, 1),
    });
    expect(all.passages).toBe(5);

    // Re-anchoring decides which others wait for review (a changed context moves some).
    const waitingIds = after.filter((a) => a.anchor !== 'anchored').map((a) => a.id);
    expect(waitingIds).toContain(p[3].id);
    const waiting = await call('getAnalysis', { review: 'waiting' });
    expect(waiting.passages).toBe(waitingIds.length);
    expect(byPath(waiting).get('Politics')!.own).toEqual(counts(0, 0, 1));
    const placed = await call('getAnalysis', { articleIds: [article.id], review: 'placed' });
    expect(placed.passages).toBe(5 - waitingIds.length);
    expect(byPath(placed).get('Politics')!.own).toEqual(counts(0, 0, 0));
  });
});

describe('the tag-by-attribute matrix', () => {
  it('spreads own counts over one attribute’s values; articles without it are the column ""', async () => {
    const { article, tag } = await workedExample();
    const other = await call('importText', { text: 'Trade talks only.', title: 'Another' });
    await code(other.id, 'Trade talks only.', 'Trade talks', ['Economy/Trade']);
    const sample = (await call('listArticles', {})).find((a) => a.title.startsWith('Rufat'))!;
    await code(sample.id, (await call('getArticle', { id: sample.id })).text, 'Rufat', [
      'Economy/Trade',
    ]);
    await call('setArticleAttributes', {
      id: article.id,
      attributes: { Country: 'Azərbaycan', 'Outlet / site?': 'Xəbər ] 🤝🏽' },
    });
    // Another spelling of the same name: one attribute.
    await call('setArticleAttributes', { id: other.id, attributes: { country: 'Россия' } });

    const analysis = await call('getAnalysis', { attribute: 'COUNTRY' });
    // Spelled two ways by one article each: the first in sorted order names it.
    expect(analysis.attributes).toEqual([
      { key: 'country', values: ['Azərbaycan', 'Россия'] },
      { key: 'Outlet / site?', values: ['Xəbər ] 🤝🏽'] },
    ]);
    expect(analysis.byAttribute).toEqual({
      key: 'country',
      values: ['Azərbaycan', 'Россия', ''],
      cells: [
        { tagId: tag('Economy'), column: 'Azərbaycan', ...counts(1, 5) },
        { tagId: tag('Economy/Energy'), column: 'Azərbaycan', ...counts(2, 14) },
        { tagId: tag('Economy/Trade'), column: 'Azərbaycan', ...counts(2, 15) },
        { tagId: tag('Economy/Trade'), column: 'Россия', ...counts(1, 11) },
        { tagId: tag('Economy/Trade'), column: '', ...counts(1, 5) },
        { tagId: tag('Politics'), column: 'Azərbaycan', ...counts(1, 7) },
      ],
    });
    expect(analysis.articles.find((a) => a.id === article.id)!.attributes).toEqual({
      Country: 'Azərbaycan',
      'Outlet / site?': 'Xəbər ] 🤝🏽',
    });
    // Without `attribute`, no matrix; an attribute no article has puts every article under "".
    expect(await call('getAnalysis', {})).not.toHaveProperty('byAttribute');
    const none = await call('getAnalysis', { attribute: 'period' });
    expect(none.byAttribute!.values).toEqual(['']);
    expect(none.byAttribute!.cells.filter((c) => c.tagId === tag('Economy/Trade'))).toEqual([
      { tagId: tag('Economy/Trade'), column: '', ...counts(4, 31) },
    ]);
  });
});

describe('filters', () => {
  it('narrows by article, tag (with the tags below it), analyst and day, alone and together', async () => {
    const { article, p, tag } = await workedExample();
    const other = await call('importText', { text: 'Energy and trade.', title: 'Another' });
    const me = await call('setAnalyst', { name: 'Leyla Əliyeva' });
    const mine = await code(other.id, 'Energy and trade.', 'Energy', ['Economy/Energy']);
    const politics = await code(other.id, 'Energy and trade.', 'trade', ['Politics']);
    const kept = async (filter: object) => {
      const analysis = await call('getAnalysis', filter);
      return {
        passages: analysis.passages,
        articles: analysis.articles.map((a) => a.title),
        pairs: analysis.cooccurrence.pairs.flatMap((x) => x.annotationIds),
      };
    };

    expect((await kept({ articleIds: [other.id] })).passages).toBe(2);
    expect((await kept({ articleIds: [other.id] })).articles).toEqual(['Another']);
    // A parent keeps its subtree's passages: all but p4 and the Politics passage.
    const economy = await call('getAnalysis', { tagId: tag('Economy') });
    expect(economy.passages).toBe(5);
    expect(byPath(economy).get('Politics')!.own.passages).toBe(0);
    expect((await kept({ tagId: tag('Economy/Energy') })).passages).toBe(3);
    expect((await kept({ analystId: me.id })).passages).toBe(2);
    expect((await kept({ analystId: me.id, tagId: tag('Economy') })).passages).toBe(1);
    expect(
      (await kept({ analystId: me.id, tagId: tag('Economy'), articleIds: [article.id] })).passages,
    ).toBe(0);

    // Days are local: the day each passage was made on, as the analyst's clock reads it.
    const day = localDay(mine.createdAt);
    expect((await kept({ from: day, to: day })).passages).toBe(7);
    expect((await kept({ from: day })).passages).toBe(7);
    expect((await kept({ to: day, analystId: me.id })).passages).toBe(2);
    expect((await kept({ from: nextDay(day) })).passages).toBe(0);
    expect((await kept({ to: nextDay(day, -1) })).passages).toBe(0);
    expect((await kept({ from: day, review: 'placed', tagId: tag('Politics') })).passages).toBe(2);
    expect((await kept({ review: 'waiting' })).passages).toBe(0);
    // p1 and p2 overlap; the filter on Trade keeps p1 and p3 only, so no Trade-Energy pair.
    expect((await kept({ tagId: tag('Economy/Trade') })).pairs).toEqual([p[2].id]);
    void politics;
  });

  it('refuses an id that names nothing, a day the calendar lacks, or days in the wrong order, changing nothing', async () => {
    const { article, tag } = await workedExample();
    const before = await snapshotDir(nb.dir);
    expect(await refusal('getAnalysis', { tagId: 'no-such-tag' })).toMatch(/tag no longer exists/);
    expect(await refusal('getAnalysis', { analystId: 'nobody' })).toMatch(/analyst no longer/);
    expect(await refusal('getAnalysis', { articleIds: [article.id, 'gone'] })).toMatch(
      /article no longer exists/,
    );
    expect(await refusal('getAnalysis', { from: '2026-02-30' })).toMatch(/not a day/);
    expect(await refusal('getAnalysis', { to: '2026/12/01' })).toMatch(/YYYY-MM-DD/);
    expect(await refusal('getAnalysis', { from: '2026-12-02', to: '2026-12-01' })).toMatch(
      /after the last/,
    );
    expect(await refusal('getAnalysis', { unit: 'sentence' })).toMatch(/refused/);
    expect(await refusal('getCoverage', { articleId: 'gone' })).toMatch(/article no longer/);
    expect(await refusal('getCoverage', { articleId: article.id, tagId: 'gone' })).toMatch(
      /tag no longer/,
    );
    expect(await snapshotDir(nb.dir)).toEqual(before);
    // And it still answers.
    expect((await call('getAnalysis', { tagId: tag('Politics') })).passages).toBe(1);
  });
});

describe('getCoverage', () => {
  it('gives each tag used in the article its disjoint runs and coded characters, in tree order', async () => {
    const { article, tag } = await workedExample();
    const coverage = await call('getCoverage', { articleId: article.id });
    expect(coverage).toEqual({
      articleId: article.id,
      length: WORKED.length,
      tags: [
        { tagId: tag('Economy'), runs: [{ start: 17, end: 22 }], codedChars: 5 },
        {
          tagId: tag('Economy/Energy'),
          runs: [
            { start: 6, end: 16 },
            { start: 33, end: 37 },
          ],
          codedChars: 14,
        },
        {
          tagId: tag('Economy/Trade'),
          runs: [
            { start: 0, end: 10 },
            { start: 17, end: 22 },
          ],
          codedChars: 15,
        },
        { tagId: tag('Politics'), runs: [{ start: 25, end: 32 }], codedChars: 7 },
      ],
    });
    const energy = await call('getCoverage', {
      articleId: article.id,
      tagId: tag('Economy/Energy'),
    });
    expect(energy.tags.map((t) => t.tagId)).toEqual([tag('Economy/Energy')]);
    const elsewhere = await call('getCoverage', { articleId: article.id, review: 'waiting' });
    expect(elsewhere).toEqual({ articleId: article.id, length: WORKED.length, tags: [] });
  });
});

describe('setArticleAttributes', () => {
  const typed = { ' Outlet / site? ': ' Xəbər ] 🤝🏽 ', 'Ölkə [ş]': 'Azərbaycan İ ı' };
  const stored = { 'Outlet / site?': 'Xəbər ] 🤝🏽', 'Ölkə [ş]': 'Azərbaycan İ ı' };

  it('sets all of an article’s attributes in one undo step, and undo and redo bring each side back', async () => {
    const [sample] = await call('listArticles', {});
    const summary = await call('setArticleAttributes', { id: sample!.id, attributes: typed });
    expect(summary.attributes).toEqual(stored);
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual(stored);
    expect((await call('listArticles', {}))[0]!.attributes).toEqual(stored);
    expect((await call('getHistory', {})).undo).toBe('Edit attributes');

    // Left out: removed. An empty value is kept as a value.
    await call('setArticleAttributes', { id: sample!.id, attributes: { 'Ölkə [ş]': '' } });
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual({
      'Ölkə [ş]': '',
    });
    expect((await call('undo', {})).undone).toBe('Edit attributes');
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual(stored);
    await call('undo', {});
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual({});
    await call('redo', {});
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual(stored);
  });

  it('makes no change, and no undo step, when nothing changes (names in another order included)', async () => {
    const [sample] = await call('listArticles', {});
    await call('setArticleAttributes', { id: sample!.id, attributes: typed });
    const history = await call('getHistory', {});
    const before = await snapshotDir(nb.dir);
    const reordered = Object.fromEntries(Object.entries(stored).reverse());
    const summary = await call('setArticleAttributes', { id: sample!.id, attributes: reordered });
    expect(summary.attributes).toEqual(stored);
    expect(await snapshotDir(nb.dir)).toEqual(before);
    expect(await call('getHistory', {})).toEqual(history);
  });

  it('keeps names and values in one Unicode form, and survives reopening the notebook', async () => {
    const [sample] = await call('listArticles', {});
    // "é" typed as e + a combining accent.
    await call('setArticleAttributes', {
      id: sample!.id,
      attributes: { 'Pe\u0301riode': 'e\u0301te\u0301' },
    });
    await nb.reopen();
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual({
      Période: 'été',
    });
  });

  it('refuses two names for one attribute, empty or multi-line names and values, too many, changing nothing', async () => {
    const [sample] = await call('listArticles', {});
    await call('setArticleAttributes', { id: sample!.id, attributes: stored });
    const before = await snapshotDir(nb.dir);
    const refused = (attributes: unknown) =>
      refusal('setArticleAttributes', { id: sample!.id, attributes });
    expect(await refused({ Country: 'AZ', country: 'RU' })).toMatch(
      /“Country” and “country” are one attribute/,
    );
    expect(await refused({ Country: 'AZ', ' Country ': 'RU' })).toMatch(/one attribute/);
    expect(await refused({ '   ': 'x' })).toMatch(/needs a name/);
    expect(await refused({ 'a\nb': 'x' })).toMatch(/one line/);
    expect(await refused({ a: 'x\ny' })).toMatch(/one line/);
    expect(await refused({ ['k'.repeat(81)]: 'x' })).toMatch(/<=80 characters/);
    expect(await refused({ a: 'v'.repeat(501) })).toMatch(/<=500 characters/);
    expect(
      await refused(Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']))),
    ).toMatch(/at most 100 attributes/);
    expect(await refused(JSON.parse('{"__proto__": "x"}'))).toMatch(/__proto__/);
    expect(await refused({ a: 5 })).toMatch(/refused/);
    expect(await refusal('setArticleAttributes', { id: 'gone', attributes: {} })).toMatch(
      /article no longer exists/,
    );
    expect(await snapshotDir(nb.dir)).toEqual(before);
    expect((await call('getArticleRecord', { id: sample!.id })).attributes).toEqual(stored);
  });
});

describe('a notebook stored before articles had attributes', () => {
  it('opens with none, and takes them', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'notebook-before-attributes-'));
    try {
      const text = 'Written before attributes. It has two sentences.';
      const body = canonicalBody({
        text,
        blocks: [{ type: 'paragraph', start: 0, end: text.length }],
        marks: [],
      });
      await mkdir(join(dir, 'bodies'));
      await writeFile(join(dir, 'bodies', `${body.hash}.json`), body.json);
      const article = {
        id: 'old-article',
        title: 'Old',
        authors: [],
        published: '',
        source: 'old.txt',
        publication: '',
        url: '',
        doi: '',
        format: 'text',
        importedAt: '2024-05-01T10:00:00.000Z',
        memo: '',
        revisions: [
          {
            number: 1,
            createdAt: '2024-05-01T10:00:00.000Z',
            reason: 'import',
            bodyHash: body.hash,
          },
        ],
      };
      const notebookFile = {
        version: 2,
        journalSeq: 0,
        articles: [article],
        annotations: [],
        tags: [],
        sampleSeeded: true,
      };
      await writeFile(join(dir, 'notebook.json'), JSON.stringify(notebookFile));
      const open = async () => {
        const notebook = await openNotebook({ dataDir: dir });
        return { notebook, dispatch: createDispatcher(notebook.handlers, () => undefined) };
      };
      let { notebook, dispatch } = await open();
      const listed = await dispatch('listArticles', {});
      expect(listed).toMatchObject({ ok: true, value: [{ id: 'old-article', attributes: {} }] });
      expect(await dispatch('getAnalysis', {})).toMatchObject({
        ok: true,
        value: { articles: [{ id: 'old-article', attributes: {}, length: text.length }] },
      });
      expect(
        await dispatch('setArticleAttributes', { id: 'old-article', attributes: { Era: '1990s' } }),
      ).toMatchObject({ ok: true, value: { attributes: { Era: '1990s' } } });
      await notebook.store.close();
      ({ notebook, dispatch } = await open());
      expect(await dispatch('getArticleRecord', { id: 'old-article' })).toMatchObject({
        ok: true,
        value: { attributes: { Era: '1990s' } },
      });
      await notebook.store.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** The local `YYYY-MM-DD` of an ISO time. */
function localDay(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function nextDay(day: string, by = 1): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return localDay(new Date(y, m - 1, d + by, 12).toISOString());
}
