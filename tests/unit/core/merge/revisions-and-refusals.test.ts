// Merging where the texts differ (a new revision on one side: their annotations re-anchored onto
// ours, or our annotations onto their text), the same pasted article on both sides, merging back
// the other way with every record counted, and what a merge refuses: its own folder, a folder
// that is no notebook, a damaged one, one from a newer app, a stale preview.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

async function editSample(side: Side, edit: (text: string) => string) {
  const article = await side.sample();
  return side.call('editArticle', { id: article.id, text: edit(article.text) });
}

describe('texts that differ', () => {
  it('re-anchors their annotations made on their new revision onto our text, sending the lost to review', async () => {
    await a.merge(b);
    await b.merge(a);
    await editSample(a, (t) => `A new first line.\n\n${t}`);
    await editSample(b, (t) => t.replace('Russia', 'Rusiya'));
    const kept = await b.annotate('business forums', ['Trade'], 'B on its text');
    const gone = await b.annotate('Rusiya', ['Politics'], 'B, on words only B has');

    const { preview, report } = await a.merge(b, () => 'ours');
    // Both sides changed the text: asked, and ours kept.
    expect(preview.conflicts.map((c) => c.kind)).toEqual(['article']);
    expect(preview.conflicts[0]!.ours.lines.some((l) => l.startsWith('Text: revision 2'))).toBe(
      true,
    );
    expect(
      preview.reanchor.orphaned + preview.reanchor.fuzzy + preview.reanchor.moved,
    ).toBeGreaterThan(0);
    expect(report.toReview).toBeGreaterThan(0);
    const article = await a.sample();
    const placed = byQuote(a, 'business forums')!;
    expect(placed.id).toBe(kept.id);
    expect(placed.anchor).toBe('anchored');
    expect(placed.revision).toBe(article.revision);
    expect(article.text.slice(placed.selectors[0].start, placed.selectors[0].end)).toBe(
      'business forums',
    );
    const orphan = a.notebook.store.state.annotations.get(gone.id)!;
    expect(orphan.anchor).not.toBe('anchored');
    expect(orphan.comment).toBe('B, on words only B has');
    expect(article.revisions.some((r) => r.number === orphan.revision)).toBe(true);
  });

  it('takes their new revision when only they changed the text, our annotations moving onto it', async () => {
    await a.merge(b);
    const ours = await a.annotate('business forums', ['Trade'], 'A');
    await b.merge(a);
    await editSample(b, (t) => `Their new opening.\n\n${t}`);
    const { preview } = await a.merge(b);
    expect(preview.conflicts).toEqual([]);
    expect(preview.updated.articles).toBe(1);
    const article = await a.sample();
    expect(article.revisions.map((r) => r.reason)).toEqual(['import', 'edit']);
    expect(article.text.startsWith('Their new opening.')).toBe(true);
    const moved = a.notebook.store.state.annotations.get(ours.id)!;
    expect(moved.anchor).toBe('anchored');
    expect(moved.revision).toBe(2);
    expect(article.text.slice(moved.selectors[0].start, moved.selectors[0].end)).toBe(
      'business forums',
    );
    // The body came in: the notebook reads it after a restart.
    expect((await a.notebook.store.getBody(article.revisions[1]!.bodyHash)).text).toBe(
      article.text,
    );
  });

  it('matches an article both pasted, and brings in one only they have with its body', async () => {
    const text = 'Xəbər: Bakı və Moskva / ? ] 🤝🏽\n\nİkinci abzas, şəhər.';
    const ours = await a.call('importText', { text, title: 'Ours' });
    const theirs = await b.call('importText', { text, title: 'Ours' });
    const only = await b.call('importText', { text: 'Only theirs, ı İ.', title: 'Theirs only' });
    expect(ours.id).not.toBe(theirs.id);
    await b.call('createAnnotation', {
      articleId: theirs.id,
      start: 0,
      end: 5,
      tagNames: ['Xəbər'],
      comment: '',
    });
    const { preview } = await a.merge(b);
    expect(preview.added.articles).toBe(1);
    const state = a.notebook.store.state;
    const annotation = [...state.annotations.values()].find(
      (x) => x.selectors[1].exact === 'Xəbər',
    )!;
    expect(annotation.articleId).toBe(ours.id);
    expect(state.articles.has(only.id)).toBe(true);
    const body = await a.notebook.store.getBody(
      state.articles.get(only.id)!.revisions[0]!.bodyHash,
    );
    expect(body.text).toBe('Only theirs, ı İ.');
  });
});

