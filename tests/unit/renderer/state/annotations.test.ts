// The annotations state against the real core: next/previous move without opening the editor,
// Save takes a tag still being typed, drafts outlive the editor, undo puts a delete back, and
// changes made elsewhere reach the list.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Annotations } from '../../../../renderer/src/lib/state/annotations.svelte';
import { Codebook } from '../../../../renderer/src/lib/state/codebook.svelte';
import { isChanged } from '../../../../renderer/src/lib/state/drafts.svelte';
import { undo } from '../../../../renderer/src/lib/state/undo.svelte';
import { eventually, startRealCore, type RealCore } from './real-core';

let core: RealCore;
let codebook: Codebook;
let annotations: Annotations;
let articleId: string;
let text: string;
let stops: Array<() => void>;

beforeEach(async () => {
  core = await startRealCore();
  codebook = new Codebook();
  annotations = new Annotations(
    () => codebook.byId,
    (tagId) => codebook.subtreeOf(tagId),
    (tagIds) => codebook.used(tagIds),
  );
  stops = [codebook.connect(), annotations.connect()];
  const [article] = await core.notebook.handlers.listArticles({});
  articleId = article!.id;
  text = (await core.notebook.handlers.getArticle({ id: articleId })).text;
  await annotations.open(articleId);
});
afterEach(async () => {
  stops.forEach((stop) => stop());
  await core.close();
});

/** Selects the first occurrence of `phrase` as the reader would report it. */
function select(phrase: string) {
  const start = text.indexOf(phrase);
  if (start === -1) throw new Error(`no “${phrase}”`);
  annotations.selection = { start, end: start + phrase.length };
}

async function annotate(phrase: string, tags: string[] = [], comment = '') {
  select(phrase);
  expect(annotations.startNew()).toBe(true);
  const draft = annotations.draftFor(annotations.editing!);
  draft.tagNames = tags;
  draft.comment = comment;
  await annotations.save();
}

