// Moving a notebook that syncs: its replica is copied closed (sync stops for the copy), and sync
// goes on from the new folder, where nothing is sent twice and nothing is lost.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, eventually, serverForTests } from './synced-notebook';

const server = serverForTests();

describe('a syncing notebook moved to another folder', () => {
  it('syncs on from there, its earlier and later changes reaching the other side once', async () => {
    const url = server.db('moved');
    const a = await server.notebook('sync-ma-');
    const b = await server.notebook('sync-mb-');
    await a.syncWith(url);
    await b.syncWith(url);
    const article = await a.call('importText', { title: 'Köçən', text: 'Əvvəl və sonra: a/b.' });
    await eventually(async () => expect(await b.call('listArticles', {})).toHaveLength(1));
    // Moved while a change of B's is coming in: a replica copied while it writes loses it.
    const tag = b.call('createTag', { name: 'Before the move' });
    const target = join(a.dir, 'moved-notebook');
    await a.notebook.moveTo(target);
    await tag;
    expect((await readdir(target)).filter((name) => name.includes('damaged'))).toEqual([]);
    expect(a.notebook.store.dataDir).toBe(target);
    expect(await readdir(target)).toContain('replica');

    await eventually(async () => expect((await a.status()).state).toBe('idle'));
    await a.call('createAnnotation', {
      articleId: article.id,
      start: 0,
      end: 5,
      tagNames: ['After the move'],
      comment: 'ə/ş',
    });
    await eventually(async () =>
      expect(await b.call('listAnnotations', { articleId: article.id })).toHaveLength(1),
    );
    await eventually(async () =>
      expect((await a.call('listTags', {})).map((t) => t.name).sort()).toEqual([
        'After the move',
        'Before the move',
      ]),
    );
    await a.settled();
    await b.settled();
    expect(await counts(a)).toEqual(await counts(b));
    expect(await a.call('listSyncConflicts', {})).toEqual([]);
  });
});
