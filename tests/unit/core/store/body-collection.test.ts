// Article texts no revision needs any more are removed at compaction, and only those: a body stays
// while anything in the folder still refers to it (the notebook, its .bak, a restore point, a
// journal, a copy set aside) or while this run might still commit a reference to it.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore, type NotebookStore } from '../../../../electron/core/store';
import {
  article,
  body,
  hashOf,
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
let minute = 0;
// Each compaction at its own minute, so restore points get distinct names.
const now = () => new Date(Date.UTC(2024, 4, 1, 10, minute++));

/** `times` compactions, each after a commit of its own: enough for kept copies to roll over. */
async function compactTimes(store: NotebookStore, times: number) {
  for (let i = 0; i < times; i++) {
    await store.commit([put.tag(tag(`t${i}`))]);
    await store.compact();
  }
}

/** An article imported, compacted into the notebook, then deleted: its text, no longer needed. */
async function deletedArticleText(store: NotebookStore) {
  const text = body('a1');
  await store.putBody(text);
  await store.commit([put.article(article('a1', text))]);
  await store.compact();
  await store.commit([remove('articles', 'a1')]);
  return text;
}

const bodyFiles = async () =>
  (await readdir(path.join(dir, 'bodies'))).map((name) => name.slice(0, 64)).sort();

/** Files beside the notebook whose bytes mention `hash`. */
async function referrers(hash: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    if ((await readFile(path.join(dir, entry.name), 'latin1')).includes(hash)) {
      found.push(entry.name);
    }
  }
  return found;
}

describe('bodies at compaction', () => {
  it('removes a deleted article’s text once nothing refers to it, never before', async () => {
    const store = await openNotebookStore(dir, { ...manual, now });
    const kept = body('a2', 'A second article, kept throughout.');
    await store.putBody(body('a1'));
    await store.putBody(kept);
    await store.commit([put.article(article('a1')), put.article(article('a2', kept))]);
    await store.compact();
    await store.commit([remove('articles', 'a1')]);
    await store.close();

    // A later run (bodies put in a run are never collected during that run).
    const later = await openNotebookStore(dir, { ...manual, now });
    const gone = hashOf(body('a1'));
    let compactions = 0;
    for (; compactions < 12 && (await bodyFiles()).includes(gone); compactions++) {
      // Still on disk: so something must still refer to it.
      expect(await referrers(gone)).not.toEqual([]);
      await later.commit([put.tag(tag(`t${compactions}`))]);
      await later.compact();
    }
    // The .bak, three restore points and the journals they need roll over, then it goes.
    expect(compactions).toBeGreaterThan(1);
    expect(compactions).toBeLessThan(12);
    expect(await referrers(gone)).toEqual([]);
    expect(await bodyFiles()).toEqual([hashOf(kept)]);
    await later.close();

    const reopened = await openNotebookStore(dir, manual);
    expect(reopened.notices).toEqual([]);
    expect(await reopened.getBody(hashOf(kept))).toEqual(kept);
    expect([...reopened.state.articles.keys()]).toEqual(['a2']);
  });

  it('keeps every revision’s text of an article that is still there', async () => {
    const store = await openNotebookStore(dir, { ...manual, now });
    const first = body('a1', 'The first version.');
    const second = body('a1', 'The second version, edited.');
    await store.putBody(first);
    await store.putBody(second);
    const record = article('a1', first);
    record.revisions.push({ ...record.revisions[0]!, number: 2, bodyHash: hashOf(second) });
    await store.commit([put.article(record)]);
    await store.close();

    const later = await openNotebookStore(dir, { ...manual, now });
    await compactTimes(later, 8);
    expect(await bodyFiles()).toEqual([hashOf(first), hashOf(second)].sort());
    expect(await later.getBody(hashOf(first))).toEqual(first);
  });

  it('keeps a text put in this run even before a commit refers to it, and collects it later if none does', async () => {
    const store = await openNotebookStore(dir, { ...manual, now });
    // An import that stored its text and never got to commit (the app quit, say).
    const orphan = body('x', 'Stored, never committed.');
    await store.putBody(orphan);
    for (let i = 0; i < 6; i++) {
      await store.commit([put.tag(tag(`t${i}`))]);
      await store.compact();
    }
    expect(await bodyFiles()).toEqual([hashOf(orphan)]);
    await store.close();

    const later = await openNotebookStore(dir, { ...manual, now });
    await later.commit([put.tag(tag('t9'))]);
    await later.compact();
    expect(await bodyFiles()).toEqual([]);
  });

  it('keeps a text only a copy set aside still refers to (the analyst may restore it)', async () => {
    const store = await openNotebookStore(dir, { ...manual, now });
    const text = await deletedArticleText(store);
    await store.compact();
    const setAside = path.join(dir, 'notebook.corrupt-2024-05-01T09-00-00-000Z.json');
    await writeFile(setAside, await readFile(path.join(dir, 'notebook.json.bak')));
    await store.close();

    const later = await openNotebookStore(dir, { ...manual, now });
    await compactTimes(later, 8);
    expect(await referrers(hashOf(text))).toEqual([path.basename(setAside)]);
    expect(await bodyFiles()).toEqual([hashOf(text)]);
  });
});

