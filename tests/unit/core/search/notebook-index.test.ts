// The search index held while a search reads it in slices: a commit that lands meanwhile is only
// marked, and the next search's catching up waits until the reading is done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookIndex } from '../../../../electron/core/search/notebook-index';
import { openNotebookStore } from '../../../../electron/core/store';
import { article, body, hashOf, makeTempDir, put } from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

describe('NotebookIndex.read', () => {
  it('keeps the index as it was for a reader that yields, and catches up once it is done', async () => {
    const store = await openNotebookStore(dir);
    const first = body('a1', 'The pipeline runs west.');
    const second = body('a1', 'Preface. The pipeline runs east.');
    await store.putBody(first);
    await store.putBody(second);
    const record = article('a1', first);
    await store.commit([put.article(record)]);
    const index = new NotebookIndex(store);
    await index.ready();

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const reading = index.read(async () => {
      const before = index.text('a1')?.text;
      await gate; // a search between two of its slices
      return [before, index.text('a1')?.text];
    });
    // A revision lands while the reader waits, and another search asks for the index.
    await store.commit([
      put.article({
        ...record,
        revisions: [
          ...record.revisions,
          { number: 2, createdAt: record.importedAt, reason: 'edit', bodyHash: hashOf(second) },
        ],
      }),
    ]);
    let caughtUp = false;
    const ready = index.ready().then(() => (caughtUp = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(caughtUp).toBe(false);

    release();
    expect(await reading).toEqual([first.text, first.text]);
    await ready;
    expect(index.text('a1')?.text).toBe(second.text);
    const hits = await index.read(async () => index.search('east'));
    expect(hits.map((h) => index.doc(h.id)?.kind)).toEqual(['text']);
    await store.close();
  });
});
