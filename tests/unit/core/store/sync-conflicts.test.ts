// Conflicted copies a sync tool leaves beside the notebook: found by each tool's naming, counted
// against the notebook by id, offered at start, brought in once (only what is missing, never
// overwriting), renamed afterwards and never deleted. Real notebooks in temp folders: a second
// "machine" works on a copy of the folder, and its files come back under conflicted names.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { conflictedCopyOf, describeCopy } from '../../../../electron/core/store/sync-conflicts';
import type { Startup } from '../../../../electron/shared/contract';

let here: string;
let there: string;
let ids = 0;
const open = (dataDir: string) =>
  openNotebook({ dataDir, compactAfterMs: 60_000, newId: () => `id-${++ids}` });

beforeEach(async () => {
  here = await mkdtemp(join(tmpdir(), 'notebook-here-'));
  there = await mkdtemp(join(tmpdir(), 'notebook-there-'));
});
afterEach(async () => {
  await rm(here, { recursive: true, force: true });
  await rm(there, { recursive: true, force: true });
});

describe('conflictedCopyOf', () => {
  it.each([
    ["notebook (Ann's conflicted copy 2026-01-02).json", 'notebook', 'dropbox'],
    ['notebook (Ann’s conflicted copy 2026-01-02 (1)).json', 'notebook', 'dropbox'],
    ['notebook-DESKTOP-1234.json', 'notebook', 'onedrive'],
    ['notebook-MACHINE.json', 'notebook', 'onedrive'],
    ['notebook.sync-conflict-20260102-101010-ABCDEFG.json', 'notebook', 'syncthing'],
    ['notebook (conflicted copy 2026-01-02 101010).json', 'notebook', 'nextcloud'],
    ['notebook_conflict-20260102-101010.json', 'notebook', 'nextcloud'],
    ['notebook(1).json', 'notebook', 'google-drive'],
    ['notebook (2).json', 'notebook', 'google-drive'],
    ['notebook 2.json', 'notebook', 'icloud'],
    ["journal-3 (Ann's conflicted copy 2026-01-02).jsonl", 'journal', 'dropbox'],
    ['journal-3-DESKTOP-1234.jsonl', 'journal', 'onedrive'],
    ['journal-12.sync-conflict-20260102-101010-ABCDEFG.jsonl', 'journal', 'syncthing'],
    ['journal-3 (conflicted copy 2026-01-02 101010).jsonl', 'journal', 'nextcloud'],
    ['journal-3(1).jsonl', 'journal', 'google-drive'],
  ])('%s is a %s copy from %s', (name, of, tool) => {
    expect(conflictedCopyOf(name)).toEqual({ of, tool });
  });

  it.each([
    'notebook.json',
    'notebook.json.bak',
    'notebook.json.tmp',
    'notebook.lock',
    'notebook.corrupt-2026-01-02T10-10-10-000Z.json',
    'notebook.corrupt-2026-01-02T10-10-10-000Z-backup.json',
    'notebook.format-1-2026-01-02T10-10-10-000Z.json',
    'journal-3.jsonl',
    'journal-3.corrupt-2026-01-02T10-10-10-000Z.jsonl',
    'journal-3.unreplayed-2026-01-02T10-10-10-000Z.jsonl',
    "notebook (Ann's conflicted copy 2026-01-02).json.merged-2026-01-03T10-10-10-000Z",
    'window-state.json',
    'notebook-.json',
    'journal-.jsonl',
  ])('%s is not a conflicted copy', (name) => {
    expect(conflictedCopyOf(name)).toBeUndefined();
  });
});

/** A notebook here with one article, a tag and an annotation, closed; `there` starts as a copy. */
async function sharedStart() {
  const nb = await open(here);
  const article = await nb.handlers.importText({
    text: 'Shared text about the economy.',
    title: 'Shared',
  });
  const ann = await nb.handlers.createAnnotation({
    articleId: article.id,
    start: 0,
    end: 6,
    tagNames: ['economy'],
    comment: 'here',
  });
  await nb.store.close();
  await cp(here, there, { recursive: true });
  return { articleId: article.id, annotationId: ann.id };
}

