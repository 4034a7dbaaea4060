// Concurrent edits of one record on two notebooks: CouchDB keeps both, the conflict is listed on
// each side as a merge shows it, and deciding it (one undo step) settles it everywhere.
import { describe, expect, it } from 'vitest';
import { eventually, type SyncedNotebook, serverForTests, theConflict } from './synced-notebook';

const server = serverForTests();

let dbs = 0;

/** A and B share an annotation, then each changes its comment while B is not syncing. */
async function concurrentEdit() {
  const url = server.db(`conflicts-${++dbs}`);
  const a = await server.notebook('sync-ca-');
  const b = await server.notebook('sync-cb-');
  await a.call('setAnalyst', { name: 'Aysel' });
  await b.call('setAnalyst', { name: 'Bahruz' });
  await a.syncWith(url);
  await b.syncWith(url);
  const article = await a.call('importText', { title: 'Shared', text: 'One shared sentence.' });
  const annotation = await a.call('createAnnotation', {
    articleId: article.id,
    start: 4,
    end: 10,
    tagNames: ['Shared'],
    comment: 'first',
  });
  await eventually(async () =>
    expect(await b.call('listAnnotations', { articleId: article.id })).toHaveLength(1),
  );
  await b.settled();
  await a.settled();
  await b.call('setSync', { url, username: '', enabled: false });
  await a.call('updateAnnotation', { id: annotation.id, tagNames: ['Shared'], comment: 'A: ə' });
  await b.call('updateAnnotation', { id: annotation.id, tagNames: ['Shared'], comment: 'B: ş' });
  await a.settled();
  await b.syncWith(url);
  return { a, b, annotation, article, url };
}

describe('a record changed on both sides', () => {
  it('is a conflict listed on both sides, each side in words', async () => {
    const { a, b, annotation } = await concurrentEdit();
    for (const side of [a, b]) {
      const listed = await theConflict(side);
      expect(listed).toMatchObject({
        id: `annotations:${annotation.id}`,
        kind: 'annotation',
        choices: ['ours', 'theirs', 'both'],
      });
      const lines = [...listed.ours.lines, ...listed.theirs.lines];
      expect(lines).toEqual(expect.arrayContaining(['Comment: A: ə', 'Comment: B: ş']));
      expect(listed.ours.lines).toHaveLength(1);
      expect(listed.ours.label).toBe('“shared”');
      // Ours is what the notebook holds now: CouchDB's winner, the same on both sides.
      const [held] = await side.call('listAnnotations', { articleId: annotation.articleId });
      expect(listed.ours.lines).toEqual([`Comment: ${held!.comment}`]);
      await eventually(async () => expect((await side.status()).conflicts).toBe(1));
    }
    const [onA] = await a.call('listSyncConflicts', {});
    const [onB] = await b.call('listSyncConflicts', {});
    expect(onA!.ours).toEqual(onB!.ours);
  });

  it('is settled everywhere by taking the other version, as one undo step', async () => {
    const { a, b, annotation } = await concurrentEdit();
    const listed = await theConflict(b);
    const [before] = await b.call('listAnnotations', { articleId: annotation.articleId });
    const other = listed.theirs.lines[0]!.replace('Comment: ', '');
    expect(await b.call('resolveSyncConflicts', { choices: { [listed.id]: 'theirs' } })).toEqual({
      resolved: 1,
    });
    expect(await b.call('listSyncConflicts', {})).toEqual([]);
    const [after] = await b.call('listAnnotations', { articleId: annotation.articleId });
    expect(after!.comment).toBe(other);
    expect(await b.call('getHistory', {})).toMatchObject({ undo: 'Resolve sync conflicts' });
    // The choice replicates: A ends with the same comment and no conflict.
    await eventually(async () => {
      expect(await a.call('listSyncConflicts', {})).toEqual([]);
      const [onA] = await a.call('listAnnotations', { articleId: annotation.articleId });
      expect(onA!.comment).toBe(other);
    });
    await b.call('undo', {});
    const [undone] = await b.call('listAnnotations', { articleId: annotation.articleId });
    expect(undone!.comment).toBe(before!.comment);
    await eventually(async () => {
      const [onA] = await a.call('listAnnotations', { articleId: annotation.articleId });
      expect(onA!.comment).toBe(before!.comment);
    });
  });

  it('keeps both annotations when asked, the other as a copy', async () => {
    const { a, b, annotation } = await concurrentEdit();
    const listed = await theConflict(a);
    await a.call('resolveSyncConflicts', { choices: { [listed.id]: 'both' } });
    const comments = async (nb: SyncedNotebook) =>
      (await nb.call('listAnnotations', { articleId: annotation.articleId }))
        .map((x) => x.comment)
        .sort();
    expect(await comments(a)).toEqual(['A: ə', 'B: ş']);
    await eventually(async () => expect(await comments(b)).toEqual(['A: ə', 'B: ş']));
    await eventually(async () => expect(await b.call('listSyncConflicts', {})).toEqual([]));
  });

  it('refuses “both” for a tag, and a choice for no conflict changes nothing', async () => {
    const { a } = await concurrentEdit();
    expect(await a.call('resolveSyncConflicts', { choices: { 'tags:nope': 'ours' } })).toEqual({
      resolved: 0,
    });
  });
});

