// Undo and redo for every change, through the dispatcher on a real notebook folder: each step
// puts the notebook back exactly as it was (records compared whole), and brings it forward again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plain } from '../../fixtures/store/notebook-fixtures';
import { dispatchedNotebook, type DispatchedNotebook } from '../support/dispatched-notebook';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-history-');
});
afterEach(() => nb.close());

const call: DispatchedNotebook['call'] = (name, input) => nb.call(name, input);

/**
 * Everything the notebook holds, as plain data, to compare whole states. By id: a record put back
 * comes last in its map, and no view reads the maps' order (each sorts what it shows).
 */
function everything() {
  const { meta, ...collections } = structuredClone(plain(nb.notebook.store.state));
  const byId = (records: Array<{ id: string }>) =>
    [...records].sort((a, b) => a.id.localeCompare(b.id));
  return {
    meta,
    ...Object.fromEntries(
      Object.entries(collections).map(([name, records]) => [name, byId(records)]),
    ),
  };
}

async function sample() {
  const [summary] = await call('listArticles', {});
  return call('getArticle', { id: summary!.id });
}

async function annotate(phrase: string, tagNames: string[]) {
  const article = await sample();
  const start = article.text.indexOf(phrase);
  return call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment: '',
  });
}

/** Does `change`, then checks undo gives back `before` exactly and redo gives back `after`. */
async function roundTrip(label: string, change: () => Promise<unknown>) {
  const before = everything();
  await change();
  const after = everything();
  expect(after).not.toEqual(before);
  expect(await call('getHistory', {})).toEqual({ undo: label });
  expect(await call('undo', {})).toMatchObject({ undone: label, redo: label });
  expect(everything()).toEqual(before);
  expect(await call('redo', {})).toMatchObject({ redone: label, undo: label });
  expect(everything()).toEqual(after);
}

