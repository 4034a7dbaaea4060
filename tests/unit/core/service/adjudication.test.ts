// Adjudication through the dispatcher on a real notebook folder: two coders' passages on the
// sample, each choice decided into the consensus layer (its analyst made once), the decision as
// one undo step, the refusals (a stale key, a decided one, a span outside the text) changing
// nothing, and the consensus layer exported as a coder of its own and kept across a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Disagreement } from '../../../../electron/shared/agreement';
import type { Analyst, Annotation, Article } from '../../../../electron/shared/model';
import { fileOf, readProject, type Node } from '../interchange/read-project';
import { dispatchedNotebook, type DispatchedNotebook } from '../../support/dispatched-notebook';

let nb: DispatchedNotebook;
beforeEach(async () => {
  nb = await dispatchedNotebook('notebook-adjudication-');
});
afterEach(() => nb.close());

const TRADE = 'İqtisadiyyat/Ticarət: şəhər & kənd';
const TOURISM = 'Tourism [ə ş ı İ]?';

/** Makes `name` the analyst coding now (as a second person on this machine would be). */
async function codeAs(name: string, initials: string, color: string): Promise<Analyst> {
  const analyst: Analyst = {
    id: `coder-${initials.toLowerCase()}`,
    name,
    initials,
    color,
    createdAt: '2026-12-01T08:00:00.000Z',
  };
  await nb.notebook.store.commit([
    { kind: 'put', collection: 'analysts', record: analyst },
    { kind: 'meta', key: 'analystId', value: analyst.id },
  ]);
  return analyst;
}

async function code(article: Article, phrase: string, tagNames: string[], comment = '') {
  const start = article.text.indexOf(phrase);
  expect(start, `“${phrase}” in the sample`).toBeGreaterThanOrEqual(0);
  return nb.call('createAnnotation', {
    articleId: article.id,
    start,
    end: start + phrase.length,
    tagNames,
    comment,
  });
}

interface Fixture {
  article: Article;
  a: Analyst;
  b: Analyst;
  lead: Analyst;
  tag: (path: string) => string;
  passages: Record<string, Annotation>;
}

/**
 * Aynur (A) and Boris (B) code the sample: A's "industry, agriculture and the food industry" and
 * B's "agriculture and the food industry" with Trade (A's extra "industry, " is the stretch),
 * A alone "joint tourist routes" and B alone "tourism infrastructure" with Tourism. Then Leyla,
 * who coded nothing, adjudicates.
 */
async function twoCoders(): Promise<Fixture> {
  const [first] = await nb.call('listArticles', {});
  const article = await nb.call('getArticle', { id: first!.id });
  const a = await codeAs('Aynur Həsənova', 'AH', '#f6c343');
  const passages: Record<string, Annotation> = {
    aTrade: await code(
      article,
      'industry, agriculture and the food industry',
      [TRADE],
      'A: sectors',
    ),
    aRoutes: await code(article, 'joint tourist routes', [TOURISM], 'routes 🚌'),
  };
  const b = await codeAs('Boris Ivanov', 'BI', '#7aa7f0');
  passages.bTrade = await code(article, 'agriculture and the food industry', [TRADE], 'B: food');
  passages.bInfra = await code(article, 'tourism infrastructure', [TOURISM]);
  const lead = await codeAs('Leyla Quliyeva', 'LQ', '#b38ff0');
  const tags = new Map((await nb.call('listTags', {})).map((t) => [t.path, t.id]));
  return { article, a, b, lead, tag: (path) => tags.get(path)!, passages };
}

const open = (f: Fixture, input: Record<string, unknown> = {}) =>
  nb.call('getDisagreements', { coders: [f.a.id, f.b.id], ...input });

/** The one open disagreement whose passages are these (by annotation id). */
async function disagreementOf(f: Fixture, aIds: string[], bIds: string[]): Promise<Disagreement> {
  const ids = (list: { annotationId: string }[]) => list.map((p) => p.annotationId).sort();
  const found = (await open(f)).filter(
    (d) =>
      JSON.stringify(ids(d.a)) === JSON.stringify([...aIds].sort()) &&
      JSON.stringify(ids(d.b)) === JSON.stringify([...bIds].sort()),
  );
  expect(found, 'one disagreement with those passages').toHaveLength(1);
  return found[0]!;
}

const consensusOf = () => [...nb.notebook.store.state.analysts.values()].filter((x) => x.role);
const layer = (consensusId: string) =>
  [...nb.notebook.store.state.annotations.values()].filter((x) => x.createdBy === consensusId);
