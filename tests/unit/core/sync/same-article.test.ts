// One article imported on two machines before they sync (each gives it its own id) is one article
// once they do: matched by its text, kept under the smaller id on both, every annotation on it,
// whichever machine's id that is and whichever machine syncs first.
import { describe, expect, it } from 'vitest';
import {
  counts,
  eventually,
  type SyncedNotebook,
  serverForTests,
  theConflict,
} from './synced-notebook';

const server = serverForTests();

const TEXT = 'Bakı və Moskva ticarəti artırır. Turizm marşrutları / “yollar” genişlənir.';
let dbs = 0;

/** A and B each import TEXT and code a passage in it, without syncing; A's ids start `aPrefix`. */
async function twoCopies(aPrefix: string, bPrefix: string, bTitle = 'Ticarət & turizm') {
  const url = server.db(`same-${++dbs}`);
  const a = await server.notebook('sync-sa-', aPrefix);
  const b = await server.notebook('sync-sb-', bPrefix);
  await a.call('setAnalyst', { name: 'Aysel' });
  await b.call('setAnalyst', { name: 'Bahruz' });
  const onA = await a.call('importText', { title: 'Ticarət & turizm', text: TEXT });
  const onB = await b.call('importText', { title: bTitle, text: TEXT });
  const fromA = await a.call('createAnnotation', {
    articleId: onA.id,
    start: 0,
    end: 4,
    tagNames: ['Yer'],
    comment: 'A: ə/ş',
  });
  const fromB = await b.call('createAnnotation', {
    articleId: onB.id,
    start: TEXT.indexOf('Turizm'),
    end: TEXT.indexOf('Turizm') + 6,
    tagNames: ['Sahə'],
    comment: 'B: İ?',
  });
  return { a, b, url, onA, onB, fromA, fromB };
}

async function bothHoldOneArticle(a: SyncedNotebook, b: SyncedNotebook, keptId: string) {
  for (const side of [a, b]) {
    await eventually(async () =>
      expect((await side.call('listArticles', {})).map((x) => x.id)).toEqual([keptId]),
    );
    await eventually(async () =>
      expect(
        (await side.call('listAnnotations', { articleId: keptId })).map((x) => x.comment).sort(),
      ).toEqual(['A: ə/ş', 'B: İ?']),
    );
  }
  await a.settled();
  await b.settled();
  expect(await counts(a)).toEqual(await counts(b));
  // Nothing points at the id that went.
  for (const side of [a, b]) {
    const { annotations } = side.notebook.store.state;
    expect([...annotations.values()].every((x) => x.articleId === keptId)).toBe(true);
  }
}

describe('the same article imported on two machines', () => {
  it('is one article under the smaller id, the other machine’s copy moved (it syncs second)', async () => {
    const { a, b, url, onA, fromB } = await twoCopies('a-', 'b-');
    await a.syncWith(url);
    await a.settled();
    await b.syncWith(url);
    await bothHoldOneArticle(a, b, onA.id);
    // B's annotation kept its id, its author and its place; only its article's id changed.
    const [moved] = (await b.call('listAnnotations', { articleId: onA.id })).filter(
      (x) => x.id === fromB.id,
    );
    expect(moved).toMatchObject({ id: fromB.id, comment: 'B: İ?', anchor: 'anchored' });
    expect(moved!.selectors[1]).toMatchObject({ type: 'TextQuoteSelector', exact: 'Turizm' });
    expect(moved!.createdBy).toBe(fromB.createdBy);
    expect(await a.call('listSyncConflicts', {})).toEqual([]);
    expect(await b.call('listSyncConflicts', {})).toEqual([]);
    // The text opens on both, and the reader places B's passage where B coded it.
    const article = await a.call('getArticle', { id: onA.id });
    expect(article.text).toBe(TEXT);
  });

  it('is one article under the smaller id when that is the machine that syncs second', async () => {
    const { a, b, url, onB } = await twoCopies('z-', 'b-');
    await a.syncWith(url);
    await a.settled();
    await b.syncWith(url);
    await bothHoldOneArticle(a, b, onB.id);
    expect(await a.call('listSyncConflicts', {})).toEqual([]);
  });

  it('stays one after a restart, and a later annotation naming the old id is placed on it', async () => {
    const { a, b, url, onA, onB } = await twoCopies('z-', 'b-');
    await a.syncWith(url);
    await b.syncWith(url);
    await bothHoldOneArticle(a, b, onB.id);
    await a.reopen();
    await b.reopen();
    const late = await b.call('createAnnotation', {
      articleId: onB.id,
      start: 5,
      end: 7,
      tagNames: ['Yer'],
      comment: 'later',
    });
    await eventually(async () =>
      expect((await a.call('listAnnotations', { articleId: onB.id })).map((x) => x.id)).toContain(
        late.id,
      ),
    );
    expect(a.notebook.store.state.articles.has(onA.id)).toBe(false);
    await a.settled();
    await b.settled();
    expect(await counts(a)).toEqual(await counts(b));
  });

  it('written differently on each (another title) is still one, the two versions a conflict', async () => {
    const { a, b, url, onA } = await twoCopies('a-', 'b-', 'Ticarət, turizm: B-nin adı');
    await a.syncWith(url);
    await b.syncWith(url);
    await bothHoldOneArticle(a, b, onA.id);
    for (const side of [a, b]) {
      const listed = await theConflict(side);
      expect(listed).toMatchObject({ id: `articles:${onA.id}`, kind: 'article' });
      const labels = [listed.ours.label, listed.theirs.label].sort();
      expect(labels).toEqual(['Ticarət & turizm', 'Ticarət, turizm: B-nin adı']);
    }
    const listed = await theConflict(b);
    const keepB = listed.ours.label === 'Ticarət, turizm: B-nin adı' ? 'ours' : 'theirs';
    await b.call('resolveSyncConflicts', { choices: { [listed.id]: keepB } });
    for (const side of [a, b]) {
      await eventually(async () =>
        expect((await side.call('listArticles', {}))[0]!.title).toBe('Ticarət, turizm: B-nin adı'),
      );
      await eventually(async () => expect(await side.call('listSyncConflicts', {})).toEqual([]));
    }
  });
});

