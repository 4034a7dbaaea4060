// Blind coding through the dispatcher on a real notebook folder: two analysts' annotations (and
// one naming nobody) on the bundled sample. With the setting on, every list and count the window
// gets holds only the coding analyst's work (the article view, annotation lists, tag and article
// counts, search, analysis, coverage, code-all-hits' "already coded"); exports stay complete;
// turning it on or off tells the views what appeared or vanished.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../../../../electron/shared/contract';
import type { Analyst, Annotation } from '../../../../electron/shared/model';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';

let nb: DispatchedNotebook;
let notices: ChangeNotice[];
let stop: () => void;
let mine: Annotation[];
let theirs: Annotation[];
let nobodys: Annotation;
let leyla: Analyst;
let bahar: Analyst;
let articleId: string;
let text: string;

const call: DispatchedNotebook['call'] = (name, input) => nb.call(name, input);

function spanOf(phrase: string) {
  const start = text.indexOf(phrase);
  expect(start, phrase).toBeGreaterThan(-1);
  return { start, end: start + phrase.length };
}

const annotate = (phrase: string, tagNames: string[], comment = '') =>
  call('createAnnotation', { articleId, ...spanOf(phrase), tagNames, comment });

/** Makes `analyst` the one coding now, as another machine's notebook would have it. */
const codingNow = (analyst: Analyst) =>
  nb.notebook.store.commit([{ kind: 'meta', key: 'analystId', value: analyst.id }]);

beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-blind-');
  const [summary] = await call('listArticles', {});
  articleId = summary!.id;
  text = (await call('getArticle', { id: articleId })).text;
  leyla = await call('setAnalyst', { name: 'Leyla Əliyeva', initials: 'LƏ' });
  mine = [
    await annotate('business circles', ['Economy/Trade'], 'Mine: elites'),
    await annotate('joint tourist routes', ['Tourism']),
  ];
  bahar = {
    id: 'analyst-bahar',
    name: 'Bahar Nəsibova',
    initials: 'BN',
    color: '#7aa7f0',
    createdAt: '2026-12-01T10:00:00.000Z',
  };
  await nb.notebook.store.commit([
    { kind: 'put', collection: 'analysts', record: bahar },
    { kind: 'meta', key: 'analystId', value: bahar.id },
  ]);
  theirs = [
    // The same place as one of mine, another tag: what code-all-hits must not count as coded.
    await annotate('joint tourist routes', ['Energy'], 'pipelines, sayğac'),
    await annotate('agriculture and the food industry', ['Energy', 'Economy/Trade']),
  ];
  await codingNow(leyla);
  // Made before analysts were: it names nobody.
  const span = spanOf('traditional supplier');
  const made = await annotate('traditional supplier', ['Legacy']);
  const { createdBy: _nobody, ...rest } = made;
  nobodys = rest;
  await nb.notebook.store.commit([{ kind: 'put', collection: 'annotations', record: nobodys }]);
  expect(nobodys.selectors[0]).toMatchObject(span);
  notices = [];
  stop = nb.notebook.onChanged((notice) => notices.push(notice));
});
afterEach(async () => {
  stop();
  await nb.close();
});

const ids = (list: Array<{ id: string }>) => list.map((a) => a.id).sort();
const everyone = () => ids([...mine, ...theirs, nobodys]);
const tagCount = async (path: string) =>
  (await call('listTags', {})).find((t) => t.path === path)?.count;
const articleCount = async () =>
  (await call('listArticles', {})).find((a) => a.id === articleId)!.annotationCount;

/** The article view's annotations as id and coder (the renderer's unpacking is tested apart). */
async function viewed(): Promise<Array<{ id: string; createdBy?: string }>> {
  const view = await call('getArticleView', { id: articleId, annotations: true });
  return view.annotations!.map((row) => {
    if (!Array.isArray(row)) return row;
    const by = row[7] ?? -1;
    return { id: row[0], ...(by !== -1 && { createdBy: view.analystIds![by]! }) };
  });
}

