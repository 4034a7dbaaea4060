// The Analysis view's state against the real core: read when shown, read again after a change
// the core announces, not read while hidden, and a chosen co-occurrence cell lists its passages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnalysisState } from '../../../../renderer/src/lib/state/analysis.svelte';
import { eventually, startRealCore, type RealCore } from './real-core';

let core: RealCore;
let articleId: string;
let text: string;
beforeEach(async () => {
  core = await startRealCore();
  articleId = (await core.notebook.handlers.listArticles({}))[0]!.id;
  ({ text } = await core.notebook.handlers.getArticle({ id: articleId }));
});
afterEach(async () => {
  await core.close();
});

async function tag(phrase: string, tagNames: string[]) {
  const start = text.indexOf(phrase);
  expect(start).toBeGreaterThan(-1);
  return core.notebook.handlers.createAnnotation({
    articleId,
    start,
    end: start + phrase.length,
    tagNames,
    comment: '',
  });
}

const reads = () => core.calls.filter((c) => c === 'getAnalysis').length;

describe('AnalysisState', () => {
  it('reads while shown, follows changes, and reads nothing while hidden', async () => {
    await tag('business forums', ['Events ə/Forums 🌍']);
    const state = new AnalysisState();
    expect(reads()).toBe(0);
    const hide = state.show();
    await eventually(() => expect(state.answer?.passages).toBe(1));
    expect(state.answer?.tags.map((t) => t.path)).toEqual(['Events ə', 'Events ə/Forums 🌍']);

    await tag('joint tourist routes', ['Tourism']);
    await eventually(() => expect(state.answer?.passages).toBe(2));

    hide();
    const before = reads();
    await tag('food industry', ['Tourism']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reads()).toBe(before);
    expect(state.answer?.passages).toBe(2);

    const hideAgain = state.show();
    await eventually(() => expect(state.answer?.passages).toBe(3));
    hideAgain();
  });

  it('opens again on what it holds when nothing changed, and never on an answer out of date', async () => {
    await tag('business forums', ['Events']);
    const state = new AnalysisState();
    state.showCoverageOf(articleId);
    const hide = state.show();
    await eventually(() => expect(state.upToDate && state.coverageUpToDate).toBe(true));
    const answer = state.answer;
    const coverage = state.coverage;
    hide();

    // Nothing changed: shown again, it draws what it holds at once and reads nothing.
    const before = core.calls.length;
    const hideAgain = state.show();
    expect(state.answer).toBe(answer);
    expect(state.coverage).toBe(coverage);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(core.calls.length).toBe(before);
    hideAgain();

    // A change while hidden: shown again, it drops the old answer (drawn once, when read).
    await tag('joint tourist routes', ['Tourism']);
    await eventually(() => expect(state.upToDate).toBe(false));
    const hideOnceMore = state.show();
    expect(state.answer).toBeNull();
    expect(state.coverage).toBeNull();
    await eventually(() => expect(state.answer?.passages).toBe(2));
    await eventually(() => expect(state.coverage?.tags.length).toBe(2));
    hideOnceMore();
  });

  it('asks for the unit, scope and attribute chosen', async () => {
    await tag('industry, agriculture and the food industry', ['Economy', 'Sectors']);
    const state = new AnalysisState();
    const hide = state.show();
    await eventually(() => expect(state.answer?.cooccurrence.unit).toBe('overlap'));
    state.setUnit('paragraph');
    await eventually(() => expect(state.answer?.cooccurrence.unit).toBe('paragraph'));
    expect(state.query).toEqual({ unit: 'paragraph' });
    state.setScope(articleId);
    expect(state.query).toEqual({ unit: 'paragraph', articleIds: [articleId] });
    await eventually(() => expect(state.loading).toBe(false));
    // An attribute the notebook doesn't have is let go once the answer says so.
    state.setAttribute('outlet');
    await eventually(() => expect(state.attribute).toBe(''));
    hide();
  });

  it('lists the passages behind a pair, and again after they change', async () => {
    const first = await tag('industry, agriculture and the food industry', ['Economy', 'Sectors']);
    await tag('the food industry', ['Sectors']);
    const state = new AnalysisState();
    const hide = state.show();
    await eventually(() => expect(state.answer?.cooccurrence.pairs.length).toBe(1));
    const pair = state.answer!.cooccurrence.pairs[0]!;
    await state.choosePair(pair.tags);
    expect(state.passages.map((a) => a.selectors[1].exact).sort()).toEqual([
      'industry, agriculture and the food industry',
      'the food industry',
    ]);
    expect(state.pairTotal).toBe(2);

    await core.notebook.handlers.deleteAnnotation({ id: first.id });
    // The pair is gone with the passage that held both tags: the list closes.
    await eventually(() => expect(state.pair).toBeNull());
    expect(state.passages).toEqual([]);

    // Choosing the same cell twice closes its list.
    await tag('industry, agriculture', ['Economy', 'Sectors']);
    await eventually(() => expect(state.answer?.cooccurrence.pairs.length).toBe(1));
    const again = state.answer!.cooccurrence.pairs[0]!.tags;
    await state.choosePair(again);
    expect(state.passages.length).toBeGreaterThan(0);
    await state.choosePair(again);
    expect(state.pair).toBeNull();
    hide();
  });

  it('reads the coverage of the article chosen', async () => {
    await tag('joint tourist routes', ['Tourism']);
    const state = new AnalysisState();
    const hide = state.show();
    state.showCoverageOf(articleId);
    await eventually(() => expect(state.coverage?.tags.length).toBe(1));
    const start = text.indexOf('joint tourist routes');
    expect(state.coverage!.tags[0]!.runs).toEqual([{ start, end: start + 20 }]);
    state.showCoverageOf(null);
    await eventually(() => expect(state.coverage).toBeNull());
    hide();
  });

  it('goes back to the whole notebook when the one article chosen is deleted', async () => {
    await tag('business forums', ['Events']);
    const other = await core.notebook.handlers.importText({ text: 'Other\n\nIts own words.' });
    const state = new AnalysisState();
    const hide = state.show();
    state.setScope(other.id);
    state.showCoverageOf(other.id);
    await eventually(() => expect(state.answer?.articles.map((a) => a.id)).toEqual([other.id]));
    await eventually(() => expect(state.coverage?.articleId).toBe(other.id));
    await core.notebook.handlers.deleteArticle({ id: other.id });
    await eventually(() => expect(state.scopeArticleId).toBeNull());
    await eventually(() => expect(state.answer?.passages).toBe(1));
    await eventually(() => expect(state.coverageArticleId).toBeNull());
    expect(state.error).toBeNull();
    expect(state.coverageError).toBeNull();
    hide();
  });
});
