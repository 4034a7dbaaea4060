// The codebook as a tree, who is coding, and the codebook's change log: through the dispatcher
// (so every input passes its schema), on a real notebook folder, across a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CodebookEvent, TagWithCount } from '../../../../electron/shared/model';
import { snapshotDir } from '../../support/dir-snapshot';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-codebook-');
});
afterEach(() => nb.close());

const call: DispatchedNotebook['call'] = (name, input) => nb.call(name, input);
const refusal: DispatchedNotebook['refusal'] = (name, input) => nb.refusal(name, input);

const tags = () => call('listTags', {});
const byPath = async () => new Map((await tags()).map((t) => [t.path, t]));

async function annotate(phrase: string, tagNames: string[]) {
  const [summary] = await call('listArticles', {});
  const article = await call('getArticle', { id: summary!.id });
  const start = article.text.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment: '',
  });
}

describe('the analyst', () => {
  it('is asked for once: absent at first, then named, renamed, and kept across a reopen', async () => {
    const first = await call('getStartup', {});
    expect(first.analyst).toBeUndefined();
    expect(typeof first.suggestedAnalystName).toBe('string');

    const named = await call('setAnalyst', { name: '  Leyla Əliyeva  ' });
    expect(named).toMatchObject({ name: 'Leyla Əliyeva', initials: 'LƏ' });
    expect(named.color).toMatch(/^#[0-9a-f]{6}$/);
    const renamed = await call('setAnalyst', {
      name: 'Leyla Aliyeva',
      initials: 'LA',
      color: '#7aa7f0',
    });
    expect(renamed.id).toBe(named.id);

    await nb.reopen();
    expect((await call('getStartup', {})).analyst).toEqual(renamed);
    expect(await call('listAnalysts', {})).toEqual([renamed]);
  });

  it('is named on every annotation, memo and codebook change made after', async () => {
    const before = await annotate('Rufat Mammadov', ['people']);
    expect(before).not.toHaveProperty('createdBy');
    const me = await call('setAnalyst', { name: 'Leyla' });
    const made = await annotate('business circles', ['economy/business']);
    expect(made.createdBy).toBe(me.id);
    const changed = await call('updateAnnotation', {
      id: before.id,
      tagNames: ['people'],
      comment: 'x',
    });
    expect(changed).toMatchObject({ updatedBy: me.id });
    expect(changed).not.toHaveProperty('createdBy');
    const [summary] = await call('listArticles', {});
    await call('setMemo', { articleId: summary!.id, memo: 'Note / with a slash' });
    expect(await call('getArticleRecord', { id: summary!.id })).toMatchObject({
      memoUpdatedBy: me.id,
      memo: 'Note / with a slash',
    });
    const paths = await byPath();
    expect(paths.get('economy')!.createdBy).toBe(me.id);
    expect(paths.get('people')).not.toHaveProperty('createdBy');
    const log = await call('listCodebookLog', {});
    expect(log.filter((e) => e.by === me.id).map((e) => e.path)).toEqual([
      'economy',
      'economy/business',
    ]);
  });

  it('refuses an empty name or one of several lines, and changes nothing', async () => {
    const before = await snapshotDir(nb.dir);
    expect(await refusal('setAnalyst', { name: '   ' })).toMatch(/name/);
    expect(await refusal('setAnalyst', { name: 'a\nb' })).toMatch(/one line/);
    expect(await refusal('setAnalyst', { name: 'Leyla', initials: 'ABCDE' })).toBeTruthy();
    expect(await snapshotDir(nb.dir)).toEqual(before);
  });
});

describe('the tag tree', () => {
  it('makes the tags a typed path names, reuses existing ones, and lists parents before children', async () => {
    await annotate('business circles', ['Economy/Trade/Exports', 'Economy / Energy']);
    await annotate('food industry', ['economy/trade']);
    const listed = await tags();
    expect(listed.map((t) => t.path)).toEqual([
      'Economy',
      'Economy/Energy',
      'Economy/Trade',
      'Economy/Trade/Exports',
    ]);
    const paths = new Map(listed.map((t) => [t.path, t]));
    expect(paths.get('Economy/Trade')!.parentId).toBe(paths.get('Economy')!.id);
    expect(paths.get('Economy')).not.toHaveProperty('parentId');
  });

  it('rolls counts up the tree, counting an annotation once however many of its tags are below', async () => {
    await annotate('business circles', ['Economy/Trade', 'Economy/Energy']);
    await annotate('food industry', ['Economy']);
    await annotate('tourism', ['Politics']);
    const paths = await byPath();
    const counts = (p: string) => [paths.get(p)!.count, paths.get(p)!.total];
    expect(counts('Economy')).toEqual([1, 2]);
    expect(counts('Economy/Trade')).toEqual([1, 1]);
    expect(counts('Politics')).toEqual([1, 1]);
  });

  it('lets the same name live under different parents, and asks for the path when a bare name is ambiguous', async () => {
    await annotate('business circles', ['Economy/Energy', 'Politics/Energy']);
    const paths = await byPath();
    expect(paths.get('Economy/Energy')!.id).not.toBe(paths.get('Politics/Energy')!.id);
    const message = await refusal('createAnnotation', {
      articleId: (await call('listArticles', {}))[0]!.id,
      start: 0,
      end: 5,
      tagNames: ['energy'],
      comment: '',
    });
    expect(message).toContain('2 tags are named “energy”');
    expect(message).toContain('“Economy/Energy” or “Politics/Energy”');
    // A bare name that only one tag has finds it wherever it is.
    const single = await annotate('food industry', ['Politics/Elections']);
    const again = await annotate('tourism', ['elections']);
    expect(again.tagIds).toEqual(single.tagIds.filter((id) => id !== paths.get('Politics')!.id));
  });

  it('creates, moves and renames tags keeping names unique among siblings only', async () => {
    const economy = await call('createTag', { name: 'Economy' });
    const politics = await call('createTag', { name: 'Politics' });
    const energy = await call('createTag', { name: 'Energy', parentId: economy.id });
    await call('createTag', { name: 'energy', parentId: politics.id });
    expect(await refusal('createTag', { name: 'ENERGY', parentId: economy.id })).toContain(
      '“Economy/Energy” already exists',
    );
    expect(await refusal('createTag', { name: 'Oil/Gas' })).toContain('“/”');
    expect(await refusal('updateTag', { id: energy.id, parentId: politics.id })).toContain(
      '“Politics/energy” already exists',
    );
    await call('updateTag', { id: energy.id, name: 'Oil and gas' });
    await call('updateTag', { id: energy.id, parentId: politics.id });
    expect((await byPath()).has('Politics/Oil and gas')).toBe(true);
    await call('updateTag', { id: energy.id, parentId: null });
    expect((await byPath()).get('Oil and gas')).not.toHaveProperty('parentId');
  });

  it('refuses to put a tag under itself or its own descendants, or deeper than the limit', async () => {
    const a = await call('createTag', { name: 'A' });
    const b = await call('createTag', { name: 'B', parentId: a.id });
    const c = await call('createTag', { name: 'C', parentId: b.id });
    const before = await snapshotDir(nb.dir);
    expect(await refusal('updateTag', { id: a.id, parentId: c.id })).toContain(
      'under itself or a tag below it',
    );
    expect(await refusal('updateTag', { id: a.id, parentId: a.id })).toContain('under itself');
    const deep = Array.from({ length: 9 }, (_, i) => `L${i}`).join('/');
    const article = (await call('listArticles', {}))[0]!;
    expect(
      await refusal('createAnnotation', {
        articleId: article.id,
        start: 0,
        end: 5,
        tagNames: [deep],
        comment: '',
      }),
    ).toContain('at most 8 levels');
    expect(await snapshotDir(nb.dir)).toEqual(before);
  });

  it('merges a tag into another: its annotations and its children go to the target', async () => {
    await annotate('business circles', ['Trade/Exports', 'Economy']);
    await annotate('food industry', ['Trade']);
    let paths = await byPath();
    const trade = paths.get('Trade')!;
    const economy = paths.get('Economy')!;
    await call('mergeTags', { sourceId: trade.id, targetId: economy.id });
    paths = await byPath();
    expect([...paths.keys()]).toEqual(['Economy', 'Economy/Exports']);
    expect([paths.get('Economy')!.count, paths.get('Economy')!.total]).toEqual([2, 2]);
    const [merge] = (await call('listCodebookLog', {})).filter((e) => e.operation === 'merge');
    expect(merge).toMatchObject({
      path: 'Trade',
      other: { tagId: economy.id, path: 'Economy' },
      annotations: 1,
      children: 1,
    });
  });

  it('refuses merges that would lose a child or put a tag under itself', async () => {
    await annotate('business circles', ['Trade/Exports', 'Economy/Exports']);
    const paths = await byPath();
    expect(
      await refusal('mergeTags', {
        sourceId: paths.get('Trade')!.id,
        targetId: paths.get('Economy')!.id,
      }),
    ).toContain('Both have a tag named “Exports”');
    expect(
      await refusal('mergeTags', {
        sourceId: paths.get('Trade')!.id,
        targetId: paths.get('Trade/Exports')!.id,
      }),
    ).toContain('merge the other way');
  });

  it('deletes a tag lifting its children to its parent, with the fate chosen for its annotations', async () => {
    await annotate('business circles', ['Economy/Trade/Exports']);
    await annotate('food industry', ['Economy/Trade']);
    const paths = await byPath();
    const result = await call('deleteTag', {
      id: paths.get('Economy/Trade')!.id,
      annotations: 'delete',
    });
    expect(result).toEqual({ deletedAnnotations: 1, liftedChildren: 1 });
    expect([...(await byPath()).keys()]).toEqual(['Economy', 'Economy/Exports']);
  });

  it('splits a tag: the chosen annotations go to a new sibling with the same guidance', async () => {
    const parent = await call('createTag', { name: 'Economy' });
    await call('createTag', {
      name: 'Trade',
      parentId: parent.id,
      description: 'Goods crossing borders.',
      whenToUse: 'Exports, imports, tariffs.',
      whenNotToUse: 'Investment.',
      example: '“trade turnover grew 12%”',
    });
    const one = await annotate('business circles', ['Economy/Trade']);
    const two = await annotate('food industry', ['Economy/Trade']);
    const paths = await byPath();
    const made = await call('splitTag', {
      id: paths.get('Economy/Trade')!.id,
      name: 'Food trade',
      annotationIds: [two.id],
    });
    expect(made).toMatchObject({ parentId: parent.id, whenToUse: 'Exports, imports, tariffs.' });
    const after = await call('getAnnotations', { ids: [one.id, two.id] });
    expect(after.map((a) => a.tagIds)).toEqual([[paths.get('Economy/Trade')!.id], [made.id]]);
    expect(
      await refusal('splitTag', { id: made.id, name: 'Again', annotationIds: [one.id] }),
    ).toContain('not tagged “Economy/Food trade”');
  });

  it('reads a tag from before the tree whose name holds a slash by its whole name', async () => {
    // What an older version could create: a top-level tag named with a slash.
    const old = {
      id: 'legacy',
      name: 'Russia/Azerbaijan',
      color: '#f6c343',
      description: '',
      whenToUse: '',
      whenNotToUse: '',
      example: '',
      createdAt: '2026-01-01T00:00:00.000Z',
    };
    await nb.notebook.store.commit([{ kind: 'put', collection: 'tags', record: old }]);
    const made = await annotate('business circles', ['russia/azerbaijan']);
    expect(made.tagIds).toEqual(['legacy']);
  });
});

describe('the codebook’s change log', () => {
  it('records each operation with who, when and what, in order, and keeps it across a reopen', async () => {
    const me = await call('setAnalyst', { name: 'Leyla' });
    const economy = await call('createTag', { name: 'Economy' });
    const trade = await call('createTag', { name: 'Trade' });
    await call('updateTag', { id: trade.id, name: 'Commerce', color: '#5fc3e4' });
    await call('updateTag', { id: trade.id, parentId: economy.id });
    await call('updateTag', { id: trade.id, whenToUse: 'Buying and selling.' });
    await call('updateTag', { id: trade.id, whenToUse: 'Buying and selling.' });
    await call('deleteTag', { id: economy.id, annotations: 'keep' });

    await nb.reopen();
    const log = await call('listCodebookLog', {});
    const brief = (e: CodebookEvent) => [e.operation, e.path, e.to ?? e.children ?? ''];
    expect(log.map(brief)).toEqual([
      ['create', 'Economy', ''],
      ['create', 'Trade', ''],
      ['rename', 'Trade', 'Commerce'],
      ['recolour', 'Trade', '#5fc3e4'],
      ['move', 'Commerce', 'Economy'],
      ['describe', 'Economy/Commerce', ''],
      ['delete', 'Economy', 1],
    ]);
    expect(log.every((e) => e.by === me.id)).toBe(true);
    const times = log.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const commerce = (await tags()).find((t: TagWithCount) => t.id === trade.id)!;
    expect(commerce).toMatchObject({ path: 'Commerce', whenToUse: 'Buying and selling.' });
  });

  it('writes nothing, and makes no undo step, for an update that changes nothing', async () => {
    const tag = await call('createTag', { name: 'Economy', description: 'Money.' });
    const before = await snapshotDir(nb.dir);
    await call('updateTag', { id: tag.id, name: 'Economy', description: 'Money.' });
    expect(await snapshotDir(nb.dir)).toEqual(before);
    expect(await call('getHistory', {})).toEqual({ undo: 'Create tag' });
  });

  it('writes nothing for a refused operation', async () => {
    await call('createTag', { name: 'Economy' });
    const before = (await call('listCodebookLog', {})).length;
    await refusal('createTag', { name: 'economy' });
    expect(await call('listCodebookLog', {})).toHaveLength(before);
  });
});