describe('blind coding', () => {
  it('off: the window sees everyone’s annotations, each with its coder', async () => {
    expect(ids(await call('listAnnotations', { articleId }))).toEqual(everyone());
    const seen = await viewed();
    expect(ids(seen)).toEqual(everyone());
    expect(seen.find((a) => a.id === theirs[0]!.id)!.createdBy).toBe(bahar.id);
    expect(seen.find((a) => a.id === mine[0]!.id)!.createdBy).toBe(leyla.id);
    expect(seen.find((a) => a.id === nobodys.id)!.createdBy).toBeUndefined();
    expect(await tagCount('Energy')).toBe(2);
    expect(await articleCount()).toBe(5);
  });

  it('on: only the coding analyst’s work, in every list and count; off again: all of it', async () => {
    await call('setSettings', { blindCoding: true });
    // The views hear what vanished, as after a commit: the others' annotations, by id.
    expect(notices).toHaveLength(1);
    expect([...notices[0]!.annotations].sort()).toEqual(ids([...theirs, nobodys]));
    expect(notices[0]!.annotationArticles).toEqual([articleId]);
    // The open article's view, and a view patching itself by id (the others' come back absent).
    expect(ids(await viewed())).toEqual(ids(mine));
    expect(ids(await call('listAnnotations', { articleId }))).toEqual(ids(mine));
    expect(ids(await call('getAnnotations', { ids: everyone() }))).toEqual(ids(mine));
    // Counts.
    expect(await tagCount('Energy')).toBe(0);
    expect(await tagCount('Economy/Trade')).toBe(1);
    expect(await tagCount('Legacy')).toBe(0);
    expect(await articleCount()).toBe(2);

    // Search: the others' comments and passages are not found; the article's own text still is.
    const found = await call('search', { query: 'sayğac' });
    expect(found.counts.comment).toBe(0);
    expect((await call('search', { query: 'elites' })).counts.comment).toBe(1);
    const passages = await call('search', { query: 'agriculture' });
    expect(passages.counts.passage).toBe(0);
    expect(passages.counts.text).toBeGreaterThan(0);
    // A filter with no words lists the passages it keeps: only mine.
    const energy = (await call('listTags', {})).find((t) => t.path === 'Energy')!;
    const browse = await call('search', { query: '', tagId: energy.id });
    expect(browse.counts.passage).toBe(0);

    // Analysis and coverage.
    const analysis = await call('getAnalysis', {});
    expect(analysis.passages).toBe(2);
    expect(analysis.tags.find((t) => t.path === 'Energy')!.own.passages).toBe(0);
    const coverage = await call('getCoverage', { articleId });
    expect(coverage.tags.map((t) => t.tagId)).not.toContain(energy.id);

    // Code all hits: only my own annotation at a place counts as coded there, and coding a place
    // only the other coder coded makes me an annotation of my own, leaving theirs alone.
    const occurrences = await call('findOccurrences', {
      query: 'agriculture and the food industry',
      scope: 'hit',
    });
    expect(occurrences.occurrences).toHaveLength(1);
    expect(occurrences.occurrences[0]!.alreadyTagged).toEqual([]);
    const hit = occurrences.occurrences[0]!;
    const outcome = await call('codeHits', {
      hits: [{ articleId, revision: hit.revision, ...hit.coded }],
      tagNames: ['Energy'],
    });
    expect(outcome).toEqual({ created: 1, tagged: 0, unchanged: 0 });
    const after = await call('listAnnotations', { articleId });
    expect(after).toHaveLength(3);
    expect(after.find((a) => !ids(mine).includes(a.id))!.createdBy).toBe(leyla.id);
    const untouched = (await call('getAnnotations', { ids: [theirs[1]!.id] })).length;
    expect(untouched).toBe(0);

    // Exports stay complete: everyone's passages are in the notes.
    const exported = await call('exportNotes', { format: 'csv' });
    expect(exported.kind).toBe('download');
    const csv = new TextDecoder().decode(
      (exported as Extract<typeof exported, { kind: 'download' }>).file.bytes,
    );
    expect(csv).toContain('pipelines, sayğac');
    expect(csv).toContain('traditional supplier');

    // Off: everything is back, and the views hear of it once more.
    notices = [];
    await call('setSettings', { blindCoding: false });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.annotations).toContain(theirs[1]!.id);
    expect(await call('listAnnotations', { articleId })).toHaveLength(6);
    expect(await tagCount('Energy')).toBe(3);
    expect((await call('search', { query: 'sayğac' })).counts.comment).toBe(1);
    expect((await call('getAnalysis', {})).passages).toBe(6);
    const stored = (await call('getAnnotations', { ids: [theirs[1]!.id] }))[0]!;
    expect(stored.tagIds).toEqual(theirs[1]!.tagIds);
  });

  it('deleting a tag with its passages deletes only the ones the dialog counted: the coder’s own', async () => {
    const own = await annotate('the food industry', ['Energy']);
    await call('setSettings', { blindCoding: true });
    const energy = (await call('listTags', {})).find((t) => t.path === 'Energy')!;
    // What the delete dialog offers to delete with the tag: only what this coder can see.
    expect(energy.onlyTag).toBe(1);

    const outcome = await call('deleteTag', { id: energy.id, annotations: 'delete' });
    expect(outcome.deletedAnnotations).toBe(1);
    await call('setSettings', { blindCoding: false });
    const kept = await call('getAnnotations', { ids: ids(theirs) });
    // Bahar's passages stay, without the tag that is gone; mine is deleted.
    expect(kept.map((a) => a.id).sort()).toEqual(ids(theirs));
    expect(kept.every((a) => !a.tagIds.includes(energy.id))).toBe(true);
    expect(await call('getAnnotations', { ids: [own.id] })).toEqual([]);
  });

  it('says nothing when another setting changes, or blind coding is set to what it is', async () => {
    await call('setSettings', { readerFontSize: 20 });
    await call('setSettings', { blindCoding: false });
    expect(notices).toEqual([]);
  });
});

