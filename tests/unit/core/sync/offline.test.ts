// The server going away and a notebook closing in the middle of a sync: edits made meanwhile wait
// and go when the server is back, a restart loses and duplicates nothing, and at the end both
// sides hold every record acknowledged on either.
import { afterEach, describe, expect, it } from 'vitest';
import { startCouchServer, type CouchServer } from './server';
import { counts, eventually, syncedNotebook, type SyncedNotebook } from './synced-notebook';

const open: Array<SyncedNotebook | CouchServer> = [];
// The notebooks first, then the servers: a server going away under a live replication leaves
// its requests hanging up, which is what these tests provoke on purpose, not at every teardown.
afterEach(async () => {
  const notebooks: SyncedNotebook[] = [];
  const servers: CouchServer[] = [];
  for (const x of open.splice(0)) ('dispose' in x ? servers : notebooks).push(x as never);
  await Promise.all(notebooks.map((nb) => nb.close()));
  await Promise.all(servers.map((server) => server.dispose()));
});

async function setUp() {
  const server = await startCouchServer({ persistent: true });
  const a = await syncedNotebook('sync-oa-');
  const b = await syncedNotebook('sync-ob-');
  open.push(a, b, server);
  const url = server.db('team');
  await a.syncWith(url);
  await b.syncWith(url);
  return { server, a, b, url };
}

describe('a server that is killed and comes back', () => {
  it('shows offline, keeps the edits made meanwhile, and sends them both ways when back', async () => {
    const { server, a, b } = await setUp();
    const article = await a.call('importText', { title: 'Before', text: 'Said before the cut.' });
    await eventually(async () => expect(await b.call('listArticles', {})).toHaveLength(1));
    await server.kill();
    const during = await a.call('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 4,
      tagNames: ['Kəsik'],
      comment: 'while offline',
    });
    await b.call('createTag', { name: 'B offline' });
    const offline = await eventually(async () => {
      const status = await a.status();
      expect(status.state).toBe('offline');
      return status;
    });
    expect(offline.message).toMatch(/can’t be reached/);
    // Nothing is lost meanwhile: the notebook holds it, and the other side doesn't have it yet.
    expect(a.notebook.store.state.annotations.has(during.id)).toBe(true);
    expect(b.notebook.store.state.annotations.has(during.id)).toBe(false);

    await server.start();
    await eventually(
      async () =>
        expect(
          (await b.call('listAnnotations', { articleId: article.id })).map((x) => x.id),
        ).toEqual([during.id]),
      30_000,
    );
    await eventually(
      async () => expect((await a.call('listTags', {})).map((t) => t.name)).toContain('B offline'),
      30_000,
    );
    await a.settled(30_000);
    await b.settled(30_000);
    expect(await counts(a)).toEqual(await counts(b));
  });
});

describe('a notebook closed in the middle of a sync', () => {
  it('loses nothing and duplicates nothing when it opens again', async () => {
    const { a, b } = await setUp();
    const article = await a.call('importText', {
      title: 'Many',
      text: Array.from({ length: 150 }, (_, i) => `Sentence ${i}.`).join(' '),
    });
    const text = (await a.call('getArticle', { id: article.id })).text;
    // Committed in many small calls, and closed while they are still going out.
    for (let i = 0; i < 150; i += 1) {
      const start = text.indexOf(`Sentence ${i}.`);
      await a.call('createAnnotation', {
        articleId: article.id,
        start,
        end: start + 8,
        tagNames: [`T${i % 7}`],
        comment: `${i}`,
      });
    }
    await a.reopen();
    // B too, as it is receiving.
    await b.reopen();
    await eventually(
      async () =>
        expect(await b.call('listAnnotations', { articleId: article.id })).toHaveLength(150),
      60_000,
    );
    await a.settled(30_000);
    await b.settled(30_000);
    const onB = await b.call('listAnnotations', { articleId: article.id });
    expect(new Set(onB.map((x) => x.comment)).size).toBe(150);
    expect(await counts(a)).toEqual(await counts(b));
    // And it goes on syncing after the restart.
    await b.call('createTag', { name: 'After restart' });
    await eventually(async () =>
      expect((await a.call('listTags', {})).map((t) => t.name)).toContain('After restart'),
    );
  });
});