const spanOf = (annotation: Annotation) => {
  const [position] = annotation.selectors;
  return { start: position.start, end: position.end };
};
/** What a refusal must leave alone: every record, as JSON. */
const snapshot = () => {
  const { state } = nb.notebook.store;
  return JSON.stringify([
    [...state.annotations.values()],
    [...state.analysts.values()],
    [...state.adjudications.values()],
  ]);
};

describe('adjudicate', () => {
  it('keeps A’s passage in the consensus layer, made on first use, and remembers the decision', async () => {
    const f = await twoCoders();
    const routes = await disagreementOf(f, [f.passages.aRoutes!.id], []);
    const before = (await open(f)).length;

    const outcome = await nb.call('adjudicate', {
      key: routes.key,
      coders: [f.a.id, f.b.id],
      choice: 'a',
    });

    const consensus = consensusOf();
    expect(consensus).toHaveLength(1);
    expect(consensus[0]).toMatchObject({
      id: outcome.consensusId,
      name: 'Consensus',
      initials: 'CONS',
      role: 'consensus',
    });
    // A colour none of the coders has.
    expect([f.a.color, f.b.color, f.lead.color]).not.toContain(consensus[0]!.color);
    const made = layer(outcome.consensusId);
    expect(made.map((x) => x.id)).toEqual(outcome.annotationIds);
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      articleId: f.article.id,
      tagIds: [f.tag(TOURISM)],
      comment: 'routes 🚌',
      anchor: 'anchored',
      revision: 1,
      createdBy: outcome.consensusId,
    });
    expect(spanOf(made[0]!)).toEqual(spanOf(f.passages.aRoutes!));
    expect(made[0]!.selectors[1].exact).toBe('joint tourist routes');

    const decision = nb.notebook.store.state.adjudications.get(routes.key);
    expect(decision).toMatchObject({
      id: routes.key,
      articleId: f.article.id,
      tagId: f.tag(TOURISM),
      coders: [f.a.id, f.b.id],
      choice: 'a',
      annotationIds: outcome.annotationIds,
      by: f.lead.id,
    });
    // Not open any more; listed as decided when asked for.
    const after = await open(f);
    expect(after.map((d) => d.key)).not.toContain(routes.key);
    expect(after).toHaveLength(before - 1);
    const all = await open(f, { includeDecided: true });
    expect(all.find((d) => d.key === routes.key)?.decided).toBe('a');
    // The coders' own passages are untouched.
    expect(nb.notebook.store.state.annotations.get(f.passages.aRoutes!.id)).toEqual(
      f.passages.aRoutes,
    );
  });

  it('keeps B’s, both, neither or an edited span, into one consensus analyst', async () => {
    const f = await twoCoders();
    const coders = [f.a.id, f.b.id];
    const infra = await disagreementOf(f, [], [f.passages.bInfra!.id]);
    const sectors = await disagreementOf(f, [f.passages.aTrade!.id], [f.passages.bTrade!.id]);
    const routes = await disagreementOf(f, [f.passages.aRoutes!.id], []);

    const keptB = await nb.call('adjudicate', { key: infra.key, coders, choice: 'b' });
    const both = await nb.call('adjudicate', { key: sectors.key, coders, choice: 'both' });
    expect(both.consensusId).toBe(keptB.consensusId);
    expect(consensusOf()).toHaveLength(1);

    const byId = (id: string) => nb.notebook.store.state.annotations.get(id)!;
    expect(keptB.annotationIds.map((id) => spanOf(byId(id)))).toEqual([spanOf(f.passages.bInfra!)]);
    expect(both.annotationIds.map((id) => spanOf(byId(id)))).toEqual([
      spanOf(f.passages.aTrade!),
      spanOf(f.passages.bTrade!),
    ]);
    expect(both.annotationIds.map((id) => byId(id).comment)).toEqual(['A: sectors', 'B: food']);
    for (const id of both.annotationIds) expect(byId(id).tagIds).toEqual([f.tag(TRADE)]);

    // Neither: nothing made, but the decision is kept (not asked again).
    const neither = await nb.call('adjudicate', { key: routes.key, coders, choice: 'neither' });
    expect(neither.annotationIds).toEqual([]);
    expect(nb.notebook.store.state.adjudications.get(routes.key)?.choice).toBe('neither');
    expect(await open(f)).toEqual([]);
    expect(layer(keptB.consensusId)).toHaveLength(3);
  });

  it('keeps an edited span, cut from the current text, with both coders’ comments', async () => {
    const f = await twoCoders();
    const sectors = await disagreementOf(f, [f.passages.aTrade!.id], [f.passages.bTrade!.id]);
    const start = f.article.text.indexOf('industry, agriculture');
    const span = { start, end: start + 'industry, agriculture'.length };
    const edited = await nb.call('adjudicate', {
      key: sectors.key,
      coders: [f.a.id, f.b.id],
      choice: 'edit',
      span,
    });
    const [made] = edited.annotationIds.map((id) => nb.notebook.store.state.annotations.get(id)!);
    expect(spanOf(made!)).toEqual(span);
    expect(made!.selectors[1]).toMatchObject({
      exact: 'industry, agriculture',
      suffix: f.article.text.slice(span.end, span.end + 32),
    });
    expect(made!.comment).toBe('A: sectors\n\nB: food');
  });

  it('is one undo step: the decision, its passages and the analyst it made go, and come back', async () => {
    const f = await twoCoders();
    const routes = await disagreementOf(f, [f.passages.aRoutes!.id], []);
    const before = snapshot();
    await nb.call('adjudicate', { key: routes.key, coders: [f.a.id, f.b.id], choice: 'a' });
    expect((await nb.call('getHistory', {})).undo).toBe('Keep first coder’s passage');

    const undone = await nb.call('undo', {});
    expect(undone.undone).toBe('Keep first coder’s passage');
    expect(snapshot()).toBe(before);
    expect((await open(f)).map((d) => d.key)).toContain(routes.key);

    await nb.call('redo', {});
    expect(nb.notebook.store.state.adjudications.get(routes.key)?.choice).toBe('a');
    expect(consensusOf()).toHaveLength(1);
    expect((await open(f)).map((d) => d.key)).not.toContain(routes.key);
  });

  it('refuses a key the coding changed since, a decided one, and spans outside the text, changing nothing', async () => {
    const f = await twoCoders();
    const coders = [f.a.id, f.b.id];
    const routes = await disagreementOf(f, [f.passages.aRoutes!.id], []);
    const sectors = await disagreementOf(f, [f.passages.aTrade!.id], [f.passages.bTrade!.id]);
    const length = f.article.text.length;

    let before = snapshot();
    for (const span of [
      { start: length - 2, end: length + 5 },
      { start: 0, end: 1 }, // inside the text, but not over the disagreement
    ]) {
      expect(
        await nb.refusal('adjudicate', { key: sectors.key, coders, choice: 'edit', span }),
      ).toMatch(/not inside the article|cover some of the disagreement/);
    }
    const space = f.article.text.indexOf(' ', sectors.span.start);
    expect(
      await nb.refusal('adjudicate', {
        key: sectors.key,
        coders,
        choice: 'edit',
        span: { start: space, end: space + 1 },
      }),
    ).toMatch(/white space/);
    // The schema's refusals: no span for an edit, an empty one, one coder twice, a made-up key.
    expect(await nb.refusal('adjudicate', { key: sectors.key, coders, choice: 'edit' })).toMatch(
      /needs the span/,
    );
    expect(
      await nb.refusal('adjudicate', {
        key: sectors.key,
        coders,
        choice: 'edit',
        span: { start: 5, end: 5 },
      }),
    ).toMatch(/empty/);
    expect(
      await nb.refusal('adjudicate', { key: sectors.key, coders: [f.a.id, f.a.id], choice: 'a' }),
    ).toMatch(/two different coders/);
    expect(await nb.refusal('adjudicate', { key: 'a/b:c:1-2', coders, choice: 'a' })).toMatch(
      /not a disagreement/,
    );
    expect(
      await nb.refusal('adjudicate', { key: sectors.key, coders: [f.a.id, 'nobody'], choice: 'a' }),
    ).toMatch(/coder no longer exists/);
    expect(snapshot()).toBe(before);

    // Decided once: not again.
    await nb.call('adjudicate', { key: routes.key, coders, choice: 'neither' });
    before = snapshot();
    expect(await nb.refusal('adjudicate', { key: routes.key, coders, choice: 'a' })).toMatch(
      /no longer open/,
    );
    expect(snapshot()).toBe(before);

    // B widens their passage: the stretch listed before is not the disagreement any more.
    await nb.call('deleteAnnotation', { id: f.passages.bTrade!.id });
    await codeAs(f.b.name, f.b.initials, f.b.color);
    await code(f.article, 'industry, agriculture and the food', [TRADE]);
    before = snapshot();
    expect(await nb.refusal('adjudicate', { key: sectors.key, coders, choice: 'both' })).toMatch(
      /no longer open: the coding changed/,
    );
    expect(snapshot()).toBe(before);

    // The tag deleted: its disagreements went with it.
    const infra = await disagreementOf(f, [], [f.passages.bInfra!.id]);
    await nb.call('deleteTag', { id: f.tag(TOURISM), annotations: 'keep' });
    before = snapshot();
    expect(await nb.refusal('adjudicate', { key: infra.key, coders, choice: 'b' })).toMatch(
      /no longer open/,
    );
    expect(snapshot()).toBe(before);
  });

  it('exports the consensus layer as a coder of its own and keeps it across a reopen', async () => {
    const f = await twoCoders();
    const coders = [f.a.id, f.b.id];
    const routes = await disagreementOf(f, [f.passages.aRoutes!.id], []);
    const { consensusId, annotationIds } = await nb.call('adjudicate', {
      key: routes.key,
      coders,
      choice: 'a',
    });

    const read = readProject(fileOf(await nb.call('exportNotes', { format: 'refi-qdpx' })));
    const users = ([] as Node[]).concat(read.project.Users?.User ?? []);
    expect(users.map((u) => [u.name, u.id])).toEqual(
      expect.arrayContaining([
        ['Aynur Həsənova', 'AH'],
        ['Boris Ivanov', 'BI'],
        ['Consensus', 'CONS'],
      ]),
    );
    const consensusGuid = users.find((u) => u.name === 'Consensus')!.guid as string;
    const selections = read.sources.flatMap((s) => read.selectionsOf(s));
    const byConsensus = selections.filter((s) => s.creatingUser === consensusGuid);
    expect(byConsensus).toHaveLength(1);

    await nb.reopen();
    expect(nb.notebook.store.state.analysts.get(consensusId)?.role).toBe('consensus');
    expect(nb.notebook.store.state.annotations.get(annotationIds[0]!)?.createdBy).toBe(consensusId);
    expect(nb.notebook.store.state.adjudications.get(routes.key)?.choice).toBe('a');
    // The next decision after a reopen goes into the same layer.
    const infra = await disagreementOf(f, [], [f.passages.bInfra!.id]);
    const next = await nb.call('adjudicate', { key: infra.key, coders, choice: 'b' });
    expect(next.consensusId).toBe(consensusId);
  });
});

