// A body file missing or damaged on disk: the article and revision are named at start, every
// other article still opens and exports (a whole-notebook export leaves the broken one out and
// says so), and importing the original file again repairs it. Through the real handlers.
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import type { Startup } from '../../../../electron/shared/contract';
import { makeTempDir } from '../../../fixtures/store/notebook-fixtures';
import { exportedText } from '../../support/exported-text';

let dir: string;
let cleanup: () => Promise<void>;
let notebook: Notebook;
let ids = 0;
beforeEach(async () => {
  ({ dir, cleanup } = await makeTempDir());
  notebook = await open();
});
afterEach(async () => {
  await notebook.store.close();
  await cleanup();
});

const open = () =>
  openNotebook({ dataDir: dir, compactAfterMs: 60_000, newId: () => `id-${++ids}` });
const h = () => notebook.handlers;
const reopen = async () => {
  await notebook.store.close();
  notebook = await open();
};

const PORTS = '# Ports of the Caspian\n\nAktau handles grain. Baku handles oil.\n';
const OTHER = 'Another article\n\nIt stays readable whatever happens to the first.\n';
const bytes = (text: string) => new TextEncoder().encode(text);

async function twoArticles() {
  const ports = await h().importFile({ fileName: 'ports.md', bytes: bytes(PORTS) });
  const other = await h().importFile({ fileName: 'other.txt', bytes: bytes(OTHER) });
  const text = (await h().getArticle({ id: ports.id })).text;
  const start = text.indexOf('Baku');
  await h().createAnnotation({
    articleId: ports.id,
    start,
    end: start + 4,
    tagNames: ['energy'],
    comment: 'the oil port',
  });
  const record = await h().getArticleRecord({ id: ports.id });
  const hash = record.revisions[0]!.bodyHash;
  return { ports, other, bodyFile: path.join(dir, 'bodies', `${hash}.json`) };
}

describe.each([
  ['missing', (file: string) => rm(file)],
  [
    'damaged',
    async (file: string) =>
      writeFile(file, (await readFile(file, 'utf8')).replace('grain', 'grin')),
  ],
] as const)('a body file that is %s', (problem, damage) => {
  it('is named at start; the rest opens and exports; importing the original repairs it', async () => {
    const { ports, other, bodyFile } = await twoArticles();
    await reopen();
    await damage(bodyFile);
    await reopen();

    expect(((await h().getStartup({})) as Startup).notices).toEqual([
      {
        code: 'texts-unreadable',
        params: {
          texts: [{ articleId: ports.id, title: ports.title, revision: 1, problem }],
        },
      },
    ]);
    // That article says why and what to do; every other one is fine.
    const dispatch = createDispatcher(h(), () => undefined);
    const refused = await dispatch('getArticle', { id: ports.id });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: problem === 'missing' ? 'not-found' : 'bad-file',
        message: expect.stringContaining('Import the original file again to repair it'),
      },
    });
    expect((await h().getArticle({ id: other.id })).text).toContain('stays readable');
    await expect(h().editArticle({ id: ports.id, text: 'x' })).rejects.toMatchObject({
      message: expect.stringContaining('Import the original file again'),
    });

    // The whole-notebook export leaves it out and says so, in the file and in the outcome.
    const markdown = await h().exportNotes({ format: 'markdown' });
    expect(markdown).toMatchObject({ kind: 'download', leftOut: [ports.title] });
    const content = markdown.kind === 'download' ? exportedText(markdown.file) : '';
    expect(content).toContain('Another article');
    expect(content).toContain(
      `Left out of this export, because their text could not be read: “${ports.title}”`,
    );
    expect(await h().exportNotes({ format: 'csv' })).toMatchObject({ leftOut: [ports.title] });
    expect(await dispatch('exportNotes', { format: 'w3c', articleId: ports.id })).toMatchObject({
      ok: false,
    });

    // Importing the original file again (matched by its text's hash) repairs that article.
    const again = await h().importFile({ fileName: 'ports.md', bytes: bytes(PORTS) });
    expect(again.id).toBe(ports.id);
    expect((await h().listArticles({})).map((a) => a.id).sort()).toEqual(
      [ports.id, other.id].sort(),
    );
    expect((await h().getArticle({ id: ports.id })).text).toContain('Aktau handles grain');
    expect(await h().listAnnotations({ articleId: ports.id })).toHaveLength(1);
    const hash = createHash('sha256')
      .update(await readFile(bodyFile))
      .digest('hex');
    expect(path.basename(bodyFile)).toBe(`${hash}.json`);
    const exported = await h().exportNotes({ format: 'markdown' });
    expect(exported).not.toHaveProperty('leftOut');

    await reopen();
    expect(((await h().getStartup({})) as Startup).notices).toEqual([]);
  });
});

it('a different file does not count as the original: it is imported as an article of its own', async () => {
  const { ports, bodyFile } = await twoArticles();
  await rm(bodyFile);
  await reopen();
  const edited = await h().importFile({
    fileName: 'ports.md',
    bytes: bytes(PORTS.replace('oil', 'gas')),
  });
  expect(edited.id).not.toBe(ports.id);
  await expect(h().getArticle({ id: ports.id })).rejects.toMatchObject({ code: 'not-found' });
});
