// Revisions through the service on a real notebook folder: edits and re-imports keep the old
// text, move annotations with the text, and flag what they can't place; review fixes it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { Article } from '../../../../electron/shared/model';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');
let dir: string;
let notebook: Notebook;
let article: Article;

const open = () => openNotebook({ dataDir: dir, samplePath: SAMPLE, compactAfterMs: 60_000 });
const h = () => notebook.handlers;

async function annotate(phrase: string, tag: string) {
  const start = article.text.indexOf(phrase);
  expect(start).toBeGreaterThan(-1);
  return h().createAnnotation({
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames: [tag],
    comment: '',
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-revisions-'));
  notebook = await open();
  const [summary] = await h().listArticles({});
  article = await h().getArticle({ id: summary!.id });
});
afterEach(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

it('an edit keeps the old text, moves intact passages exactly and flags damaged ones', async () => {
  const intact = await annotate('joint tourist routes', 'tourism');
  const damaged = await annotate('industry, agriculture and the food industry', 'economy');
  const edited = article.text
    .replace(
      '\n\n"Over the past',
      '\n\nAn inserted paragraph that shifts everything.\n\n"Over the past',
    )
    .replace('the food industry', 'the fishing sector');

  const outcome = await h().editArticle({ id: article.id, text: edited });
  expect(outcome.article.revision).toBe(2);
  expect(outcome.anchored).toBe(1);
  expect(outcome.moved + outcome.fuzzy + outcome.orphaned).toBe(1);

  const now = await h().getArticle({ id: article.id });
  expect(now.revisions.map((r) => r.reason)).toEqual(['import', 'edit']);
  const first = await notebook.store.getBody(now.revisions[0]!.bodyHash);
  expect(first.text).toBe(article.text);

  const list = await h().listAnnotations({ articleId: article.id });
  const moved = list.find((a) => a.id === intact.id)!;
  expect(moved.anchor).toBe('anchored');
  expect(moved.revision).toBe(2);
  expect(now.text.slice(moved.selectors[0].start, moved.selectors[0].end)).toBe(
    'joint tourist routes',
  );

  const flagged = list.find((a) => a.id === damaged.id)!;
  expect(flagged.anchor).not.toBe('anchored');
  expect(flagged.selectors[1].exact).toBe('industry, agriculture and the food industry');
  expect((await h().listArticles({}))[0]!.needsReview).toBe(1);

  // Review: re-attach to the passage as it reads now.
  const start = now.text.indexOf('industry, agriculture and the fishing sector');
  const fixed = await h().reattachAnnotation({ id: damaged.id, start, end: start + 44 });
  expect(fixed).toMatchObject({ anchor: 'anchored', revision: 2 });
  expect(fixed.selectors[1].exact).toBe('industry, agriculture and the fishing sector');
  expect((await h().listArticles({}))[0]!.needsReview).toBe(0);
});

it('accepting a proposed place pins the annotation there', async () => {
  const annotation = await annotate('business forums and business meetings', 'events');
  const edited = article.text.replace(
    'business forums and business meetings',
    'business forums, and business meetings',
  );
  await h().editArticle({ id: article.id, text: edited });
  const [flagged] = await h().listAnnotations({ articleId: article.id });
  expect(flagged!.id).toBe(annotation.id);
  expect(flagged!.anchor).toBe('fuzzy');
  const accepted = await h().acceptPlacement({ id: annotation.id });
  expect(accepted.anchor).toBe('anchored');
  expect(accepted.selectors[1].exact).toBe('business forums, and business meetings');
  expect(accepted.candidate).toBeUndefined();
});

it('re-importing a newer file makes a revision and survives a restart', async () => {
  await annotate('Vestnik Kavkaza', 'media');
  const newer = `${article.text.replace('Rufat Mammadov: we', 'Rufat Mammadov: We')}\n\nA paragraph added by the newer version.`;
  const outcome = await h().reimportArticle({
    id: article.id,
    fileName: 'azpromo-v2.txt',
    bytes: new TextEncoder().encode(newer),
  });
  expect(outcome.anchored).toBe(1);
  await expect(
    h().reimportArticle({
      id: article.id,
      fileName: 'same.txt',
      bytes: new TextEncoder().encode(newer),
    }),
  ).rejects.toThrow(/same text/);
  await notebook.store.close();
  notebook = await open();
  const again = await h().getArticle({ id: article.id });
  expect(again.revisions.map((r) => r.reason)).toEqual(['import', 'reimport']);
  expect(again.text).toContain('A paragraph added by the newer version.');
  const [annotation] = await h().listAnnotations({ articleId: article.id });
  expect(again.text.slice(annotation!.selectors[0].start, annotation!.selectors[0].end)).toBe(
    'Vestnik Kavkaza',
  );
});

it('refuses an empty or unchanged edit without writing anything', async () => {
  await expect(h().editArticle({ id: article.id, text: '   \n\n ' })).rejects.toThrow(
    /cannot be empty/,
  );
  await expect(h().editArticle({ id: article.id, text: article.text })).rejects.toThrow(
    /Nothing changed/,
  );
  expect((await h().getArticle({ id: article.id })).revisions).toHaveLength(1);
});
