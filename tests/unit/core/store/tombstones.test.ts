// Deletes leave tombstones (for merges and sync), puts take them away, and both survive a reopen
// and an undo the way the records they stand for do.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import {
  annotation,
  article,
  body,
  makeTempDir,
  put,
  remove,
  tag,
} from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };
const at = new Date('2026-12-02T06:00:00.000Z');

describe('tombstones', () => {
  it('a delete leaves one with when and who; a put of the same record takes it away', async () => {
    const store = await openNotebookStore(dir, { ...manual, now: () => at });
    await store.putBody(body('a1'));
    await store.commit([
      put.article(article('a1')),
      put.tag(tag('t1')),
      put.annotation(annotation('n1', 'a1', ['t1'])),
      { kind: 'put', collection: 'analysts', record: analyst },
      { kind: 'meta', key: 'analystId', value: analyst.id },
    ]);
    await store.commit([remove('annotations', 'n1'), remove('tags', 't1')]);
    expect([...store.state.tombstones.values()]).toEqual([
      { id: 'n1', collection: 'annotations', deletedAt: at.toISOString(), deletedBy: 'leyla' },
      { id: 't1', collection: 'tags', deletedAt: at.toISOString(), deletedBy: 'leyla' },
    ]);

    await store.commit([put.annotation(annotation('n1', 'a1', []))]);
    expect([...store.state.tombstones.keys()]).toEqual(['t1']);
    await store.close();

    const reopened = await openNotebookStore(dir, manual);
    expect([...reopened.state.tombstones.keys()]).toEqual(['t1']);
    await reopened.compact();
    await reopened.close();
    const again = await openNotebookStore(dir, manual);
    expect([...again.state.tombstones.keys()]).toEqual(['t1']);
    await again.close();
  });

  it('the inverse of a delete puts the record back and takes its tombstone with it', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.putBody(body('a1'));
    await store.commit([put.article(article('a1')), put.annotation(annotation('n1', 'a1'))]);
    const inverses: unknown[][] = [];
    store.onCommit(({ inverse }) => inverses.push(inverse));
    await store.commit([remove('annotations', 'n1')]);
    expect(store.state.tombstones.has('n1')).toBe(true);

    await store.commit(inverses[0] as never);
    expect(store.state.annotations.has('n1')).toBe(true);
    expect(store.state.tombstones.has('n1')).toBe(false);
    await store.close();
  });

  it('a delete of a record that is not there, or of an analyst, leaves nothing', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([remove('annotations', 'never-here')]);
    await store.commit([{ kind: 'put', collection: 'analysts', record: analyst }]);
    await store.commit([{ kind: 'delete', collection: 'analysts', id: analyst.id }]);
    expect(store.state.tombstones.size).toBe(0);
    await store.close();
  });

  it('a record put and deleted in one commit is gone with a tombstone; deleted and put, it stays', async () => {
    const store = await openNotebookStore(dir, manual);
    await store.commit([put.tag(tag('t1')), remove('tags', 't1')]);
    expect(store.state.tags.has('t1')).toBe(false);
    expect(store.state.tombstones.has('t1')).toBe(true);
    await store.commit([put.tag(tag('t2'))]);
    await store.commit([remove('tags', 't2'), put.tag(tag('t2', 'back'))]);
    expect(store.state.tags.get('t2')?.name).toBe('back');
    expect(store.state.tombstones.has('t2')).toBe(false);
    await store.close();
  });
});

const analyst = {
  id: 'leyla',
  name: 'Leyla',
  initials: 'L',
  color: '#7aa7f0',
  createdAt: '2026-12-01T00:00:00.000Z',
};
