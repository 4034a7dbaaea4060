// The open article and its annotations read through one getArticleView request, against the real
// core: opening asks once for both, a held body is never sent again, a new revision brings the
// new text and every re-anchored annotation in one answer, and the last article asked for wins.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Annotations } from '../../../../renderer/src/lib/state/annotations.svelte';
import { OpenArticle } from '../../../../renderer/src/lib/state/article.svelte';
import { Codebook } from '../../../../renderer/src/lib/state/codebook.svelte';
import { eventually, gate, startRealCore, type RealCore } from './real-core';

let core: RealCore;
let stops: Array<() => void>;
let article: OpenArticle;
let annotations: Annotations;
let ids: string[];

beforeEach(async () => {
  core = await startRealCore();
  const h = core.notebook.handlers;
  await h.importText({ text: 'Second article\n\nIts only paragraph, about joint tourist routes.' });
  ids = (await h.listArticles({})).map((a) => a.id);
  article = new OpenArticle();
  const codebook = new Codebook();
  annotations = new Annotations(() => codebook.byId);
  stops = [article.connect(), annotations.connect()];
});
afterEach(async () => {
  stops.forEach((stop) => stop());
  await core.close();
});

/** Opens as the app does: both states in the same tick. */
const open = (id: string) => Promise.all([article.open(id), annotations.open(id)]);
const viewCalls = () => core.calls.filter((c) => c === 'getArticleView').length;

describe('reading an article', () => {
  it('asks once for the article and its annotations', async () => {
    const [id] = ids;
    const text = (await core.notebook.handlers.getArticle({ id: id! })).text;
    const start = text.indexOf('joint tourist routes');
    await core.notebook.handlers.createAnnotation({
      articleId: id!,
      start,
      end: start + 20,
      tagNames: ['tourism'],
      comment: '',
    });
    const before = core.calls.length;
    await open(id!);
    expect(core.calls.slice(before)).toEqual(['getArticleView']);
    expect(article.article?.text).toBe(text);
    expect(annotations.list).toEqual(
      await core.notebook.handlers.listAnnotations({ articleId: id! }),
    );
  });

  it('never has a held body sent again, and keeps its identity', async () => {
    const [first, second] = ids;
    await open(first!);
    const blocks = article.article!.blocks;
    await open(second!);
    await open(first!);
    expect(article.article!.blocks).toBe(blocks);
    await core.notebook.handlers.setMemo({ articleId: first!, memo: 'A memo' });
    await eventually(() => expect(article.article?.memo).toBe('A memo'));
    expect(article.article!.blocks).toBe(blocks);
  });

  it('takes a new revision’s text and every moved annotation from one answer', async () => {
    const [id] = ids;
    await open(id!);
    const text = article.article!.text;
    const h = core.notebook.handlers;
    const start = text.indexOf('only paragraph');
    for (let i = 0; i < 205; i++) {
      await h.createAnnotation({
        articleId: id!,
        start,
        end: start + 14,
        tagNames: [],
        comment: `${i}`,
      });
    }
    await eventually(() => expect(annotations.list).toHaveLength(205));
    const before = viewCalls();
    await h.editArticle({ id: id!, text: `Inserted first.\n\n${text}` });
    await eventually(() => {
      expect(article.article?.revision).toBe(2);
      expect(annotations.list.every((a) => a.revision === 2)).toBe(true);
    });
    expect(viewCalls() - before).toBe(1);
    expect(annotations.list).toEqual(await h.listAnnotations({ articleId: id! }));
  });

  it('shows the last article opened when the first answer comes back last', async () => {
    const [second, first] = ids;
    const slow = gate();
    core.holdAnswers('getArticleView', slow.opened);
    const openFirst = open(first!);
    const openSecond = open(second!);
    await openSecond;
    expect(article.article?.id).toBe(second);
    expect(annotations.articleId).toBe(second);
    slow.open();
    await openFirst;
    expect(article.article?.id).toBe(second);
    expect(annotations.articleId).toBe(second);
  });
});
