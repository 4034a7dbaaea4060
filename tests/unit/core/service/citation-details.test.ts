// The citation fields of an article's details, through the dispatcher as the window sends them:
// a DOI and a web address are kept in one form however they are typed, junk is refused in words,
// and a caller that leaves the fields out leaves them as they were.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { ArticleSummary } from '../../../../electron/shared/model';

let dir: string;
let notebook: Notebook;
let dispatch: Dispatch;
let id: string;

const base = {
  title: 'Ties',
  authors: ['Leyla Əliyeva'],
  published: '2019-05-04',
  source: 'a.txt',
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-citation-'));
  notebook = await openNotebook({ dataDir: dir });
  dispatch = createDispatcher(notebook.handlers, () => undefined);
  ({ id } = await notebook.handlers.importText({ text: 'Ties\n\nA paragraph.' }));
});
afterAll(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

async function update(fields: Record<string, unknown>): Promise<ArticleSummary> {
  const answer = await dispatch('updateArticleDetails', { id, ...base, ...fields });
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value as ArticleSummary;
}

describe('citation details', () => {
  it('start empty on an imported text', async () => {
    const [summary] = await notebook.handlers.listArticles({});
    expect(summary).toMatchObject({ publication: '', url: '', doi: '' });
  });

  it('keep a DOI bare and lower-case, whichever way it is typed', async () => {
    for (const typed of [
      '10.1000/XYZ123',
      'doi:10.1000/xyz123',
      'https://doi.org/10.1000/Xyz123.',
    ]) {
      expect((await update({ doi: typed })).doi).toBe('10.1000/xyz123');
    }
  });

  it('keep a web address in its parsed form and refuse other schemes', async () => {
    const saved = await update({ url: ' https://Example.org/a b?q=ə#top ', publication: 'Xəbər' });
    expect(saved.url).toBe('https://example.org/a%20b?q=%C9%99#top');
    expect(saved.publication).toBe('Xəbər');
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'example.org']) {
      const answer = await dispatch('updateArticleDetails', { id, ...base, url });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
      expect(!answer.ok && answer.error.message).toContain('http:// or https://');
    }
    const junk = await dispatch('updateArticleDetails', { id, ...base, doi: 'not a doi' });
    expect(!junk.ok && junk.error.message).toContain('10.');
  });

  it('stay as they were when a caller leaves them out, and clear when sent empty', async () => {
    await update({ doi: '10.1000/keep', url: 'https://example.org/keep', publication: 'Kept' });
    const untouched = await update({ title: 'Renamed' });
    expect(untouched).toMatchObject({
      title: 'Renamed',
      doi: '10.1000/keep',
      url: 'https://example.org/keep',
      publication: 'Kept',
    });
    const cleared = await update({ doi: '', url: '', publication: '' });
    expect(cleared).toMatchObject({ doi: '', url: '', publication: '' });
    const reopened = await notebook.handlers.getArticleRecord({ id });
    expect(reopened).toMatchObject({ doi: '', url: '', publication: '' });
  });
});