describe('references read a slice at a time', () => {
  it('finds a reference the slice boundary cuts in two', async () => {
    const store = await openNotebookStore(dir, { ...manual, now });
    const text = await deletedArticleText(store);
    await store.close();
    // A copy set aside whose only mention of the text straddles the scanner's 256 KiB slices.
    const reference = `"bodyHash":"${hashOf(text)}"`;
    const cutAt = 256 * 1024 - 20;
    const setAside = path.join(dir, 'notebook.corrupt-2024-05-01T09-00-00-000Z.json');
    await writeFile(setAside, `${' '.repeat(cutAt)}${reference}${' '.repeat(1000)}`);

    const later = await openNotebookStore(dir, { ...manual, now });
    await compactTimes(later, 8);
    expect(await referrers(hashOf(text))).toEqual([path.basename(setAside)]);
    expect(await bodyFiles()).toEqual([hashOf(text)]);
    await later.close();
  });
});

describe('originals at compaction', () => {
  const originalFiles = async () => {
    try {
      return (await readdir(path.join(dir, 'originals'))).sort();
    } catch {
      return [];
    }
  };
  const bytes = (s: string) => new TextEncoder().encode(s);
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');

  it('removes a deleted article’s original once nothing refers to it, and keeps the others', async () => {
    const store = await openNotebookStore(dir, { ...manual, now });
    const gone = article('a1');
    const kept = article('a2', body('a2', 'Kept.'));
    gone.revisions[0] = { ...gone.revisions[0]!, original: { hash: sha('one'), name: 'one.txt' } };
    kept.revisions[0] = { ...kept.revisions[0]!, original: { hash: sha('two'), name: 'two.txt' } };
    await store.putBody(body('a1'));
    await store.putBody(body('a2', 'Kept.'));
    await store.putOriginal(sha('one'), bytes('one'));
    await store.putOriginal(sha('two'), bytes('two'));
    await store.commit([put.article(gone), put.article(kept)]);
    await store.compact();
    await store.commit([remove('articles', 'a1')]);
    // Put in this run: never collected in it, whatever refers to it.
    for (let i = 0; i < 6; i++) {
      await store.commit([put.tag(tag(`s${i}`))]);
      await store.compact();
    }
    expect(await originalFiles()).toEqual([sha('one'), sha('two')].sort());
    await store.close();

    // By now the kept copies that named it have rolled over: the next run's first compaction
    // takes it.
    expect(await referrers(sha('one'))).toEqual([]);
    expect(await referrers(sha('two'))).not.toEqual([]);
    const later = await openNotebookStore(dir, { ...manual, now });
    await later.commit([put.tag(tag('t'))]);
    await later.compact();
    expect(await originalFiles()).toEqual([sha('two')]);
    expect(new TextDecoder().decode(await later.getOriginal(sha('two')))).toBe('two');
    await later.close();
  });
});