/** On the other machine: a new article with two annotations, a new tag, and edits to shared records. */
async function workThere(nb: Notebook, shared: { articleId: string; annotationId: string }) {
  const article = await nb.handlers.importText({
    text: 'Written on the laptop, twice over.',
    title: 'Laptop',
  });
  for (const [start, end] of [
    [0, 7],
    [8, 10],
  ] as const) {
    await nb.handlers.createAnnotation({
      articleId: article.id,
      start,
      end,
      tagNames: ['laptop', 'Economy'],
      comment: 'there',
    });
  }
  await nb.handlers.createAnnotation({
    articleId: shared.articleId,
    start: 7,
    end: 11,
    tagNames: ['economy'],
    comment: 'on the shared article',
  });
  // Changed there, but present here: must not come back over the analyst's version.
  await nb.handlers.updateAnnotation({ id: shared.annotationId, tagNames: [], comment: 'there' });
  return article.id;
}

const startupNotices = async (nb: Notebook) =>
  ((await nb.handlers.getStartup({})) as Startup).notices;

describe('a conflicted copy of notebook.json', () => {
  it('is offered at start, brought in once, renamed, and refused the second time', async () => {
    const shared = await sharedStart();
    const laptop = await open(there);
    const laptopArticle = await workThere(laptop, shared);
    await laptop.store.close();
    const name = "notebook (Ann's conflicted copy 2026-01-02).json";
    await cp(join(there, 'notebook.json'), join(here, name));
    await cp(join(there, 'bodies'), join(here, 'bodies'), { recursive: true });

    const nb = await open(here);
    // One notice, naming the copy (its wording, or its params when the renderer words it).
    const notices = await startupNotices(nb);
    expect(notices).toHaveLength(1);
    expect(JSON.stringify(notices[0])).toContain("Ann's conflicted copy 2026-01-02");
    const [copy] = await nb.handlers.listConflictedCopies({});
    expect(copy).toMatchObject({
      name,
      of: 'notebook',
      tool: 'dropbox',
      missing: { articles: 1, annotations: 3, tags: 1 },
    });
    expect(copy!.problem).toBeUndefined();
    expect(describeCopy(copy!)).toMatch(
      /^A sync tool left a conflicted copy beside your notebook: “notebook \(Ann's conflicted copy 2026-01-02\)\.json” \(\d+ (bytes|KB), changed \d{4}-\d\d-\d\d \d\d:\d\d\) holds 1 article, 3 annotations and 1 tag that this notebook lacks; you can bring them in\.$/,
    );

    const result = await nb.handlers.bringInConflictedCopy({ name });
    expect(result.added).toEqual({ articles: 1, annotations: 3, tags: 1 });
    expect(result.skipped).toEqual({ articles: 0, annotations: 0, reasons: [] });
    expect(result.renamedTo).toMatch(
      /^notebook \(Ann's conflicted copy 2026-01-02\)\.json\.merged-\d{4}-/,
    );
    const files = await readdir(here);
    expect(files).toContain(result.renamedTo);
    expect(files).not.toContain(name);

    // Everything it lacked is here now; what was here already stayed as it was.
    const articles = await nb.handlers.listArticles({});
    expect(articles.map((a) => a.title).sort()).toEqual(['Laptop', 'Shared']);
    expect((await nb.handlers.getArticle({ id: laptopArticle })).text).toMatch(
      /^Written on the laptop/,
    );
    const onShared = await nb.handlers.listAnnotations({ articleId: shared.articleId });
    expect(onShared.map((a) => a.comment).sort()).toEqual(['here', 'on the shared article']);
    const tags = await nb.handlers.listTags({});
    expect(tags.map((t) => t.name).sort()).toEqual(['economy', 'laptop']);
    // "Economy" there was the tag "economy" here (the same record, by id): one tag, counted once.
    const economy = tags.find((t) => t.name === 'economy')!;
    expect(economy.count).toBe(4);

    await expect(nb.handlers.bringInConflictedCopy({ name })).rejects.toThrow(
      /no conflicted copy named .* brought in already/,
    );
    expect(await nb.handlers.listConflictedCopies({})).toEqual([]);
    await nb.store.close();

    // Durable, and not offered again at the next start.
    const again = await open(here);
    expect(await startupNotices(again)).toEqual([]);
    expect(await again.handlers.listArticles({})).toHaveLength(2);
    await again.store.close();
  });

  it('leaves out articles whose text is not in the folder yet, and their annotations, saying why', async () => {
    const shared = await sharedStart();
    const laptop = await open(there);
    await workThere(laptop, shared);
    await laptop.store.close();
    const name = 'notebook-LAPTOP.json';
    await cp(join(there, 'notebook.json'), join(here, name)); // bodies/ not synced yet

    const nb = await open(here);
    const result = await nb.handlers.bringInConflictedCopy({ name });
    expect(result.added).toEqual({ articles: 0, annotations: 1, tags: 1 });
    expect(result.skipped.articles).toBe(1);
    expect(result.skipped.annotations).toBe(2);
    expect(result.skipped.reasons).toEqual([
      expect.stringMatching(
        /^“Laptop” was left out: its text \(bodies\/[0-9a-f]{64}\.json\) is not in this folder; if your sync tool is still copying it, try again later\.$/,
      ),
      '2 annotations were left out because their articles are not in this notebook.',
    ]);
    await nb.store.close();
  });

  it('maps a tag of the same name onto the notebook’s own, and skips annotations on revisions it lacks', async () => {
    const shared = await sharedStart();
    const laptop = await open(there);
    await laptop.handlers.editArticle({
      id: shared.articleId,
      text: 'Shared text about the economy, edited.',
    });
    await laptop.handlers.createAnnotation({
      articleId: shared.articleId,
      start: 31,
      end: 37,
      tagNames: ['economy'],
      comment: 'on revision 2',
    });
    await laptop.store.close();
    const copy = JSON.parse(await readFile(join(there, 'notebook.json'), 'utf8'));
    // Each machine made its own "Politics" tag.
    const mine = await open(here);
    await mine.handlers.createTag({ name: 'Politics' });
    await mine.store.close();
    copy.tags.push({
      id: 'their-politics',
      name: 'politics ',
      color: '#123456',
      description: '',
      createdAt: '2026-01-02T00:00:00.000Z',
    });
    copy.annotations.push({
      ...copy.annotations[0],
      id: 'tagged-politics',
      revision: 1,
      tagIds: ['their-politics', 'gone-tag'],
    });
    await writeFile(
      join(here, 'notebook.sync-conflict-20260102-101010-ABCDEFG.json'),
      JSON.stringify(copy),
    );

    const nb = await open(here);
    const [listed] = await nb.handlers.listConflictedCopies({});
    expect(listed!.missing).toEqual({ articles: 0, annotations: 2, tags: 0 });
    const result = await nb.handlers.bringInConflictedCopy({ name: listed!.name });
    expect(result.added).toEqual({ articles: 0, annotations: 1, tags: 0 });
    expect(result.skipped.reasons).toEqual([
      '1 annotation was left out because it belongs to a revision of the article that this notebook doesn’t have.',
    ]);
    const politics = (await nb.handlers.listTags({})).find((t) => t.name === 'Politics')!;
    const [brought] = await nb.handlers.getAnnotations({ ids: ['tagged-politics'] });
    expect(brought!.tagIds).toEqual([politics.id]);
    await nb.store.close();
  });

  it('matches tags by their path: a child made there hangs under the notebook’s own parent', async () => {
    await sharedStart();
    const laptop = await open(there);
    // There: "Politics" with a child; here: a "Politics" of its own (another id) and nothing below.
    const [summary] = await laptop.handlers.listArticles({});
    await laptop.handlers.createAnnotation({
      articleId: summary!.id,
      start: 7,
      end: 11,
      tagNames: ['Politics/Elections', 'Economy/Energy'],
      comment: '',
    });
    await laptop.store.close();
    const mine = await open(here);
    const politics = await mine.handlers.createTag({ name: 'politics' });
    await mine.handlers.createTag({ name: 'Energy' });
    await mine.store.close();
    await cp(join(there, 'notebook.json'), join(here, 'notebook (laptop conflicted copy).json'));

    const nb = await open(here);
    const [listed] = await nb.handlers.listConflictedCopies({});
    // Elections and Economy/Energy are new; Politics and economy are there already.
    expect(listed!.missing.tags).toBe(2);
    const result = await nb.handlers.bringInConflictedCopy({ name: listed!.name });
    expect(result.added.tags).toBe(2);
    const paths = (await nb.handlers.listTags({})).map((t) => t.path);
    expect(paths).toEqual([
      'economy',
      'economy/Energy',
      'Energy',
      'politics',
      'politics/Elections',
    ]);
    const elections = (await nb.handlers.listTags({})).find((t) => t.name === 'Elections')!;
    expect(elections.parentId).toBe(politics.id);
    await nb.store.close();
  });

  it('lists a damaged copy or one from a newer version with its problem, and never brings it in', async () => {
    await sharedStart();
    await writeFile(join(here, 'notebook (1).json'), '{"version":2,"articles":[');
    await writeFile(join(here, 'notebook 2.json'), JSON.stringify({ version: 99 }));
    const nb = await open(here);
    const copies = await nb.handlers.listConflictedCopies({});
    expect(copies.map((c) => [c.name, c.problem])).toEqual(
      expect.arrayContaining([
        ['notebook (1).json', expect.stringMatching(/^It is not a readable notebook/)],
        ['notebook 2.json', expect.stringMatching(/newer version of Research Notebook/)],
      ]),
    );
    expect(JSON.stringify(await startupNotices(nb))).toContain('notebook (1).json');
    const damaged = copies.find((c) => c.name === 'notebook (1).json')!;
    expect(describeCopy(damaged)).toMatch(
      /“notebook \(1\)\.json”.*It can’t be brought in: It is not/,
    );
    for (const name of ['notebook (1).json', 'notebook 2.json']) {
      const refused = await nb.handlers.bringInConflictedCopy({ name }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(NotebookError);
    }
    expect(await readdir(here)).toEqual(
      expect.arrayContaining(['notebook (1).json', 'notebook 2.json']),
    );
    await nb.store.close();
  });

  it('refuses names that are not conflicted copies beside the notebook', async () => {
    await sharedStart();
    const nb = await open(here);
    for (const name of [
      'notebook.json',
      'journal-1.jsonl',
      '../notebook (1).json',
      'missing (1).json',
    ]) {
      await expect(nb.handlers.bringInConflictedCopy({ name })).rejects.toBeInstanceOf(
        NotebookError,
      );
    }
    expect(await readdir(here)).toContain('notebook.json');
    await nb.store.close();
  });
});

describe('a conflicted copy of a journal', () => {
  it.each([
    "journal-9 (Ann's conflicted copy 2026-01-02).jsonl",
    'journal-9-DESKTOP-1234.jsonl',
    'journal-9.sync-conflict-20260102-101010-ABCDEFG.jsonl',
    'journal-9 (conflicted copy 2026-01-02 101010).jsonl',
    'journal-9(1).jsonl',
  ])('%s: its records are counted, brought in once, and it is renamed', async (name) => {
    const shared = await sharedStart();
    const laptop = await open(there);
    await workThere(laptop, shared);
    // The journal as it stood while the laptop was still open (what a sync tool would have copied).
    const newest = (await readdir(there))
      .map((f) => /^journal-(\d+)\.jsonl$/.exec(f))
      .filter((m) => m !== null)
      .sort((a, b) => Number(b[1]) - Number(a[1]))[0]!;
    await cp(join(there, newest[0]), join(here, name));
    await laptop.store.close();
    await cp(join(there, 'bodies'), join(here, 'bodies'), { recursive: true });

    const nb = await open(here);
    const [copy] = await nb.handlers.listConflictedCopies({});
    expect(copy).toMatchObject({
      name,
      of: 'journal',
      missing: { articles: 1, annotations: 3, tags: 1 },
    });
    const result = await nb.handlers.bringInConflictedCopy({ name });
    expect(result.added).toEqual({ articles: 1, annotations: 3, tags: 1 });
    expect(await readdir(here)).toContain(result.renamedTo);
    await expect(nb.handlers.bringInConflictedCopy({ name })).rejects.toThrow(/no conflicted copy/);
    const onShared = await nb.handlers.listAnnotations({ articleId: shared.articleId });
    expect(onShared.find((a) => a.id === shared.annotationId)!.comment).toBe('here');
    await nb.store.close();
  });
});
