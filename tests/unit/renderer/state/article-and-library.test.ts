// The library and the open article, against the real core: the last article asked for is the
// one shown, whatever order the answers come in; changes made elsewhere reach both.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OpenArticle } from '../../../../renderer/src/lib/state/article.svelte';
import { Library } from '../../../../renderer/src/lib/state/library.svelte';
import { eventually, gate, startRealCore, type RealCore } from './real-core';

let core: RealCore;
let stops: Array<() => void>;
beforeEach(async () => {
  core = await startRealCore();
  stops = [];
});
afterEach(async () => {
  stops.forEach((stop) => stop());
  await core.close();
});

async function twoArticles(library: Library) {
  await library.importText({ text: 'Second article\n\nIts only paragraph.' });
  await library.refresh();
  return library.articles.map((a) => a.id);
}

describe('OpenArticle', () => {
  it('shows the last article opened when the first answer comes back last', async () => {
    const library = new Library();
    const [second, first] = await twoArticles(library);
    const article = new OpenArticle();
    const slow = gate();
    core.holdAnswers('getArticle', slow.opened);
    const openFirst = article.open(first!);
    const openSecond = article.open(second!);
    await openSecond;
    expect(article.article?.id).toBe(second);
    slow.open();
    await openFirst;
    expect(article.article?.id).toBe(second);
  });

  it('follows a memo and details changed elsewhere, without reading the text again', async () => {
    const library = new Library();
    const [id] = await twoArticles(library);
    const article = new OpenArticle();
    stops.push(article.connect());
    await article.open(id!);
    const reads = core.calls.filter((c) => c === 'getArticle').length;
    await core.notebook.handlers.setMemo({ articleId: id!, memo: 'From elsewhere: ə 🤝🏽 / [x]' });
    await eventually(() => expect(article.article?.memo).toBe('From elsewhere: ə 🤝🏽 / [x]'));
    await core.notebook.handlers.updateArticleDetails({
      id: id!,
      title: 'A better title',
      authors: ['Leyla Əliyeva'],
      published: '2019-05-04',
      source: 'https://example.org/a',
    });
    await eventually(() => expect(article.article?.authors).toEqual(['Leyla Əliyeva']));
    expect(article.article?.title).toBe('A better title');
    expect(core.calls.filter((c) => c === 'getArticle').length).toBe(reads);
  });

  it('reads the new text when a revision is saved', async () => {
    const library = new Library();
    const [id] = await twoArticles(library);
    const article = new OpenArticle();
    stops.push(article.connect());
    await article.open(id!);
    article.startTextEdit();
    expect(article.textChanged).toBe(false);
    article.textDraft = `${article.article!.text}\n\nA new closing paragraph.`;
    expect(article.textChanged).toBe(true);
    await article.saveText();
    expect(article.editingText).toBe(false);
    await eventually(() => expect(article.article?.revision).toBe(2));
    expect(article.article?.text).toContain('A new closing paragraph.');
  });
});

describe('Library', () => {
  it('follows imports, details and deletes made elsewhere', async () => {
    const library = new Library();
    stops.push(library.connect());
    await library.refresh();
    expect(library.articles).toHaveLength(1);
    const added = await core.notebook.handlers.importText({ text: 'From the other window' });
    await eventually(() => expect(library.articles.map((a) => a.id)).toContain(added.id));
    await core.notebook.handlers.updateArticleDetails({
      id: added.id,
      title: 'Renamed elsewhere',
      authors: [],
      published: '',
      source: '',
    });
    await eventually(() =>
      expect(library.articles.find((a) => a.id === added.id)?.title).toBe('Renamed elsewhere'),
    );
    library.openId = added.id;
    await core.notebook.handlers.deleteArticle({ id: added.id });
    await eventually(() => expect(library.articles).toHaveLength(1));
    expect(library.openId).toBeNull();
  });

  it('counts annotations as they are made', async () => {
    const library = new Library();
    stops.push(library.connect());
    await library.refresh();
    const id = library.articles[0]!.id;
    await core.notebook.handlers.createAnnotation({
      articleId: id,
      start: 0,
      end: 5,
      tagNames: [],
      comment: '',
    });
    await eventually(() => expect(library.articles[0]!.annotationCount).toBe(1));
  });
});