describe('Annotations', () => {
  it('saves the tag still being typed along with the chosen ones', async () => {
    select('industry, agriculture');
    annotations.startNew();
    const draft = annotations.draftFor(annotations.editing!);
    draft.tagNames = ['economy'];
    draft.pendingTag = 'iqtisadiyyat/əməkdaşlıq';
    draft.comment = 'See https://example.org/a?b=c';
    expect(isChanged(draft)).toBe(true);
    await annotations.save();
    expect(annotations.editing).toBeNull();
    const [saved] = annotations.list;
    // The slash typed made a path: a parent tag and the child the passage is coded with.
    await eventually(() => expect(codebook.tags).toHaveLength(3));
    expect(saved!.tagIds.map((id) => codebook.byId.get(id)?.path)).toEqual([
      'economy',
      'iqtisadiyyat/əməkdaşlıq',
    ]);
    expect(saved!.comment).toBe('See https://example.org/a?b=c');
  });

  it('filters by a parent tag including every tag below it, and by path in the search', async () => {
    await annotate('Rufat Mammadov', ['People']);
    await annotate('business forums', ['Economy/Trade/Forums']);
    await annotate('food industry', ['Economy']);
    await eventually(() => expect(codebook.tags).toHaveLength(4));
    const id = (path: string) => codebook.tags.find((t) => t.path === path)!.id;
    const quotes = () => annotations.visible.map((a) => a.selectors[1].exact);
    annotations.filterTagId = id('Economy');
    expect(quotes()).toEqual(['business forums', 'food industry']);
    annotations.filterTagId = id('Economy/Trade');
    expect(quotes()).toEqual(['business forums']);
    annotations.filterTagId = '';
    annotations.filterText = 'trade/forums';
    expect(quotes()).toEqual(['business forums']);
  });

  it('offers the tags just used first, most recent first, each once', async () => {
    await annotate('Rufat Mammadov', ['People', 'Economy']);
    await annotate('business forums', ['Trade', 'People']);
    await eventually(() => expect(codebook.tags).toHaveLength(3));
    const paths = codebook.recent.map((tagId) => codebook.byId.get(tagId)?.path);
    expect(paths).toEqual(['Trade', 'People', 'Economy']);
  });

  it('opens a saved annotation with its tags by path, so a shared name keeps its meaning', async () => {
    await annotate('Rufat Mammadov', ['Economy/Energy', 'Politics/Energy']);
    await eventually(() => expect(codebook.tags).toHaveLength(4));
    const [saved] = annotations.list;
    annotations.edit(saved!, true);
    expect(annotations.draftFor(annotations.editing!).tagNames).toEqual([
      'Economy/Energy',
      'Politics/Energy',
    ]);
  });

  it('moves through annotations with next and previous, again and again, without the editor', async () => {
    for (const phrase of ['Rufat Mammadov', 'business forums', 'food industry', 'tourism']) {
      await annotate(phrase);
    }
    const order = annotations.list.map((a) => a.id);
    const seen: string[] = [];
    const requests = annotations.scrollRequest;
    for (let i = 0; i < 5; i++) {
      annotations.step(1);
      seen.push(annotations.activeId!);
      expect(annotations.editing).toBeNull();
    }
    expect(seen).toEqual([...order, order[0]]);
    expect(annotations.scrollRequest).toBe(requests + 5);
    annotations.step(-1);
    expect(annotations.activeId).toBe(order.at(-1));
    expect(annotations.editActive()).toBe(true);
    expect(annotations.editing).toMatchObject({ kind: 'edit', id: order.at(-1) });
  });

  it('keeps a changed draft when the editor is left, and gives it back on return', async () => {
    await annotate('business forums', ['events'], 'first words');
    await annotate('food industry');
    const [forums, food] = annotations.list;
    annotations.edit(forums!);
    annotations.draftFor(annotations.editing!).comment = 'first words, and more';
    annotations.edit(food!);
    expect(annotations.drafts.changedKeys()).toEqual([forums!.id]);
    annotations.step(1);
    expect(annotations.editing).toBeNull();
    annotations.edit(forums!);
    expect(annotations.draftFor(annotations.editing!).comment).toBe('first words, and more');
    annotations.closeEditor(true);
    expect(annotations.drafts.changedKeys()).toEqual([]);
    annotations.edit(forums!);
    expect(annotations.draftFor(annotations.editing!).comment).toBe('first words');
  });

  it('undoes a delete through the core’s history, and redoes it', async () => {
    const stopHistory = undo.connect();
    await annotate('tourism', ['travel'], 'kept');
    const [made] = annotations.list;
    await annotations.remove(made!);
    expect(annotations.list).toHaveLength(0);
    await eventually(() => expect(undo.nextUndo).toBe('Delete annotation'));
    expect(await undo.undo()).toBe(true);
    await eventually(() => expect(annotations.list.map((a) => a.id)).toEqual([made!.id]));
    expect(annotations.list[0]!.comment).toBe('kept');
    expect(undo.nextRedo).toBe('Delete annotation');
    expect(await undo.redo()).toBe(true);
    await eventually(() => expect(annotations.list).toHaveLength(0));
    stopHistory();
  });

  it('follows annotations made, changed and deleted elsewhere, in reading order', async () => {
    const at = (phrase: string) => text.indexOf(phrase);
    const later = await core.notebook.handlers.createAnnotation({
      articleId,
      start: at('tourism'),
      end: at('tourism') + 7,
      tagNames: ['travel'],
      comment: '',
    });
    const earlier = await core.notebook.handlers.createAnnotation({
      articleId,
      start: at('business forums'),
      end: at('business forums') + 15,
      tagNames: [],
      comment: '',
    });
    await eventually(() =>
      expect(annotations.list.map((a) => a.id)).toEqual([earlier.id, later.id]),
    );
    await core.notebook.handlers.updateAnnotation({
      id: later.id,
      tagNames: ['travel'],
      comment: 'changed elsewhere',
    });
    await eventually(() => expect(annotations.list[1]!.comment).toBe('changed elsewhere'));
    await core.notebook.handlers.deleteTag({ id: later.tagIds[0]!, annotations: 'delete' });
    await eventually(() => expect(annotations.list.map((a) => a.id)).toEqual([earlier.id]));
    await eventually(() => expect(codebook.tags).toHaveLength(0));
  });

  it('lets only the last article opened fill the list', async () => {
    const other = await core.notebook.handlers.importText({ text: 'Other\n\nText.' });
    await core.notebook.handlers.createAnnotation({
      articleId,
      start: 0,
      end: 5,
      tagNames: [],
      comment: '',
    });
    const first = annotations.open(articleId);
    await annotations.open(other.id);
    await first;
    expect(annotations.articleId).toBe(other.id);
    expect(annotations.list).toEqual([]);
  });
});
