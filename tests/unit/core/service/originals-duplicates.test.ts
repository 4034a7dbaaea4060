// The file an article came from is kept byte for byte and handed back; a file already in the
// notebook is recognised (same bytes, or the same text) and imported again only when asked.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { makeDocx } from '../import/formats/make-files';

let dir: string;
let notebook: Notebook;
let dispatch: Dispatch;
const h = () => notebook.handlers;
const text = (s: string) => new TextEncoder().encode(s);

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-originals-'));
  notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
  dispatch = createDispatcher(notebook.handlers, () => undefined);
});
afterEach(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the original file', () => {
  it('is kept under the sha-256 of its bytes and handed back exactly', async () => {
    const bytes = await makeDocx();
    const summary = await h().importFile({ fileName: 'ferries.docx', bytes });
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(await readdir(join(dir, 'originals'))).toEqual([hash]);
    expect(new Uint8Array(await readFile(join(dir, 'originals', hash)))).toEqual(bytes);
    const answer = await dispatch('openOriginal', { id: summary.id });
    expect(answer).toMatchObject({
      ok: true,
      value: {
        kind: 'download',
        fileName: 'ferries.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      },
    });
    expect(answer.ok && (answer.value as { bytes: Uint8Array }).bytes).toEqual(bytes);
  });

  it('is the newest one after a re-import, and survives a reopening', async () => {
    const first = await h().importFile({ fileName: 'note.txt', bytes: text('Note\n\nFirst.') });
    await h().reimportArticle({
      id: first.id,
      fileName: 'note v2.md',
      bytes: text('Note\n\nSecond.'),
    });
    await notebook.store.close();
    notebook = await openNotebook({ dataDir: dir, compactAfterMs: 60_000 });
    const outcome = await notebook.handlers.openOriginal({ id: first.id });
    expect(outcome).toMatchObject({
      kind: 'download',
      fileName: 'note v2.md',
      mimeType: 'text/markdown',
    });
    expect(new TextDecoder().decode((outcome as { bytes: Uint8Array }).bytes)).toBe(
      'Note\n\nSecond.',
    );
  });

  it('does not exist for pasted text, and says so', async () => {
    const pasted = await h().importText({ text: 'Pasted\n\nText.' });
    const answer = await dispatch('openOriginal', { id: pasted.id });
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(!answer.ok && answer.error.message).toContain('not imported from a file');
  });

  it('that was damaged on disk is refused rather than handed over changed', async () => {
    const summary = await h().importFile({ fileName: 'a.txt', bytes: text('A\n\nText.') });
    const [hash] = await readdir(join(dir, 'originals'));
    await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'originals', hash!), 'X'));
    await expect(h().openOriginal({ id: summary.id })).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('a file already in the notebook', () => {
  it('is refused with the article it is in, the same bytes or the same text', async () => {
    const bytes = text('Ties\n\nThe same text twice.');
    const first = await h().importFile({ fileName: 'ties.txt', bytes });
    const again = await dispatch('importFile', { fileName: 'ties copy.txt', bytes });
    expect(again).toEqual({
      ok: false,
      error: {
        code: 'conflict',
        message: '“ties copy.txt” is already in the notebook, as “Ties”.',
        duplicateOf: { id: first.id, title: 'Ties' },
      },
    });
    // Other bytes (Windows line ends), the same text once read.
    const crlf = await dispatch('importFile', {
      fileName: 'ties.txt',
      bytes: text('Ties\r\n\r\nThe same text twice.'),
    });
    expect(crlf).toMatchObject({ ok: false, error: { duplicateOf: { id: first.id } } });
    expect(await h().listArticles({})).toHaveLength(1);
  });

  it('is imported again when asked', async () => {
    const bytes = text('Ties\n\nThe same text twice.');
    await h().importFile({ fileName: 'ties.txt', bytes });
    const answer = await dispatch('importFile', {
      fileName: 'ties.txt',
      bytes,
      allowDuplicate: true,
    });
    expect(answer.ok).toBe(true);
    expect(await h().listArticles({})).toHaveLength(2);
  });
});

describe('reading the original again', () => {
  it('makes a new revision from the kept bytes, and says so when nothing would change', async () => {
    const summary = await h().importFile({ fileName: 'n.txt', bytes: text('Note\n\nAs filed.') });
    await expect(h().rereadOriginal({ id: summary.id })).rejects.toMatchObject({
      code: 'conflict',
    });
    await h().editArticle({ id: summary.id, text: 'Note\n\nAs edited.' });
    const outcome = await h().rereadOriginal({ id: summary.id });
    expect(outcome.article.revision).toBe(3);
    const article = await h().getArticle({ id: summary.id });
    expect(article.text).toBe('Note\n\nAs filed.');
    expect(article.revisions.at(-1)).toMatchObject({
      reason: 'reimport',
      original: { name: 'n.txt' },
    });
  });

  it('is refused for pasted text', async () => {
    const pasted = await h().importText({ text: 'Pasted\n\nText.' });
    await expect(h().rereadOriginal({ id: pasted.id })).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});