describe('the same tag made on two machines', () => {
  it('is one tag, kept under the smaller id on both, subtags and annotations moved to it', async () => {
    const { a, b, url, onA, onB } = await twoCopies('a-', 'b-');
    // The same path typed on each, and a tag only B has under it.
    await a.call('createAnnotation', {
      articleId: onA.id,
      start: 5,
      end: 11,
      tagNames: ['Enerji/Qaz'],
      comment: 'A qaz',
    });
    await b.call('createAnnotation', {
      articleId: onB.id,
      start: 12,
      end: 20,
      tagNames: ['Enerji/Qaz/Boru kəməri', 'Yer'],
      comment: 'B boru',
    });
    await b.syncWith(url);
    await b.settled();
    await a.syncWith(url);
    const paths = ['Enerji', 'Enerji/Qaz', 'Enerji/Qaz/Boru kəməri', 'Sahə', 'Yer'];
    for (const side of [a, b]) {
      await eventually(async () =>
        expect((await side.call('listTags', {})).map((t) => t.path).sort()).toEqual(paths),
      );
    }
    await a.settled();
    await b.settled();
    expect(await counts(a)).toEqual(await counts(b));
    // Every annotation names tags the notebook holds, the same on both sides.
    for (const side of [a, b]) {
      const { tags, annotations } = side.notebook.store.state;
      for (const annotation of annotations.values()) {
        for (const id of annotation.tagIds) expect(tags.has(id)).toBe(true);
      }
      const byComment = Object.fromEntries(
        [...annotations.values()].map((x) => [
          x.comment,
          x.tagIds.map((id) => tags.get(id)!.name).sort(),
        ]),
      );
      expect(byComment).toEqual({
        'A: ə/ş': ['Yer'],
        'B: İ?': ['Sahə'],
        'A qaz': ['Qaz'],
        'B boru': ['Boru kəməri', 'Yer'],
      });
    }
    expect(await a.call('listSyncConflicts', {})).toEqual([]);
    expect(await b.call('listSyncConflicts', {})).toEqual([]);
  });

  it('with other guidance on each is one tag, the two definitions a conflict', async () => {
    const { a, b, url } = await twoCopies('a-', 'b-');
    const tagOf = async (nb: SyncedNotebook) =>
      (await nb.call('listTags', {})).find((t) => t.name === 'Yer')!;
    await b.call('createTag', { name: 'Yer' });
    const onA = await tagOf(a);
    const onB = await tagOf(b);
    await a.call('updateTag', { id: onA.id, description: 'A place: city, region.' });
    await b.call('updateTag', { id: onB.id, description: 'Yer — B-nin tərifi.' });
    await a.syncWith(url);
    await b.syncWith(url);
    for (const side of [a, b]) {
      await eventually(async () =>
        expect((await side.call('listTags', {})).filter((t) => t.name === 'Yer')).toHaveLength(1),
      );
      const listed = await theConflict(side);
      expect(listed).toMatchObject({ id: `tags:${onA.id}`, kind: 'tag' });
      expect([...listed.ours.lines, ...listed.theirs.lines]).toEqual(
        expect.arrayContaining([
          'Definition: A place: city, region.',
          'Definition: Yer — B-nin tərifi.',
        ]),
      );
    }
  });
});
