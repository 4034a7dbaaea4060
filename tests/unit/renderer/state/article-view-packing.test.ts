// getArticleView packs what getArticle and listAnnotations give, and the renderer's unpacking
// gives exactly those records back: blocks with levels, numbers and header rows, links, quotes
// sliced from the text, annotations that moved or were orphaned by a revision sent whole.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { unpackAnnotations, unpackBody } from '../../../../renderer/src/lib/state/article-view';

let dir: string;
let notebook: Notebook;
const h = () => notebook.handlers;
const fixture = (name: string) =>
  readFile(join(process.cwd(), 'tests', 'fixtures', 'import', name));

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-view-'));
  notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
});
afterEach(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

async function annotate(articleId: string, text: string, phrase: string, tags: string[]) {
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThan(-1);
  return h().createAnnotation({
    articleId,
    start,
    end: start + phrase.length,
    tagNames: tags,
    comment: `On “${phrase}”: ə 🤝🏽`,
  });
}

async function unpacked(id: string, knownBodyHashes?: string[]) {
  const view = await h().getArticleView({
    id,
    annotations: true,
    ...(knownBodyHashes && { knownBodyHashes }),
  });
  // As the window gets it: through JSON.
  return JSON.parse(JSON.stringify(view)) as typeof view;
}

it('gives back the article and its annotations exactly, through JSON', async () => {
  for (const name of ['article.md', 'news-article.html', 'port-statistics.html']) {
    const summary = await h().importFile({ fileName: name, bytes: await fixture(name) });
    const article = await h().getArticle({ id: summary.id });
    const words = article.text.split(/\s+/).filter((w) => w.length > 4);
    for (const [i, word] of words.slice(0, 40).entries()) {
      if (i % 3 === 0) await annotate(article.id, article.text, word, [`t${i % 4}`, 'shared']);
    }
    const view = await unpacked(article.id);
    const body = unpackBody(view.body!);
    expect({ ...view.record, ...body, revision: 1 }).toEqual(article);
    const annotations = unpackAnnotations(view, { ...article });
    expect(annotations).toEqual(await h().listAnnotations({ articleId: article.id }));
    // Packed, not sent whole: none of them was moved.
    expect(view.annotations!.every(Array.isArray)).toBe(true);
  }
  const md = (await h().listArticles({})).find((a) => a.format === 'markdown')!;
  const blocks = (await h().getArticle({ id: md.id })).blocks;
  expect(blocks.some((b) => b.level !== undefined)).toBe(true);
});

it('sends annotations a revision moved or orphaned whole, and no body the caller holds', async () => {
  const summary = await h().importText({
    text: 'A headline\n\nThe first paragraph talks about joint tourist routes.\n\nThe second one is about trade and pipelines.',
  });
  const article = await h().getArticle({ id: summary.id });
  const kept = await annotate(article.id, article.text, 'joint tourist routes', ['tourism']);
  const cut = await annotate(article.id, article.text, 'trade and pipelines', ['trade']);
  await h().editArticle({
    id: article.id,
    text: `${article.text.replace('trade and pipelines', 'gas')}\n\nA new closing paragraph.`,
  });
  const now = await h().getArticle({ id: article.id });
  const view = await unpacked(article.id);
  const annotations = unpackAnnotations(view, now);
  expect(annotations).toEqual(await h().listAnnotations({ articleId: article.id }));
  const whole = view.annotations!.filter((a) => !Array.isArray(a));
  expect(whole.map((a) => (a as { id: string }).id)).toEqual([cut.id]);
  expect(annotations.find((a) => a.id === kept.id)).toMatchObject({
    revision: 2,
    anchor: 'anchored',
  });

  const hash = now.revisions.at(-1)!.bodyHash;
  const again = await unpacked(article.id, [hash]);
  expect(again.body).toBeUndefined();
  expect(unpackAnnotations(again, now)).toEqual(annotations);
  const recordOnly = await h().getArticleView({ id: article.id, knownBodyHashes: [hash] });
  const { text: _t, blocks: _b, marks: _m, revision: _r, ...record } = now;
  expect(recordOnly).toEqual({ record, quoteContext: 32 });
});

it('carries who made and who last changed each annotation, as indexes into one list', async () => {
  const summary = await h().importText({
    text: 'A headline\n\nJoint tourist routes, trade and pipelines, ports and ferries.',
  });
  const article = await h().getArticle({ id: summary.id });
  // Made before anyone was named: the row stays as short as it was.
  const nobodys = await annotate(article.id, article.text, 'Joint tourist routes', ['tourism']);
  const leyla = await h().setAnalyst({ name: 'Leyla Əliyeva' });
  const first = await annotate(article.id, article.text, 'trade', ['trade']);
  const second = await annotate(article.id, article.text, 'pipelines', ['energy']);
  const bahar = { ...leyla, id: 'analyst-bahar', name: 'Bahar', initials: 'B' };
  await notebook.store.commit([
    { kind: 'put', collection: 'analysts', record: bahar },
    { kind: 'meta', key: 'analystId', value: bahar.id },
  ]);
  const hers = await annotate(article.id, article.text, 'ports and ferries', ['shipping']);
  // Bahar changes one of Leyla's: made by one, last changed by the other.
  const changed = await h().updateAnnotation({
    id: first.id,
    tagNames: ['trade', 'energy'],
    comment: 'Bahar’s note',
  });
  expect(changed).toMatchObject({ createdBy: leyla.id, updatedBy: bahar.id });

  const view = await unpacked(article.id);
  expect(view.analystIds).toHaveLength(2);
  expect([...view.analystIds!].sort()).toEqual([bahar.id, leyla.id].sort());
  const rows = new Map(
    view.annotations!.map((row) => {
      expect(Array.isArray(row)).toBe(true);
      const r = row as unknown[];
      return [r[0] as string, r];
    }),
  );
  expect(rows.get(nobodys.id)).toHaveLength(7);
  expect(rows.get(second.id)).toHaveLength(8);
  expect(rows.get(hers.id)).toHaveLength(8);
  expect(rows.get(first.id)).toHaveLength(9);
  expect(view.analystIds![rows.get(hers.id)![7] as number]).toBe(bahar.id);

  const annotations = unpackAnnotations(view, { ...article });
  expect(annotations).toEqual(await h().listAnnotations({ articleId: article.id }));
  const byId = new Map(annotations.map((a) => [a.id, a]));
  expect(byId.get(nobodys.id)!.createdBy).toBeUndefined();
  expect(byId.get(second.id)).toMatchObject({ createdBy: leyla.id });
  expect(byId.get(second.id)!.updatedBy).toBeUndefined();
  expect(byId.get(hers.id)).toMatchObject({ createdBy: bahar.id });
  expect(byId.get(first.id)).toMatchObject({ createdBy: leyla.id, updatedBy: bahar.id });
});
