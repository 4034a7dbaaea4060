// Search across everything and "code all hits", through the dispatcher on a real notebook folder
// holding the bundled sample: what is found where, how filters narrow it, that the index follows
// every change, and that coding the hits is one checked, undoable change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../../electron/shared/search';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-search-');
});
afterEach(() => nb.close());

const call: DispatchedNotebook['call'] = (name, input) => nb.call(name, input);

async function sample() {
  const [summary] = await call('listArticles', {});
  return call('getArticle', { id: summary!.id });
}

async function annotate(phrase: string, tagNames: string[], comment = '', nth = 0) {
  const article = await sample();
  let start = -1;
  for (let i = 0; i <= nth; i++) start = article.text.indexOf(phrase, start + 1);
  return call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment,
  });
}

/** The words each hit's context marks, as the reader of the results sees them. */
const marked = (hit: SearchHit) =>
  hit.context.matches.map((m) => hit.context.text.slice(m.start, m.end));

describe('search across everything', () => {
  it('finds words in the text, passages, comments, memos, tags and details, each kind apart', async () => {
    const article = await sample();
    await annotate('business circles', ['Economy/Trade'], 'Ties between **business** elites');
    await call('setMemo', { articleId: article.id, memo: 'Compare with the 2019 business forum.' });
    await call('updateTag', {
      id: (await call('listTags', {})).find((t) => t.name === 'Trade')!.id,
      description: 'Business between the two states',
    });
    const found = await call('search', { query: 'Business' });
    expect(found.counts).toMatchObject({ passage: 1, comment: 1, memo: 1, tag: 1 });
    expect(found.counts.text).toBeGreaterThanOrEqual(3);
    expect(found.counts.article).toBe(1); // the title names business circles
    const text = found.hits.find((h) => h.kind === 'text')!;
    expect(marked(text).every((w) => /^business/i.test(w))).toBe(true);
    expect(article.text.slice(text.span!.start, text.span!.end).toLowerCase()).toBe('business');
    const comment = found.hits.find((h) => h.kind === 'comment')!;
    expect(marked(comment)).toEqual(['business']);
  });

  it('reads a word as a beginning, a quoted phrase as words in order, case and accents aside', async () => {
    const prefix = await call('search', { query: 'TOURI', kinds: ['text'] });
    expect(prefix.counts.text).toBeGreaterThan(0);
    expect(prefix.hits.flatMap(marked).every((w) => /^touri/i.test(w))).toBe(true);
    const phrase = await call('search', { query: '"food industry"', kinds: ['text'] });
    expect(phrase.counts.text).toBe(1);
    expect(marked(phrase.hits[0]!)).toEqual(['food', 'industry']);
    const reversed = await call('search', { query: '"industry food"', kinds: ['text'] });
    expect(reversed.counts.text).toBe(0);
    const accents = await call('search', { query: 'Azərbaycan Bakı', kinds: ['text'] });
    expect(accents.counts.text).toBe(0);
    // Only punctuation typed: nothing asked, nothing found.
    const none = await call('search', { query: '/ ? ]' });
    expect(none.hits).toEqual([]);
  });

  it('follows every change: a new comment is found, a deleted one is not, an edit moves text hits', async () => {
    const made = await annotate('food industry', ['Politics'], 'şirin çay 🤝🏽 talk');
    expect((await call('search', { query: 'sirin cay' })).counts.comment).toBe(1);
    await call('updateAnnotation', { id: made.id, tagNames: ['Politics'], comment: 'other words' });
    expect((await call('search', { query: 'sirin' })).counts.comment).toBe(0);
    await call('deleteAnnotation', { id: made.id });
    expect((await call('search', { query: 'other' })).counts.comment).toBe(0);
    const article = await sample();
    await call('editArticle', { id: article.id, text: `Zanzibar pipeline.\n\n${article.text}` });
    const hit = (await call('search', { query: 'zanzibar', kinds: ['text'] })).hits[0]!;
    expect(hit.span).toEqual({ start: 0, end: 8 });
  });

  it('narrows by tag subtree, analyst, date and review; text hits then only inside those passages', async () => {
    await call('setAnalyst', { name: 'Leyla' });
    await annotate('business circles', ['Economy/Trade']);
    await annotate('food industry', ['Politics']);
    const tags = await call('listTags', {});
    const economy = tags.find((t) => t.path === 'Economy')!;
    const inEconomy = await call('search', { query: 'business', tagId: economy.id });
    expect(inEconomy.counts.passage).toBe(1);
    // The word "business" stands many times in the text; inside Economy's passages, once.
    expect(inEconomy.counts.text).toBe(1);
    expect(inEconomy.counts.memo + inEconomy.counts.article).toBe(0);
    const leyla = (await call('listAnalysts', {}))[0]!;
    expect((await call('search', { query: 'food', analystId: leyla.id })).counts.passage).toBe(1);
    expect((await call('search', { query: 'food', review: 'waiting' })).counts.passage).toBe(0);
    expect((await call('search', { query: 'food', from: '2026-12-02' })).counts.passage).toBe(0);
    // The notebook's clock is 2026-12-01 UTC morning: the local day may be that day or either side.
    expect(
      (await call('search', { query: 'food', from: '2026-11-30', to: '2026-12-02' })).counts
        .passage,
    ).toBe(1);
  });

  it('lists the passages a filter keeps when no words are typed', async () => {
    await annotate('business circles', ['Economy']);
    await annotate('business circles', ['Economy'], '', 1);
    await annotate('food industry', ['Politics']);
    const economy = (await call('listTags', {})).find((t) => t.name === 'Economy')!;
    const listed = await call('search', { query: '', tagId: economy.id });
    expect(listed.counts.passage).toBe(2);
    expect(listed.hits.map((h) => h.kind)).toEqual(['passage', 'passage']);
    expect(listed.hits[0]!.span!.start).toBeLessThan(listed.hits[1]!.span!.start);
  });

  it('refuses a filter naming what is not there, or days that are not days, saying so', async () => {
    expect(await nb.refusal('search', { query: 'x', tagId: 'no-such-tag' })).toMatch(/tag/i);
    expect(await nb.refusal('search', { query: 'x', from: '2026-02-30' })).toMatch(/not a day/);
    expect(await nb.refusal('search', { query: 'x', from: '1 May' })).toMatch(/YYYY-MM-DD/);
    expect(await nb.refusal('search', { query: 'x'.repeat(501) })).toBeTruthy();
  });
});