/** A and B share an annotation; A deletes it while B, not syncing, changes its comment. */
async function deleteAgainstEdit() {
  const { a, b, annotation, url } = await concurrentEdit();
  // Start from agreement: B takes A's comment, and nothing is listed.
  const first = await theConflict(b);
  await b.call('resolveSyncConflicts', { choices: { [first.id]: 'ours' } });
  await eventually(async () => expect(await a.call('listSyncConflicts', {})).toEqual([]));
  await a.settled();
  await b.settled();
  await b.call('setSync', { url, username: '', enabled: false });
  await a.call('deleteAnnotation', { id: annotation.id });
  await b.call('updateAnnotation', {
    id: annotation.id,
    tagNames: ['Shared'],
    comment: 'B: kept?',
  });
  await a.settled();
  await b.syncWith(url);
  return { a, b, annotation };
}

describe('a record deleted on one side and changed on the other', () => {
  it('is a conflict listed on both sides, the delete named with who made it', async () => {
    const { a, b, annotation } = await deleteAgainstEdit();
    for (const side of [a, b]) {
      const listed = await theConflict(side);
      expect(listed).toMatchObject({
        id: `annotations:${annotation.id}`,
        kind: 'annotation',
        choices: ['ours', 'theirs'],
        ours: { present: true },
        theirs: { present: false, lines: ['Deleted'], changedBy: 'Aysel' },
      });
      expect(listed.ours.lines).toContain('Comment: B: kept?');
      // Until decided, the changed record is held (CouchDB's winner), on both sides alike.
      const held = await side.call('listAnnotations', { articleId: annotation.articleId });
      expect(held.map((x) => x.comment)).toEqual(['B: kept?']);
    }
    // A change that came after still leaves the question open.
    await b.call('updateAnnotation', { id: annotation.id, tagNames: ['Shared'], comment: 'B: 2' });
    await b.settled();
    expect(await b.call('listSyncConflicts', {})).toHaveLength(1);
  });

  it('taking the delete deletes it everywhere; keeping the change keeps it, and it is not asked again', async () => {
    const { a, b, annotation } = await deleteAgainstEdit();
    const listed = await theConflict(a);
    await a.call('resolveSyncConflicts', { choices: { [listed.id]: 'theirs' } });
    expect(await a.call('listAnnotations', { articleId: annotation.articleId })).toEqual([]);
    await eventually(async () =>
      expect(await b.call('listAnnotations', { articleId: annotation.articleId })).toEqual([]),
    );
    await eventually(async () => expect(await b.call('listSyncConflicts', {})).toEqual([]));
    expect(await a.call('listSyncConflicts', {})).toEqual([]);

    // Undo brings it back (a change of A's own now), and it syncs without a question.
    await a.call('undo', {});
    await eventually(async () =>
      expect(await b.call('listAnnotations', { articleId: annotation.articleId })).toHaveLength(1),
    );
    await a.settled();
    await b.settled();
    expect(await a.call('listSyncConflicts', {})).toEqual([]);
    expect(await b.call('listSyncConflicts', {})).toEqual([]);
  });

  it('keeping the change keeps it on both sides', async () => {
    const { a, b, annotation } = await deleteAgainstEdit();
    const listed = await theConflict(b);
    await b.call('resolveSyncConflicts', { choices: { [listed.id]: 'ours' } });
    expect(await b.call('listSyncConflicts', {})).toEqual([]);
    await eventually(async () => expect(await a.call('listSyncConflicts', {})).toEqual([]));
    await a.settled();
    await b.settled();
    for (const side of [a, b]) {
      const held = await side.call('listAnnotations', { articleId: annotation.articleId });
      expect(held.map((x) => x.comment)).toEqual(['B: kept?']);
    }
  });
});
