// Bringing in a conflicted copy, against the real core: the copy is read afresh, Bring in reports
// what it did and the library hears of it, and every refusal ends as words in the step.
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConflictedCopyFlow } from '../../../../renderer/src/lib/flows/conflicted-copy.svelte';
import { Library } from '../../../../renderer/src/lib/state/library.svelte';
import { eventually, gate, startRealCore, type RealCore } from './real-core';

const COPY = "notebook (Ann's conflicted copy 2026-01-02).json";

let core: RealCore;
let flow: ConflictedCopyFlow;
beforeEach(async () => {
  core = await startRealCore();
  flow = new ConflictedCopyFlow();
  // The other computer's notebook has an article this one deleted since.
  const h = core.notebook.handlers;
  const article = await h.importText({ text: 'Harbour notes\n\nThe ferry reached Baku.' });
  await core.notebook.store.compact();
  await copyFile(join(core.dir, 'notebook.json'), join(core.dir, COPY));
  await h.deleteArticle({ id: article.id });
});
afterEach(async () => {
  await core.close();
});

it('shows what the copy holds, brings it in, reports it, and the library follows', async () => {
  const library = new Library();
  const stop = library.connect();
  await flow.open(COPY);
  expect(flow.step).toMatchObject({
    kind: 'ready',
    copy: { name: COPY, tool: 'dropbox', missing: { articles: 1, annotations: 0, tags: 0 } },
  });
  await flow.bringIn();
  expect(flow.step).toMatchObject({
    kind: 'done',
    result: { added: { articles: 1 }, renamedTo: expect.stringMatching(/\.merged-/) },
  });
  await eventually(() => expect(library.articles.map((a) => a.title)).toContain('Harbour notes'));
  stop();
});

it('says a copy is gone rather than failing, and shows a refusal in words', async () => {
  await flow.open('notebook 2.json');
  expect(flow.step).toEqual({ kind: 'gone', name: 'notebook 2.json' });

  await flow.open(COPY);
  await rm(join(core.dir, COPY));
  await flow.bringIn();
  expect(flow.step).toMatchObject({
    kind: 'failed',
    name: COPY,
    message: expect.stringContaining(`There is no conflicted copy named “${COPY}”`),
  });
});

it('keeps the report of a bring-in the dialog was closed during', async () => {
  await flow.open(COPY);
  const slow = gate();
  core.holdAnswers('bringInConflictedCopy', slow.opened);
  const bringing = flow.bringIn();
  expect(flow.step?.kind).toBe('bringing');
  flow.close();
  expect(flow.step).toBeNull();
  slow.open();
  await bringing;
  expect(flow.step?.kind).toBe('done');
});

it('does nothing for a copy that can’t be brought in', async () => {
  await writeFile(join(core.dir, COPY), '{');
  await flow.open(COPY);
  expect(flow.step).toMatchObject({ kind: 'ready', copy: { problem: expect.any(String) } });
  const calls = core.calls.length;
  await flow.bringIn();
  expect(core.calls.length).toBe(calls);
});