describe('code all hits', () => {
  it('lists every place the words stand, with the span each scope would code', async () => {
    const words = await call('findOccurrences', { query: 'business circles', scope: 'hit' });
    const article = await sample();
    expect(words.occurrences).toHaveLength(article.text.match(/business circles/gi)!.length);
    expect(words.occurrences.length).toBeGreaterThan(1);
    for (const o of words.occurrences) {
      expect(article.text.slice(o.coded.start, o.coded.end).toLowerCase()).toBe('business circles');
    }
    const sentences = await call('findOccurrences', { query: 'food industry', scope: 'sentence' });
    const [sentence] = sentences.occurrences;
    expect(article.text.slice(sentence!.coded.start, sentence!.coded.end)).toMatch(
      /^Among the major sectors.*food industry\.$/,
    );
    const paragraphs = await call('findOccurrences', {
      query: 'food industry',
      scope: 'paragraph',
    });
    expect(
      article.text.slice(
        paragraphs.occurrences[0]!.coded.start,
        paragraphs.occurrences[0]!.coded.end,
      ),
    ).toMatch(/CIS countries," the head of AzPromo said\.$/);
    expect(await nb.refusal('findOccurrences', { query: ' ?! ', scope: 'hit' })).toMatch(
      /no words|type/i,
    );
  });

  it('codes the ticked hits in one change and one undo step, tagging a passage already there', async () => {
    const existing = await annotate('business circles', ['Economy']);
    const { occurrences } = await call('findOccurrences', {
      query: 'business circles',
      scope: 'hit',
    });
    expect(
      occurrences.find((o) => o.coded.start === existing.selectors[0].start)!.alreadyTagged,
    ).toEqual(existing.tagIds);
    // The analyst unticks the last hit.
    const ticked = occurrences.slice(0, 2);
    const before = await call('listAnnotations', { articleId: ticked[0]!.articleId });
    const outcome = await call('codeHits', {
      hits: ticked.map((o) => ({ articleId: o.articleId, revision: o.revision, ...o.coded })),
      tagNames: ['Economy/Ties 🤝🏽'],
    });
    expect(outcome).toEqual({ created: 1, tagged: 1, unchanged: 0 });
    const after = await call('listAnnotations', { articleId: ticked[0]!.articleId });
    expect(after).toHaveLength(before.length + 1);
    const ties = (await call('listTags', {})).find((t) => t.path === 'Economy/Ties 🤝🏽')!;
    expect(after.filter((a) => a.tagIds.includes(ties.id))).toHaveLength(2);
    expect(await call('getHistory', {})).toEqual({ undo: 'Code 2 hits' });
    await call('undo', {});
    expect(await call('listAnnotations', { articleId: ticked[0]!.articleId })).toEqual(before);
    expect((await call('listTags', {})).some((t) => t.path === 'Economy/Ties 🤝🏽')).toBe(false);
  });

  it('refuses, coding nothing, when an article changed since the hits were found', async () => {
    const { occurrences } = await call('findOccurrences', { query: 'food industry', scope: 'hit' });
    const article = await sample();
    await call('editArticle', { id: article.id, text: `New first line.\n\n${article.text}` });
    const before = await call('listAnnotations', { articleId: article.id });
    const o = occurrences[0]!;
    const message = await nb.refusal('codeHits', {
      hits: [{ articleId: o.articleId, revision: o.revision, ...o.coded }],
      tagNames: ['Economy'],
    });
    expect(message).toMatch(/changed since/);
    expect(await call('listAnnotations', { articleId: article.id })).toEqual(before);
    expect(await nb.refusal('codeHits', { hits: [], tagNames: ['Economy'] })).toMatch(/tick/);
    expect(
      await nb.refusal('codeHits', {
        hits: [{ articleId: o.articleId, revision: 2, start: 0, end: 3 }],
        tagNames: [],
      }),
    ).toMatch(/tag/);
  });
});

describe('a search that takes a while', () => {
  it('finds every hit at its place in the text it read, while an edit lands beside it', async () => {
    // Thousands of hits: the search checks them a slice at a time, yielding meanwhile (that the
    // index holds still under a search is tests/unit/core/search/notebook-index.test.ts).
    const paragraphs = Array.from(
      { length: 4000 },
      (_, i) => `Paragraph ${i} on the pipeline and the gas transit route through Bakı.`,
    );
    const { id } = await call('importText', { text: paragraphs.join('\n\n'), title: 'Route' });
    await call('search', { query: 'route' }); // the index built
    const first = call('search', { query: 'pipeline', kinds: ['text'] });
    // Every paragraph moves: a text read at the old places would mark other words.
    const edited = call('editArticle', { id, text: `Preface.\n\n${paragraphs.join('\n\n')}` });
    const second = edited.then(() => call('search', { query: 'pipeline', kinds: ['text'] }));
    const [before, , after] = await Promise.all([first, edited, second]);
    for (const found of [before, after]) {
      expect(found.counts.text).toBe(4000);
      for (const hit of found.hits) expect(marked(hit)).toEqual(['pipeline']);
    }
    const text = (await call('getArticle', { id })).text;
    for (const hit of after.hits)
      expect(text.slice(hit.span!.start, hit.span!.end)).toBe('pipeline');
    expect(after.hits[0]!.span!.start).toBe(before.hits[0]!.span!.start + 'Preface.\n\n'.length);
  });
});