describe('copyAgreedPassages', () => {
  it('copies the passages both coders made alike, with the tags both gave, once, as one undo step', async () => {
    const f = await twoCoders();
    // Both code "business circles" alike; A adds a tag B didn't give; B codes it twice (two
    // passages over one span count as one coder's passage with both tags).
    await nb.notebook.store.commit([{ kind: 'meta', key: 'analystId', value: f.a.id }]);
    const aAlike = await code(f.article, 'business circles', [TRADE, 'Elites / ə'], 'A: elites');
    await nb.notebook.store.commit([{ kind: 'meta', key: 'analystId', value: f.b.id }]);
    await code(f.article, 'business circles', [TRADE], 'B: same');
    await code(f.article, 'business circles', [TOURISM]);
    await nb.notebook.store.commit([{ kind: 'meta', key: 'analystId', value: f.lead.id }]);

    const copied = await nb.call('copyAgreedPassages', { coders: [f.a.id, f.b.id] });
    expect(copied.annotationIds).toHaveLength(1);
    const [made] = layer(copied.consensusId);
    expect(spanOf(made!)).toEqual(spanOf(aAlike));
    // Only the tag both gave: A's extra one and B's Tourism are theirs alone.
    expect(made!.tagIds).toEqual([f.tag(TRADE)]);
    expect(made!.comment).toBe('A: elites\n\nB: same');
    expect(consensusOf()).toHaveLength(1);
    expect((await nb.call('getHistory', {})).undo).toBe('Copy agreed passages');

    // Again: the layer holds them already, so nothing is made and no step is added.
    const again = await nb.call('copyAgreedPassages', { coders: [f.b.id, f.a.id] });
    expect(again.annotationIds).toEqual([]);
    expect(layer(copied.consensusId)).toHaveLength(1);

    await nb.call('undo', {});
    expect(layer(copied.consensusId)).toEqual([]);
  });

  it('copies nothing, and makes no consensus layer, when no passage is alike', async () => {
    const f = await twoCoders();
    const before = snapshot();
    const copied = await nb.call('copyAgreedPassages', { coders: [f.a.id, f.b.id] });
    expect(copied).toEqual({ consensusId: '', annotationIds: [] });
    expect(snapshot()).toBe(before);
    await expect(
      nb.call('copyAgreedPassages', { coders: [f.a.id, 'nobody-here'] }),
    ).rejects.toThrow(/coder/i);
  });
});
