// A notebook a newer version of the app saved: a higher format, or a value this version doesn't
// know (a new article format, anchor state, kind of change) inside records that are otherwise
// readable. Never damage: the opening is refused with "update the app", and not one file is
// changed, moved or set aside; a new block type inside an article's body refuses that article. (Opening anyway would drop what this version can't hold at the
// next save, so refusing is the only way nothing is lost; see schema.ts, newerValuesOnly.)
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook } from '../../../../electron/core/notebook';
import { openNotebookStore } from '../../../../electron/core/store';
import { encodeEntry } from '../../../../electron/core/store/journal-line';
import {
  annotation,
  article,
  body,
  makeTempDir,
  put,
  tag,
} from '../../../fixtures/store/notebook-fixtures';
import { snapshotDir } from '../../support/dir-snapshot';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const manual = { compactAfterMs: 1e9, compactAfterEntries: 1e9 };
const refusal = {
  code: 'conflict',
  message:
    'This notebook was saved by a newer version of Research Notebook; update the app to open it.',
  notice: { code: 'newer-version', params: {} },
};

/** A notebook of two compactions (so a .bak) and a journal, every body in place. */
async function notebook() {
  const store = await openNotebookStore(dir, manual);
  await store.putBody(body('a1'));
  await store.commit([put.article(article('a1')), put.tag(tag('t1'))]);
  await store.compact();
  await store.commit([put.annotation(annotation('n1', 'a1', ['t1']))]);
  await store.compact();
  await store.commit([put.tag(tag('t2'))]);
}

const file = () => path.join(dir, 'notebook.json');
type Json = Record<string, unknown>;
async function editNotebook(
  edit: (data: Json & { articles: Json[]; annotations: Json[] }) => void,
) {
  const data = JSON.parse(await readFile(file(), 'utf8')) as Json & {
    articles: Json[];
    annotations: Json[];
  };
  edit(data);
  await writeFile(file(), JSON.stringify(data));
}

async function expectRefusedUnchanged() {
  const before = await snapshotDir(dir);
  await expect(openNotebookStore(dir, manual)).rejects.toMatchObject(refusal);
  expect(await snapshotDir(dir)).toEqual(before);
}

describe('a value only a newer app writes', () => {
  it.each([
    ['an article format', (d: { articles: Json[] }) => (d.articles[0]!.format = 'rtf')],
    ['an anchor state', (d: { annotations: Json[] }) => (d.annotations[0]!.anchor = 'pinned')],
    [
      'a revision reason',
      (d: { articles: Json[] }) =>
        ((d.articles[0]!.revisions as Json[])[0]!.reason = 'translation'),
    ],
  ])('in notebook.json (%s) refuses the opening and changes nothing', async (_, edit) => {
    await notebook();
    await editNotebook(edit as (d: Json & { articles: Json[]; annotations: Json[] }) => void);
    await expectRefusedUnchanged();
  });

  it('in the backup of a damaged notebook.json refuses too, before anything is set aside', async () => {
    await notebook();
    const bak = `${file()}.bak`;
    const data = JSON.parse(await readFile(bak, 'utf8')) as { articles: Json[] };
    data.articles[0]!.format = 'rtf';
    await writeFile(bak, JSON.stringify(data));
    await writeFile(file(), 'damaged');
    await expectRefusedUnchanged();
  });

  // A body is never rewritten, so opening the notebook loses nothing of it: only that article is
  // refused, when read, and every other one opens.
  it('in an article body (a new block type) refuses that article, with the same words', async () => {
    await notebook();
    const json = JSON.stringify({
      text: 'A figure',
      blocks: [{ type: 'figure', start: 0, end: 8 }],
      marks: [],
    });
    const hash = createHash('sha256').update(json).digest('hex');
    const bodyFile = path.join(dir, 'bodies', `${hash}.json`);
    await mkdir(path.dirname(bodyFile), { recursive: true });
    await writeFile(bodyFile, json);
    const record = article('a2');
    record.revisions[0]!.bodyHash = hash;
    const writer = await openNotebookStore(dir, manual);
    await writer.commit([put.article(record)]);
    await writer.close();

    const store = await openNotebookStore(dir, manual);
    try {
      expect(store.notices).toEqual([]);
      await expect(store.getBody(hash)).rejects.toMatchObject(refusal);
      expect((await store.getBody(article('a1').revisions[0]!.bodyHash)).text).toBe(
        body('a1').text,
      );
      expect(await readFile(bodyFile, 'utf8')).toBe(json);
    } finally {
      await store.close();
    }
  });

  // A newer app stamps its lines with its own schema's fingerprint, so they are checked here.
  it('in a checksummed journal line refuses the opening', async () => {
    await notebook();
    const newer = { ...article('a3'), format: 'rtf' };
    const line = encodeEntry(
      9,
      '2024-05-01T10:42:00.000Z',
      JSON.stringify([{ kind: 'put', collection: 'articles', record: newer }]),
      'feedf00d',
    );
    const journals = (await snapshotDir(dir)).keys();
    const last = [...journals]
      .filter((f) => /^journal-\d+\.jsonl$/.test(f))
      .sort()
      .at(-1)!;
    await writeFile(path.join(dir, last), (await readFile(path.join(dir, last), 'utf8')) + line);
    await expectRefusedUnchanged();
  });
});

describe('a notebook from a newer version of the app', () => {
  it('is refused by the core with the format, as a notice the host can show', async () => {
    await notebook();
    await writeFile(file(), JSON.stringify({ version: 3, articles: [], somethingNew: true }));
    const before = await snapshotDir(dir);
    await expect(openNotebook({ dataDir: dir })).rejects.toMatchObject({
      code: 'conflict',
      message:
        'This notebook was saved by a newer version of Research Notebook (format 3); update the app to open it.',
      notice: { code: 'newer-version', params: { format: 3 } },
    });
    expect(await snapshotDir(dir)).toEqual(before);
  });
});
