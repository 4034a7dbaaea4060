// Two notebooks syncing through a CouchDB-protocol server (pouchdb-server on 127.0.0.1, started
// here): edits on both sides arrive, deletes propagate, and the counts agree at the end.
import { describe, expect, it } from 'vitest';
import { counts, eventually, serverForTests } from './synced-notebook';

const server = serverForTests();

let dbs = 0;
async function pair() {
  const url = server.db(`team-${++dbs}`);
  const a = await server.notebook('sync-a-');
  const b = await server.notebook('sync-b-');
  await a.syncWith(url);
  await b.syncWith(url);
  return { a, b, url };
}

describe('two notebooks through one server', () => {
  it('bring each other’s articles, texts, tags and annotations', async () => {
    const { a, b } = await pair();
    const article = await a.call('importText', {
      title: 'Bakı / Gəncə? [notes] 🌍',
      text: 'Neft və qaz ixracı artdı. İşsizlik azaldı.',
    });
    const full = await a.call('getArticle', { id: article.id });
    const start = full.text.indexOf('qaz');
    const annotation = await a.call('createAnnotation', {
      articleId: article.id,
      start,
      end: start + 3,
      tagNames: ['Enerji/Qaz'],
      comment: 'ə ş ı İ',
    });
    await b.call('createTag', { name: 'From B' });

    const there = await eventually(() => b.call('getArticle', { id: article.id }));
    expect(there.text).toBe(full.text);
    expect(there.title).toBe('Bakı / Gəncə? [notes] 🌍');
    await eventually(async () =>
      expect(await b.call('listAnnotations', { articleId: article.id })).toEqual([
        expect.objectContaining({ id: annotation.id, comment: 'ə ş ı İ' }),
      ]),
    );
    await eventually(async () =>
      expect((await a.call('listTags', {})).map((t) => t.path).sort()).toEqual([
        'Enerji',
        'Enerji/Qaz',
        'From B',
      ]),
    );
    await eventually(async () =>
      expect((await b.call('listTags', {})).map((t) => t.path).sort()).toEqual([
        'Enerji',
        'Enerji/Qaz',
        'From B',
      ]),
    );
    await a.settled();
    await b.settled();
    expect((await a.status()).pushed).toBeGreaterThan(0);
    expect((await b.status()).pulled).toBeGreaterThan(0);
  });
});

describe('deletes', () => {
  it('propagate: an annotation, then an article with its annotations, each leaving the tombstone', async () => {
    const { a, b } = await pair();
    await a.call('setAnalyst', { name: 'Aysel' });
    const article = await a.call('importText', { title: 'To go', text: 'Alpha beta gamma delta.' });
    const one = await a.call('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 5,
      tagNames: ['Greek'],
      comment: '',
    });
    const two = await a.call('createAnnotation', {
      articleId: article.id,
      start: 6,
      end: 10,
      tagNames: ['Greek'],
      comment: '',
    });
    await eventually(async () =>
      expect(await b.call('listAnnotations', { articleId: article.id })).toHaveLength(2),
    );
    await a.call('deleteAnnotation', { id: one.id });
    await eventually(async () =>
      expect((await b.call('listAnnotations', { articleId: article.id })).map((x) => x.id)).toEqual(
        [two.id],
      ),
    );
    const stone = b.notebook.store.state.tombstones.get(one.id);
    expect(stone).toMatchObject({ collection: 'annotations', deletedBy: expect.any(String) });
    expect(stone!.deletedAt).toBe(a.notebook.store.state.tombstones.get(one.id)!.deletedAt);

    await b.call('deleteArticle', { id: article.id });
    await eventually(async () => expect(await a.call('listArticles', {})).toEqual([]));
    expect(a.notebook.store.state.annotations.size).toBe(0);
    await a.settled();
    await b.settled();
    expect(await counts(a)).toEqual(await counts(b));
  });
});

describe('while one side is not syncing', () => {
  it('commits made then go when it syncs again, and nothing is duplicated', async () => {
    const { a, b, url } = await pair();
    await b.call('setSync', { url, username: '', enabled: false });
    expect((await b.status()).state).toBe('off');
    const article = await b.call('importText', { title: 'Offline work', text: 'Written alone.' });
    await b.call('createTag', { name: 'Alone' });
    await a.call('createTag', { name: 'Meanwhile' });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await a.call('listArticles', {})).toEqual([]);
    await b.syncWith(url);
    await eventually(async () =>
      expect((await a.call('listArticles', {})).map((x) => x.id)).toEqual([article.id]),
    );
    await eventually(async () =>
      expect((await b.call('listTags', {})).map((t) => t.name).sort()).toEqual([
        'Alone',
        'Meanwhile',
      ]),
    );
    await a.settled();
    await b.settled();
    expect(await counts(a)).toEqual(await counts(b));
  });
});
