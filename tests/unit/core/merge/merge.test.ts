// Merging another analyst's notebook folder, with two real notebooks open in temp folders: the
// same article imported on both sides, tags with one path under two ids, edits and deletes on
// either side since they last met, a new revision on one side, twice in a row and back the other
// way; and nothing lost whatever is chosen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holdings, openSide, type Side } from './two-notebooks';

let a: Side;
let b: Side;
beforeEach(async () => {
  a = await openSide('a', 'Leyla Əliyeva', '2026-03-01T09:00:00Z');
  b = await openSide('b', 'Şahin İsmayılov', '2026-03-01T10:00:00Z');
});
afterEach(async () => {
  await a.close();
  await b.close();
});

const byQuote = (side: Side, quote: string) =>
  [...side.notebook.store.state.annotations.values()].find((x) => x.selectors[1].exact === quote);

describe('the first merge', () => {
  it('matches the article both imported, asks about a tag both made, and brings their work in', async () => {
    await a.annotate('business forums', ['Trade'], 'Ours ə');
    await b.annotate('Russia', ['Trade'], 'Theirs ş 🤝🏽');
    await b.annotate('Azerbaijan', ['Energy/Gas ı'], 'Theirs İ');

    const preview = await a.preview(b);
    expect(preview.source).toEqual({
      name: expect.stringMatching(/^notebook-merge-b-/),
      analysts: ['Şahin İsmayılov'],
    });
    expect(preview.lastMet).toBeUndefined();
    // The sample is one article on both sides: nothing to add there.
    expect(preview.added).toEqual({ articles: 0, annotations: 2, tags: 2 });
    expect(preview.conflicts.map((c) => c.kind)).toEqual(['tag-path']);
    const [question] = preview.conflicts;
    expect(question!.ours.label).toBe('Trade');
    expect(question!.theirs.label).toBe('Trade');
    expect(question!.choices).toEqual(['ours', 'theirs', 'both']);
    expect(question!.ours.changedBy).toBe('Leyla Əliyeva');
    expect(question!.theirs.changedBy).toBe('Şahin İsmayılov');

    const report = await a.call('applyMerge', { token: preview.token, choices: {} });
    expect(report.added).toEqual({ articles: 0, annotations: 2, tags: 2 });
    expect(report.decided).toEqual({ ours: 1, theirs: 0, both: 0 });
    const theirs = byQuote(a, 'Russia')!;
    const trade = [...a.notebook.store.state.tags.values()].filter((t) => t.name === 'Trade');
    expect(trade).toHaveLength(1);
    expect(theirs.tagIds).toEqual([trade[0]!.id]);
    expect(theirs.comment).toBe('Theirs ş 🤝🏽');
    expect(theirs.anchor).toBe('anchored');
    expect(holdings(a).analysts).toEqual(['Leyla Əliyeva', 'Şahin İsmayılov']);
    expect(holdings(a).tags).toEqual(['Energy', 'Gas ı', 'Trade']);
    // One step to undo, named as the analyst did it.
    expect(await a.call('getHistory', {})).toEqual({ undo: 'Merge notebook' });
  });
});