describe('nothing lost', () => {
  it('holds every record of both after merging each way, whatever the choices', async () => {
    await a.annotate('business forums', ['Trade', 'Ticarət/Əlaqə'], 'A one');
    await a.annotate('Russia', ['Politics'], 'A two');
    await b.annotate('Azerbaijan', ['Trade'], 'B one');
    await b.annotate('Russia', ['Politics'], 'B two');
    await b.call('importText', { text: 'B’s own article.', title: 'B' });
    const before = { a: holdings(a), b: holdings(b) };
    await a.merge(b, (c) => (c.kind === 'tag-path' ? 'both' : 'theirs'));
    await b.merge(a, () => 'theirs');
    for (const side of [a, b]) {
      const now = holdings(side);
      for (const quote of [...before.a.annotations, ...before.b.annotations]) {
        expect(now.annotations).toContain(quote);
      }
      for (const hash of [...before.a.articles, ...before.b.articles]) {
        expect(now.articles).toContain(hash);
      }
      expect(now.analysts).toEqual(['Leyla Əliyeva', 'Şahin İsmayılov']);
    }
    // Two codes asked for: both tags kept, theirs under its notebook's name.
    expect(holdings(a).tags.filter((t) => t.startsWith('Trade'))).toHaveLength(2);
    expect(holdings(a).annotations).toEqual(holdings(b).annotations);
    const again = await a.preview(b);
    expect(again.conflicts).toEqual([]);
    expect(again.added).toEqual({ articles: 0, annotations: 0, tags: 0 });
  });

  it('undoes a merge as one step, and keeps the notebook id it was given', async () => {
    await b.annotate('Russia', ['Politics'], 'B');
    const before = holdings(a);
    expect(a.notebook.store.state.meta.notebookId).toBeUndefined();
    await a.merge(b);
    const id = a.notebook.store.state.meta.notebookId;
    expect(id).toBeDefined();
    expect(a.notebook.store.state.peers.size).toBe(1);
    await a.call('undo', {});
    expect(holdings(a)).toEqual(before);
    expect(a.notebook.store.state.peers.size).toBe(0);
    expect(a.notebook.store.state.meta.notebookId).toBe(id);
  });
});

describe('refusals', () => {
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'notebook-merge-refuse-'));
  });
  afterEach(() => rm(scratch, { recursive: true, force: true }));

  it('refuses the notebook itself, a folder that is none, a damaged one and a newer one', async () => {
    await expect(a.notebook.previewMergeFrom(a.dir)).rejects.toThrow(/this notebook itself/);
    const empty = join(scratch, 'Boş qovluq ə');
    await mkdir(empty);
    await expect(a.notebook.previewMergeFrom(empty)).rejects.toThrow(/is not a notebook folder/);
    await expect(a.notebook.previewMergeFrom(join(scratch, 'missing'))).rejects.toThrow(
      /not a folder that can be read/,
    );
    const damaged = join(scratch, 'damaged');
    await mkdir(damaged);
    await writeFile(join(damaged, 'notebook.json'), '{"version": 2, "journal');
    await expect(a.notebook.previewMergeFrom(damaged)).rejects.toThrow(/is damaged/);
    const newer = join(scratch, 'newer');
    await mkdir(newer);
    await writeFile(join(newer, 'notebook.json'), JSON.stringify({ version: 99, journalSeq: 0 }));
    await expect(a.notebook.previewMergeFrom(newer)).rejects.toThrow(/newer version/);
    // Nothing changed here, nothing written there.
    expect(a.notebook.store.state.peers.size).toBe(0);
    expect(a.notebook.store.state.meta.notebookId).toBeUndefined();
  });

  it('refuses a stale preview: another token, a change here, or a change there', async () => {
    await b.annotate('Russia', ['Politics'], 'B');
    expect(await a.refusal('applyMerge', { token: 'nonsense', choices: {} })).toMatch(
      /preview it again/,
    );
    let preview = await a.preview(b);
    await a.annotate('business forums', ['Trade'], 'meanwhile here');
    expect(await a.refusal('applyMerge', { token: preview.token, choices: {} })).toMatch(
      /preview it again/,
    );
    preview = await a.preview(b);
    await b.annotate('Azerbaijan', ['Trade'], 'meanwhile there');
    expect(await a.refusal('applyMerge', { token: preview.token, choices: {} })).toMatch(
      /changed since the preview/,
    );
    expect(a.notebook.store.state.peers.size).toBe(0);
    preview = await a.preview(b);
    expect(
      await a.refusal('applyMerge', { token: preview.token, choices: { x: 'perhaps' } }),
    ).toBeTypeOf('string');
    expect(a.notebook.store.state.peers.size).toBe(0);
    // The same preview still applies once the choices are ones a merge makes.
    await a.call('applyMerge', { token: preview.token, choices: {} });
    expect(a.notebook.store.state.peers.size).toBe(1);
    // An applied preview is spent.
    expect(await a.refusal('applyMerge', { token: preview.token, choices: {} })).toMatch(
      /preview it again/,
    );
  });
});