describe('comparing coders under blind coding', () => {
  it('agreement, disagreements, adjudication and copying agreed passages are refused, changing nothing', async () => {
    await call('setSettings', { blindCoding: true });
    const before = JSON.stringify([...nb.notebook.store.state.annotations.values()]);
    const pair: [string, string] = [leyla.id, bahar.id];
    await expect(call('getAgreement', {})).rejects.toThrow(/blind coding/);
    await expect(call('getDisagreements', { coders: pair })).rejects.toThrow(/blind coding/);
    await expect(call('copyAgreedPassages', { coders: pair })).rejects.toThrow(/blind coding/);
    await expect(
      call('adjudicate', { key: `${articleId}:x:1-2`, coders: pair, choice: 'a' }),
    ).rejects.toThrow(/blind coding/);
    expect(JSON.stringify([...nb.notebook.store.state.annotations.values()])).toBe(before);

    await call('setSettings', { blindCoding: false });
    expect((await call('getAgreement', {})).coders.sort()).toEqual(pair.sort());
  });
});

describe('code all hits among coders', () => {
  it('codes a place another coder coded as a passage of one’s own, blind or not, leaving theirs alone', async () => {
    const occurrences = await call('findOccurrences', {
      query: 'agriculture and the food industry',
      scope: 'hit',
    });
    const [hit] = occurrences.occurrences;
    // Bahar coded it with Energy and Economy/Trade; Leyla, coding now, has not.
    expect(hit!.alreadyTagged).toEqual([]);
    const outcome = await call('codeHits', {
      hits: [{ articleId, revision: hit!.revision, ...hit!.coded }],
      tagNames: ['Energy'],
    });
    expect(outcome).toEqual({ created: 1, tagged: 0, unchanged: 0 });
    const [bahars] = await call('getAnnotations', { ids: [theirs[1]!.id] });
    expect(bahars).toEqual(theirs[1]);
    // Coding it again finds Leyla's own passage there now.
    const again = await call('codeHits', {
      hits: [{ articleId, revision: hit!.revision, ...hit!.coded }],
      tagNames: ['Energy', 'Tourism'],
    });
    expect(again).toEqual({ created: 0, tagged: 1, unchanged: 0 });
  });
});
