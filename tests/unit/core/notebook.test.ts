// The notebook service through its handlers, on a real lowdb file in a temp folder: what the UI
// does, call by call, and that refused calls change nothing.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { NotebookError } from '../../../electron/core/errors';
import { TAG_PALETTE } from '../../../electron/shared/model';
import { snapshotDir } from '../support/dir-snapshot';
import { exportedText } from '../support/exported-text';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');
let dir: string;
let notebook: Notebook;
let ids = 0;

async function open(compactAfterMs?: number) {
  return openNotebook({
    dataDir: dir,
    ...(compactAfterMs !== undefined && { compactAfterMs }),
    samplePath: SAMPLE,
    now: () => new Date('2026-11-29T10:00:00Z'),
    newId: () => `id-${++ids}`,
  });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-service-'));
  notebook = await open(60_000);
});
afterEach(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

const h = () => notebook.handlers;
const palette: readonly string[] = TAG_PALETTE;
async function sample() {
  const [article] = await h().listArticles({});
  return h().getArticle({ id: article!.id });
}

describe('first run', () => {
  it('holds the sample once, and only the first time', async () => {
    const articles = await h().listArticles({});
    expect(articles.map((a) => a.title)).toEqual([
      'Rufat Mammadov: we increase ties between business circles of Russia and Azerbaijan',
    ]);
    await h().deleteArticle({ id: articles[0]!.id });
    await notebook.store.close();
    notebook = await open();
    expect(await h().listArticles({})).toEqual([]);
  });
});

describe('the services, made once the notebook is ready', () => {
  it('serve calls made at once, and let a notebook closed at once close cleanly', async () => {
    await notebook.store.close();
    // Opened again (the sample is in: nothing to add), then called and closed with no pause:
    // the calls wait for the services, and closing waits for them too.
    notebook = await open(60_000);
    const [articles, startup, history] = await Promise.all([
      h().listArticles({}),
      h().getStartup({}),
      h().getHistory({}),
    ]);
    expect(articles).toHaveLength(1);
    expect(startup.notices).toEqual([]);
    expect(history).toEqual({});
    await notebook.store.close();
    notebook = await open(60_000);
    await notebook.store.close();
    // Its lock was released although no call ever ran: a third opening takes the folder.
    notebook = await open(60_000);
    expect(await h().listArticles({})).toHaveLength(1);
  });
});

describe('annotations and tags', () => {
  it('creates tags from names, reuses them ignoring case, and counts them', async () => {
    const article = await sample();
    const start = article.text.indexOf('industry, agriculture');
    const first = await h().createAnnotation({
      articleId: article.id,
      start,
      end: start + 21,
      tagNames: ['Economy', 'trade'],
      comment: 'sectors',
    });
    expect(first.selectors[1].exact).toBe('industry, agriculture');
    await h().createAnnotation({
      articleId: article.id,
      start: 0,
      end: 5,
      tagNames: ['economy '],
      comment: '',
    });
    const tags = await h().listTags({});
    expect(tags.map((t) => [t.name, t.count])).toEqual([
      ['Economy', 2],
      ['trade', 1],
    ]);
    expect((await h().listArticles({}))[0]!.annotationCount).toBe(2);
    const list = await h().listAnnotations({ articleId: article.id });
    expect(list.map((a) => a.selectors[0].start)).toEqual([0, start]);
  });

  it('renames, merges and deletes tags with the chosen fate for annotations', async () => {
    const article = await sample();
    const a = await h().createAnnotation({
      articleId: article.id,
      start: 0,
      end: 4,
      tagNames: ['one'],
      comment: '',
    });
    const b = await h().createAnnotation({
      articleId: article.id,
      start: 10,
      end: 14,
      tagNames: ['one', 'two'],
      comment: '',
    });
    const [one, two] = await h().listTags({});
    await expect(h().updateTag({ id: one!.id, name: 'TWO' })).rejects.toThrow(/already exists/);
    await h().updateTag({ id: one!.id, name: 'first', color: '#ABCDEF' });
    expect((await h().listTags({})).find((t) => t.id === one!.id)).toMatchObject({
      name: 'first',
      color: '#abcdef',
    });

    await h().mergeTags({ sourceId: two!.id, targetId: one!.id });
    const afterMerge = await h().listAnnotations({ articleId: article.id });
    expect(afterMerge.find((x) => x.id === b.id)!.tagIds).toEqual([one!.id]);

    const created = await h().createTag({ name: 'solo' });
    await h().updateAnnotation({ id: a.id, tagNames: ['solo'], comment: 'only solo' });
    expect(await h().deleteTag({ id: created.id, annotations: 'delete' })).toEqual({
      deletedAnnotations: 1,
      liftedChildren: 0,
    });
    expect((await h().listAnnotations({ articleId: article.id })).map((x) => x.id)).toEqual([b.id]);
    expect(await h().deleteTag({ id: one!.id, annotations: 'keep' })).toEqual({
      deletedAnnotations: 0,
      liftedChildren: 0,
    });
    expect((await h().listAnnotations({ articleId: article.id }))[0]!.tagIds).toEqual([]);
  });

  it('gives a new tag the palette colour fewest tags have, also several in one save', async () => {
    const article = await sample();
    let start = 0;
    const annotate = (tagNames: string[]) =>
      h().createAnnotation({
        articleId: article.id,
        start,
        end: (start += 4),
        tagNames,
        comment: '',
      });
    const colours = async () =>
      Object.fromEntries((await h().listTags({})).map((t) => [t.name, palette.indexOf(t.color)]));

    await annotate(['a', 'b', 'c']);
    expect(await colours()).toEqual({ a: 0, b: 1, c: 2 });
    const [a, b] = await h().listTags({});
    await h().deleteTag({ id: a!.id, annotations: 'keep' });
    await h().deleteTag({ id: b!.id, annotations: 'keep' });
    // The freed colours come back first, in palette order; each new tag counts the ones before it.
    await annotate(['d', 'e', 'C', 'f']);
    expect(await colours()).toEqual({ c: 2, d: 0, e: 1, f: 3 });
    // A palette colour chosen by hand counts (whatever its case); any other colour doesn't.
    await h().createTag({ name: 'g', color: TAG_PALETTE[4].toUpperCase() });
    await h().createTag({ name: 'custom', color: '#123456' });
    await h().createTag({ name: 'h' });
    await annotate(['i', 'j', 'k']);
    expect(await colours()).toMatchObject({ g: 4, h: 5, i: 6, j: 7, k: 0, custom: -1 });
  });

  it('counts, per tag, the annotations it is the only tag of: those deleting it would remove', async () => {
    const article = await sample();
    let start = 0;
    for (const tagNames of [['x'], ['x', 'y'], ['y'], ['Y'], []]) {
      await h().createAnnotation({
        articleId: article.id,
        start,
        end: (start += 4),
        tagNames,
        comment: '',
      });
    }
    await h().createTag({ name: 'unused' });
    const tags = await h().listTags({});
    expect(tags.map((t) => [t.name, t.count, t.onlyTag])).toEqual([
      ['unused', 0, 0],
      ['x', 2, 1],
      ['y', 3, 2],
    ]);
    const y = tags.find((t) => t.name === 'y')!;
    expect(await h().deleteTag({ id: y.id, annotations: 'delete' })).toEqual({
      deletedAnnotations: y.onlyTag,
      liftedChildren: 0,
    });
    // The annotation that had x and y now has only x.
    expect((await h().listTags({})).map((t) => [t.name, t.count, t.onlyTag])).toEqual([
      ['unused', 0, 0],
      ['x', 2, 2],
    ]);
  });

  it('deletes and restores an annotation (undo), dropping tags deleted meanwhile', async () => {
    const article = await sample();
    const a = await h().createAnnotation({
      articleId: article.id,
      start: 0,
      end: 6,
      tagNames: ['x', 'y'],
      comment: 'c',
    });
    const deleted = await h().deleteAnnotation({ id: a.id });
    const y = (await h().listTags({})).find((t) => t.name === 'y')!;
    await h().deleteTag({ id: y.id, annotations: 'keep' });
    const restored = await h().restoreAnnotation({ annotation: deleted });
    expect(restored.tagIds).toHaveLength(1);
    await expect(h().restoreAnnotation({ annotation: deleted })).rejects.toThrow(/already/);
  });

  it('refuses bad passages and leaves the file untouched', async () => {
    const article = await sample();
    const before = await snapshotDir(dir);
    const bad = [
      { start: 5, end: 5 },
      { start: 0, end: article.text.length + 1 },
      { start: article.text.indexOf('\n\n'), end: article.text.indexOf('\n\n') + 2 },
    ];
    for (const range of bad) {
      await expect(
        h().createAnnotation({
          articleId: article.id,
          ...range,
          tagNames: ['new-tag'],
          comment: '',
        }),
      ).rejects.toBeInstanceOf(NotebookError);
    }
    await expect(h().getArticle({ id: 'missing' })).rejects.toThrow(/no longer exists/);
    expect(await snapshotDir(dir)).toEqual(before);
    expect(await h().listTags({})).toEqual([]);
  });
});

describe('persistence', () => {
  it('finds articles, annotations, tags and memos again after a restart', async () => {
    const article = await sample();
    await h().createAnnotation({
      articleId: article.id,
      start: 0,
      end: 6,
      tagNames: ['kept'],
      comment: 'still here',
    });
    await h().setMemo({ articleId: article.id, memo: '# My memo' });
    await h().importText({ text: 'Second article\n\nBody text.', source: 'https://example.org/a' });
    // (A kill before compaction is the store's own test; here the app closes as usual.)
    await notebook.store.close();
    notebook = await open();
    const articles = await h().listArticles({});
    expect(articles).toHaveLength(2);
    const again = await h().getArticle({ id: article.id });
    expect(again.memo).toBe('# My memo');
    const [annotation] = await h().listAnnotations({ articleId: article.id });
    expect(annotation).toMatchObject({ comment: 'still here' });
    expect((await h().listTags({}))[0]).toMatchObject({ name: 'kept', count: 1 });
  });
});

describe('export', () => {
  it('exports one article filtered by tag, as a download for the host to place', async () => {
    const article = await sample();
    const start = article.text.indexOf('tourism infrastructure');
    await h().createAnnotation({
      articleId: article.id,
      start,
      end: start + 22,
      tagNames: ['tourism'],
      comment: 'kept',
    });
    await h().createAnnotation({
      articleId: article.id,
      start: 0,
      end: 5,
      tagNames: ['other'],
      comment: 'left out',
    });
    const tourism = (await h().listTags({})).find((t) => t.name === 'tourism')!;
    const outcome = await h().exportNotes({
      articleId: article.id,
      format: 'csv',
      tagIds: [tourism.id],
    });
    expect(outcome.kind).toBe('download');
    if (outcome.kind !== 'download') return;
    expect(exportedText(outcome.file)).toContain('tourism infrastructure');
    expect(exportedText(outcome.file)).not.toContain('left out');
  });
});

describe('concurrent calls', () => {
  it('creates a new tag once when two saves name it at the same time', async () => {
    const article = await sample();
    await Promise.all(
      [0, 10, 20].map((start) =>
        h().createAnnotation({
          articleId: article.id,
          start,
          end: start + 4,
          tagNames: ['Shared'],
          comment: '',
        }),
      ),
    );
    const tags = await h().listTags({});
    expect(tags.map((t) => [t.name, t.count])).toEqual([['Shared', 3]]);
  });
});
