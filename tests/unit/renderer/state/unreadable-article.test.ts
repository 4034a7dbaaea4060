// An article whose text is missing from bodies/, against the real core: opening it shows why in
// its place (never the article open before), and importing the same text again brings it back
// with its annotations.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openNotebook } from '../../../../electron/core/notebook';
import { Annotations } from '../../../../renderer/src/lib/state/annotations.svelte';
import { OpenArticle } from '../../../../renderer/src/lib/state/article.svelte';
import { eventually, startRealCore, type RealCore } from './real-core';

const TEXT = 'Customs log\n\nThe customs post at Samur closed early.';

let core: RealCore;
let damagedId: string;
beforeEach(async () => {
  core = await startRealCore({
    prepare: async (dir) => {
      const earlier = await openNotebook({ dataDir: dir });
      const article = await earlier.handlers.importText({ text: TEXT });
      const start = TEXT.indexOf('closed early');
      await earlier.handlers.createAnnotation({
        articleId: article.id,
        start,
        end: start + 'closed early'.length,
        tagNames: ['borders'],
        comment: '',
      });
      const record = await earlier.handlers.getArticleRecord({ id: article.id });
      await earlier.store.close();
      await rm(join(dir, 'bodies', `${record.revisions[0]!.bodyHash}.json`));
      damagedId = article.id;
    },
  });
});
afterEach(async () => {
  await core.close();
});

it('shows why in the article’s place, and opens it once the text is imported again', async () => {
  const article = new OpenArticle();
  const annotations = new Annotations(() => new Map());
  const stops = [article.connect(), annotations.connect()];
  const [sample] = (await core.notebook.handlers.listArticles({})).filter(
    (a) => a.id !== damagedId,
  );
  await Promise.all([article.open(sample!.id), annotations.open(sample!.id)]);
  expect(article.article?.id).toBe(sample!.id);

  const opening = annotations.open(damagedId);
  await article.open(damagedId);
  await expect(opening).rejects.toThrow(/missing from the notebook folder/);
  expect(article.article).toBeNull();
  expect(article.unreadable).toEqual({
    id: damagedId,
    message: expect.stringContaining('Import the original file again to repair it'),
  });
  expect(annotations.list).toEqual([]);

  await core.notebook.handlers.importText({ text: TEXT });
  await eventually(() => expect(article.article?.id).toBe(damagedId));
  expect(article.unreadable).toBeNull();
  expect(article.article?.text).toBe(TEXT);
  await eventually(() => expect(annotations.list).toHaveLength(1));
  stops.forEach((stop) => stop());
});