describe('undo and redo', () => {
  it('take back and bring again an annotation, its edit and its delete', async () => {
    const made = await annotate('business circles', ['Economy/Trade']);
    expect((await call('undo', {})).undone).toBe('Add annotation');
    // The tags the annotation made went with it.
    expect(await call('listTags', {})).toEqual([]);
    await call('redo', {});
    await roundTrip('Edit annotation', () =>
      call('updateAnnotation', { id: made.id, tagNames: ['People'], comment: 'a / b "c" ə 🤝' }),
    );
    await roundTrip('Delete annotation', () => call('deleteAnnotation', { id: made.id }));
  });

  it('take back codebook operations: a merge gives back the tag, its children and its passages', async () => {
    await annotate('business circles', ['Trade/Exports', 'Economy']);
    await annotate('food industry', ['Trade']);
    const tags = await call('listTags', {});
    const id = (path: string) => tags.find((t) => t.path === path)!.id;
    await roundTrip('Merge tags', () =>
      call('mergeTags', { sourceId: id('Trade'), targetId: id('Economy') }),
    );
    await call('undo', {});
    await roundTrip('Move tag', () =>
      call('updateTag', { id: id('Trade/Exports'), parentId: null }),
    );
    await roundTrip('Delete tag', () =>
      call('deleteTag', { id: id('Trade'), annotations: 'delete' }),
    );
    // The log entry goes and comes back with its operation.
    await call('undo', {});
    expect((await call('listCodebookLog', {})).map((e) => e.operation)).not.toContain('delete');
  });

  it('take back an edit of the text: the revision and every annotation’s place', async () => {
    await annotate('business circles', ['Economy']);
    const article = await sample();
    await roundTrip('Edit text', () =>
      call('editArticle', { id: article.id, text: `A new first line.\n\n${article.text}` }),
    );
    await call('undo', {});
    expect((await sample()).text).toBe(article.text);
  });

  it('bring back a deleted article with its text, even after compaction collected unused texts', async () => {
    await annotate('business circles', ['Economy']);
    // Reopened, so the text was not written in this run (the collector spares those anyway).
    await nb.reopen();
    const article = await sample();
    await call('deleteArticle', { id: article.id });
    // Enough compactions that no snapshot, backup or restore point refers to its text any more.
    for (let i = 0; i < 6; i++) {
      await call('importText', { text: `Note ${i}.`, title: `Note ${i}` });
      await nb.notebook.store.compact();
    }
    for (let i = 0; i < 6; i++) expect((await call('undo', {})).undone).toBe('Paste article');
    expect((await call('undo', {})).undone).toBe('Delete article');
    expect((await sample()).text).toBe(article.text);
    expect(await call('listAnnotations', { articleId: article.id })).toHaveLength(1);
  });

  it('take back a bulk change to many annotations as one step', async () => {
    const made = [
      await annotate('business circles', ['Economy']),
      await annotate('food industry', ['Economy', 'Food']),
      await annotate('tourism', ['Travel']),
    ];
    const ids = made.map((a) => a.id);
    const economy = (await call('listTags', {})).find((t) => t.path === 'Economy')!;
    await roundTrip('Tag 3 annotations', () =>
      call('tagAnnotations', { ids, addTagNames: ['Region/Caucasus'], removeTagIds: [economy.id] }),
    );
    const after = await call('getAnnotations', { ids });
    const paths = new Map((await call('listTags', {})).map((t) => [t.id, t.path]));
    expect(after.map((a) => a.tagIds.map((id) => paths.get(id)))).toEqual([
      ['Region/Caucasus'],
      ['Food', 'Region/Caucasus'],
      ['Travel', 'Region/Caucasus'],
    ]);
    await roundTrip('Delete 2 annotations', () =>
      call('deleteAnnotations', { ids: ids.slice(0, 2) }),
    );
    expect(await call('listAnnotations', { articleId: made[0]!.articleId })).toHaveLength(1);
  });

  it('refuse a bulk change naming an annotation that is gone, changing none of them', async () => {
    const made = await annotate('business circles', ['Economy']);
    const before = everything();
    for (const [name, input] of [
      ['tagAnnotations', { ids: [made.id, 'gone'], addTagNames: ['X'], removeTagIds: [] }],
      ['deleteAnnotations', { ids: [made.id, 'gone'] }],
      ['tagAnnotations', { ids: [made.id], addTagNames: [], removeTagIds: [] }],
    ] as const) {
      expect(await nb.dispatch(name, input)).toMatchObject({ ok: false });
    }
    expect(everything()).toEqual(before);
    expect(await call('getHistory', {})).toEqual({ undo: 'Add annotation' });
  });

  it('take back a memo typed in several saves as one step', async () => {
    const article = await sample();
    for (const memo of ['F', 'Fi', 'First / memo']) {
      await call('setMemo', { articleId: article.id, memo });
    }
    expect(await call('undo', {})).toEqual({ undone: 'Edit memo', redo: 'Edit memo' });
    expect((await sample()).memo).toBe('');
    await call('redo', {});
    expect((await sample()).memo).toBe('First / memo');
  });

  it('forget what was undone once something new is done, and say when there is nothing', async () => {
    await annotate('business circles', ['Economy']);
    await call('undo', {});
    await annotate('food industry', ['Politics']);
    expect(await call('getHistory', {})).toEqual({ undo: 'Add annotation' });
    const refusal = await nb.dispatch('redo', {});
    expect(refusal).toMatchObject({ ok: false, error: { message: 'Nothing to redo.' } });
    await call('undo', {});
    expect(await nb.dispatch('undo', {})).toMatchObject({
      ok: false,
      error: { message: 'Nothing to undo.' },
    });
  });

  it('leave who is coding out of the history: naming the analyst is a setting, not a step', async () => {
    await call('setAnalyst', { name: 'Leyla Əliyeva' });
    await call('setAnalyst', { name: 'Leyla Əliyeva', initials: 'LƏ' });
    expect(await call('getHistory', {})).toEqual({});
    await annotate('business circles', ['Economy']);
    await call('undo', {});
    expect((await call('getStartup', {})).analyst).toMatchObject({ initials: 'LƏ' });
  });

  it('last for the session: a reopened notebook starts with nothing to undo, its changes kept', async () => {
    await annotate('business circles', ['Economy']);
    await call('undo', {});
    await call('redo', {});
    const kept = everything();
    await nb.reopen();
    expect(await call('getHistory', {})).toEqual({});
    expect(everything()).toEqual(kept);
  });
});
