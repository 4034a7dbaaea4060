// notebook.json, its .bak and every restore point unusable, and the journal left holds only the
// later saves: annotations whose articles were lost must not stay invisible (with tags counting
// them). They are gathered in a "Recovered annotations" article, through the real handlers.
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { Startup } from '../../../../electron/shared/contract';
import { makeTempDir } from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
let notebook: Notebook;
let ids = 0;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  notebook = await open();
});
afterEach(async () => {
  await notebook.store.close();
  await cleanup();
});

const open = () =>
  openNotebook({ dataDir: dir, compactAfterMs: 60_000, newId: () => `id-${++ids}` });
const h = () => notebook.handlers;

async function annotate(articleId: string, word: string, tagNames: string[]) {
  const text = (await h().getArticle({ id: articleId })).text;
  const start = text.indexOf(word);
  await h().createAnnotation({
    articleId,
    start,
    end: start + word.length,
    tagNames,
    comment: word,
  });
}

it('gathers annotations of lost articles where they can be seen, and tag counts match them', async () => {
  const a = await h().importText({ text: 'First article\n\nGrain leaves from Aktau and Kuryk.' });
  const b = await h().importText({ text: 'Second article\n\nOil leaves from Baku and Sangachal.' });
  // Enough compactions that no journal holds the imports any more (only the copies do).
  for (let i = 0; i < 6; i++) {
    await h().createTag({ name: `round ${i}` });
    await notebook.store.compact();
  }
  await annotate(a.id, 'Aktau', ['ports']);
  await annotate(a.id, 'Kuryk', ['ports']);
  await annotate(a.id, 'Grain', ['cargo']);
  await annotate(b.id, 'Baku', ['ports', 'cargo']);
  await annotate(b.id, 'Oil', ['cargo']);
  await notebook.store.close();
  for (const name of await readdir(dir)) {
    if (name.startsWith('notebook.') && name.endsWith('.json')) {
      await writeFile(path.join(dir, name), 'damaged');
    }
  }
  await writeFile(path.join(dir, 'notebook.json.bak'), 'damaged');

  notebook = await open();
  const notices = ((await h().getStartup({})) as Startup).notices;
  expect(notices.map((n) => n.code)).toEqual([
    'notebook-rebuilt',
    'changes-missing',
    'annotations-recovered',
  ]);
  const articles = await h().listArticles({});
  expect(articles.map((x) => x.title)).toEqual(['Recovered annotations']);
  const recovered = articles[0]!;
  expect(recovered.annotationCount).toBe(5);
  const article = await h().getArticle({ id: recovered.id });
  // The window explains the article by this mark, whatever the analyst renames it to.
  expect(article.recovered).toBe(true);
  const annotations = await h().listAnnotations({ articleId: recovered.id });
  expect(
    annotations.map((x) => article.text.slice(x.selectors[0].start, x.selectors[0].end)),
  ).toEqual(['Aktau', 'Kuryk', 'Grain', 'Baku', 'Oil']);
  expect(annotations.map((x) => x.comment)).toEqual(['Aktau', 'Kuryk', 'Grain', 'Baku', 'Oil']);

  // Every tag counts exactly the annotations one can see with it.
  const visible = (
    await Promise.all(articles.map((x) => h().listAnnotations({ articleId: x.id })))
  ).flat();
  expect(visible).toHaveLength(notebook.store.state.annotations.size);
  for (const tag of await h().listTags({})) {
    expect(tag.count, tag.name).toBe(visible.filter((x) => x.tagIds.includes(tag.id)).length);
  }
  expect(Object.fromEntries((await h().listTags({})).map((t) => [t.name, t.count]))).toMatchObject({
    ports: 3,
    cargo: 3,
  });

  // Settled: the next opening is quiet and the same.
  await notebook.store.close();
  notebook = await open();
  expect(((await h().getStartup({})) as Startup).notices).toEqual([]);
  expect((await h().listArticles({})).map((x) => x.annotationCount)).toEqual([5]);
});