describe('after the first merge', () => {
  /** A and B both hold the same three annotations after A merged B and B merged A. */
  async function meet() {
    await a.annotate('business forums', ['Trade'], 'one');
    await b.annotate('Russia', ['Politics'], 'two');
    await b.annotate('Azerbaijan', ['Politics'], 'three');
    await a.merge(b);
    await b.merge(a);
    expect(holdings(a).annotations).toEqual(holdings(b).annotations);
  }

  it('asks nothing the second time when nothing changed', async () => {
    await meet();
    const again = await a.preview(b);
    expect(again.lastMet).toBeDefined();
    expect(again.conflicts).toEqual([]);
    const none = { articles: 0, annotations: 0, tags: 0 };
    expect([again.added, again.updated, again.deleted]).toEqual([none, none, none]);
    const back = await b.preview(a);
    expect(back.conflicts).toEqual([]);
    expect([back.added, back.updated, back.deleted]).toEqual([none, none, none]);
  });

  it('takes the side that changed, asks where both did, and keeps ours where only ours did', async () => {
    await meet();
    const id = (quote: string) => byQuote(a, quote)!.id;
    const edit = (side: Side, quote: string, comment: string, tags = ['Politics']) =>
      side.call('updateAnnotation', { id: id(quote), tagNames: tags, comment });
    await edit(b, 'Russia', 'two, as B wrote it / ? ]');
    await edit(a, 'Azerbaijan', 'three, as A wrote it');
    await edit(b, 'Azerbaijan', 'three, as B wrote it');
    await edit(a, 'business forums', 'one, A again', ['Trade']);

    const { preview, report } = await a.merge(b, (c) =>
      c.kind === 'annotation' ? 'theirs' : undefined,
    );
    expect(preview.updated.annotations).toBe(1);
    expect(report.updated.annotations).toBe(2);
    expect(preview.conflicts).toHaveLength(1);
    const [both] = preview.conflicts;
    expect(both).toMatchObject({ kind: 'annotation', choices: ['ours', 'theirs', 'both'] });
    expect(both!.ours.lines).toEqual(['Comment: three, as A wrote it']);
    expect(both!.theirs.lines).toEqual(['Comment: three, as B wrote it']);
    expect(both!.ours.changedBy).toBe('Leyla Əliyeva');
    expect(both!.theirs.changedBy).toBe('Şahin İsmayılov');
    expect(report.decided).toEqual({ ours: 0, theirs: 1, both: 0 });
    expect(byQuote(a, 'Russia')!.comment).toBe('two, as B wrote it / ? ]');
    expect(byQuote(a, 'Azerbaijan')!.comment).toBe('three, as B wrote it');
    expect(byQuote(a, 'business forums')!.comment).toBe('one, A again');

    // Ours stays ours at the next merge: the other side did not change it since.
    const again = await a.preview(b);
    expect(again.conflicts).toEqual([]);
    expect(again.updated.annotations).toBe(0);
  });

  it('keeps both versions of an annotation when asked to', async () => {
    await meet();
    const target = byQuote(a, 'Azerbaijan')!;
    await a.call('updateAnnotation', { id: target.id, tagNames: ['Politics'], comment: 'A' });
    await b.call('updateAnnotation', { id: target.id, tagNames: ['Politics'], comment: 'B' });
    const before = a.notebook.store.state.annotations.size;
    await a.merge(b, () => 'both');
    const comments = [...a.notebook.store.state.annotations.values()]
      .filter((x) => x.selectors[1].exact === 'Azerbaijan')
      .map((x) => x.comment)
      .sort();
    expect(comments).toEqual(['A', 'B']);
    expect(a.notebook.store.state.annotations.size).toBe(before + 1);
  });

  it('follows a delete against an unchanged record, and asks when the record changed', async () => {
    await meet();
    const russia = byQuote(a, 'Russia')!.id;
    const azerbaijan = byQuote(a, 'Azerbaijan')!.id;
    await b.call('deleteAnnotation', { id: russia });
    await b.call('deleteAnnotation', { id: azerbaijan });
    await a.call('updateAnnotation', {
      id: azerbaijan,
      tagNames: ['Politics'],
      comment: 'still needed',
    });
    expect(b.notebook.store.state.tombstones.has(russia)).toBe(true);

    const preview = await a.preview(b);
    expect(preview.deleted.annotations).toBe(1);
    expect(preview.conflicts).toHaveLength(1);
    const [deleted] = preview.conflicts;
    expect(deleted!.ours.present).toBe(true);
    expect(deleted!.theirs).toMatchObject({
      present: false,
      lines: ['Deleted'],
      changedBy: 'Şahin İsmayılov',
    });
    expect(deleted!.choices).toEqual(['ours', 'theirs']);
    await a.call('applyMerge', { token: preview.token, choices: {} });
    expect(a.notebook.store.state.annotations.has(russia)).toBe(false);
    expect(a.notebook.store.state.tombstones.has(russia)).toBe(true);
    expect(byQuote(a, 'Azerbaijan')!.comment).toBe('still needed');

    // Their delete of what we changed, taken this time.
    const again = await a.preview(b);
    expect(again.conflicts).toEqual([]);
  });

  it('keeps our delete of an unchanged record, and asks when they changed it', async () => {
    await meet();
    const russia = byQuote(a, 'Russia')!.id;
    const azerbaijan = byQuote(a, 'Azerbaijan')!.id;
    await a.call('deleteAnnotation', { id: russia });
    await a.call('deleteAnnotation', { id: azerbaijan });
    await b.call('updateAnnotation', {
      id: azerbaijan,
      tagNames: ['Politics'],
      comment: 'B kept on',
    });
    const preview = await a.preview(b);
    expect(preview.added.annotations).toBe(0);
    expect(preview.conflicts.map((c) => [c.kind, c.ours.present, c.theirs.present])).toEqual([
      ['annotation', false, true],
    ]);
    await a.call('applyMerge', {
      token: preview.token,
      choices: { [preview.conflicts[0]!.id]: 'theirs' },
    });
    expect(a.notebook.store.state.annotations.has(russia)).toBe(false);
    expect(byQuote(a, 'Azerbaijan')!.comment).toBe('B kept on');
  });

  it('asks about a tag both changed, and follows a rename on one side', async () => {
    await meet();
    const tags = a.notebook.store.state.tags;
    const politics = [...tags.values()].find((t) => t.name === 'Politics')!;
    const trade = [...tags.values()].find((t) => t.name === 'Trade')!;
    await b.call('updateTag', { id: trade.id, name: 'Trade ə/ş'.replace('/', ' ') });
    await a.call('updateTag', { id: politics.id, color: '#112233' });
    await b.call('updateTag', { id: politics.id, color: '#445566' });
    const { preview } = await a.merge(b, () => 'theirs');
    expect(preview.conflicts.map((c) => c.kind)).toEqual(['tag']);
    expect(preview.conflicts[0]!.ours.lines).toEqual(['Colour: #112233']);
    expect(preview.conflicts[0]!.theirs.lines).toEqual(['Colour: #445566']);
    expect(tags.get(trade.id)!.name).toBe('Trade ə ş');
    expect(tags.get(politics.id)!.color).toBe('#445566');
    expect(tags.get(trade.id)!.updatedBy).toBe(b.notebook.store.state.meta.analystId);
  });
});
