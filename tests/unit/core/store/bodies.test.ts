// Article bodies beside the notebook: content-addressed, written once and durably, checked against
// their hash when read, and never taken from a temp file a crash left behind.
import { createHash } from 'node:crypto';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebookStore } from '../../../../electron/core/store';
import { canonicalBody } from '../../../../electron/core/store/bodies';
import type { ArticleBody } from '../../../../electron/shared/model';
import { body, makeTempDir } from '../../../fixtures/store/notebook-fixtures';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
afterEach(() => cleanup());

const bodyFile = (hash: string) => path.join(dir, 'bodies', `${hash}.json`);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('putBody', () => {
  it('stores the canonical JSON under its sha-256, text then blocks then marks', async () => {
    const store = await openNotebookStore(dir);
    const b = body('a1');
    const hash = await store.putBody(b);

    const json = JSON.stringify({ text: b.text, blocks: b.blocks, marks: b.marks });
    expect(hash).toBe(sha256(json));
    expect(await readFile(bodyFile(hash), 'utf8')).toBe(json);
    expect(await readdir(path.join(dir, 'bodies'))).toEqual([`${hash}.json`]);
  });

  it('gives the same content the same hash, whatever order its keys were built in', async () => {
    const store = await openNotebookStore(dir);
    const b = body('a1');
    const shuffled = {
      marks: b.marks.map(({ href, end, start, type }) => ({ href, end, start, type })),
      blocks: b.blocks.map(({ end, start, type }) => ({ end, type, start })),
      text: b.text,
    } as ArticleBody;
    expect(await store.putBody(shuffled)).toBe(await store.putBody(b));
    expect(await store.putBody(body('a2'))).not.toBe(await store.putBody(b));
  });

  it('keeps list numbers and header rows, and the old address of a body without them', async () => {
    const store = await openNotebookStore(dir);
    const text = 'Ports\n\nCity\tTonnes\n\nAktau\t1.2\n\nDredging';
    const rich: ArticleBody = {
      text,
      blocks: [
        { type: 'heading', level: 1, start: 0, end: 5 },
        { type: 'table-row', header: true, start: 7, end: 18 },
        { type: 'table-row', start: 20, end: 29 },
        { start: 31, end: 39, number: 3, level: 1, type: 'list-item' } as ArticleBody['blocks'][0],
      ],
      marks: [],
    };
    const hash = await store.putBody(rich);
    const reopened = await openNotebookStore(dir);
    expect(await reopened.getBody(hash)).toEqual(rich);
    expect((await reopened.getBody(hash)).blocks[3]).toEqual({
      type: 'list-item',
      level: 1,
      number: 3,
      start: 31,
      end: 39,
    });
    // A body from before these keys existed is written, and addressed, exactly as it was.
    const plain = body('a1');
    const json = JSON.stringify({ text: plain.text, blocks: plain.blocks, marks: plain.marks });
    expect(canonicalBody(plain).json).toBe(json);
  });

  it('writes a body once: again, or twice at the same time, leaves the one file alone', async () => {
    const store = await openNotebookStore(dir);
    const [first, second] = await Promise.all([
      store.putBody(body('a1')),
      store.putBody(body('a1')),
    ]);
    expect(second).toBe(first);
    const written = await stat(bodyFile(first));

    const reopened = await openNotebookStore(dir);
    expect(await reopened.putBody(body('a1'))).toBe(first);
    const after = await stat(bodyFile(first));
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    expect(await readdir(path.join(dir, 'bodies'))).toEqual([`${first}.json`]);
  });

  it('ignores a torn temp file from a crash and replaces a damaged body', async () => {
    const store = await openNotebookStore(dir);
    const { hash, json } = canonicalBody(body('a1'));
    await store.putBody(body('other')); // creates the folder
    await writeFile(`${bodyFile(hash)}.tmp`, json.slice(0, 10));

    const reopened = await openNotebookStore(dir);
    await expect(reopened.getBody(hash)).rejects.toMatchObject({ code: 'not-found' });
    expect(await reopened.putBody(body('a1'))).toBe(hash);
    expect(await readFile(bodyFile(hash), 'utf8')).toBe(json);
    expect((await readdir(path.join(dir, 'bodies'))).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    await writeFile(bodyFile(hash), json.replace('Text', 'Test'));
    const third = await openNotebookStore(dir);
    await expect(third.getBody(hash)).rejects.toMatchObject({ code: 'bad-file' });
    await third.putBody(body('a1'));
    expect(await third.getBody(hash)).toEqual(body('a1'));
  });
});

describe('getBody', () => {
  it('reads a body back after a reopen', async () => {
    const hash = await (await openNotebookStore(dir)).putBody(body('a1'));
    expect(await (await openNotebookStore(dir)).getBody(hash)).toEqual(body('a1'));
  });

  it('hands out one frozen copy, so no caller can change it for the others', async () => {
    const hash = await (await openNotebookStore(dir)).putBody(body('a1'));
    const store = await openNotebookStore(dir);
    const first = await store.getBody(hash);
    expect(await store.getBody(hash)).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.blocks[0])).toBe(true);
  });

  it('reports a missing body, or anything that is not a hash, as not found', async () => {
    const store = await openNotebookStore(dir);
    for (const hash of ['0'.repeat(64), '../notebook', '', 'A'.repeat(64)]) {
      await expect(store.getBody(hash)).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('reads one body once for two readers asking at the same time', async () => {
    const hash = await (await openNotebookStore(dir)).putBody(body('a1'));
    const store = await openNotebookStore(dir);
    const [first, second] = await Promise.all([store.getBody(hash), store.getBody(hash)]);
    expect(second).toBe(first);
    expect(first).toEqual(body('a1'));
  });

  it('reads ahead a body put as its file (a revision’s): parsed from those bytes, not read back', async () => {
    const store = await openNotebookStore(dir);
    const made = canonicalBody(body('a1', 'Qız göz — Россия 🚀. Two sentences.'));
    const json = Buffer.from(JSON.stringify(made.body), 'utf8');
    const asked = store.getBody(made.hash).catch((error: unknown) => error);
    const hash = await store.putBody({ hash: made.hash, json }, { readAhead: true });
    expect(hash).toBe(made.hash);
    // Written as it was handed over, and parsed from the same bytes: gone from disk, it is
    // still there for the reader.
    expect((await readFile(bodyFile(hash))).equals(json)).toBe(true);
    await writeFile(bodyFile(hash), 'changed under it');
    expect(await store.getBody(hash)).toEqual(made.body);
    // A reader who asked before the file existed was refused: nothing was there yet.
    expect(await asked).toMatchObject({ code: 'not-found' });
  });

  it('reads an import’s body file (no read-ahead) from disk when first asked for', async () => {
    const store = await openNotebookStore(dir);
    const made = canonicalBody(body('a1'));
    const hash = await store.putBody({
      hash: made.hash,
      json: Buffer.from(JSON.stringify(made.body), 'utf8'),
    });
    await writeFile(bodyFile(hash), 'changed under it');
    await expect(store.getBody(hash)).rejects.toMatchObject({ code: 'bad-file' });
  });

  it('never keeps a body file whose bytes are not what its name says', async () => {
    const store = await openNotebookStore(dir);
    const made = canonicalBody(body('a1'));
    const wrong = Buffer.from(JSON.stringify(canonicalBody(body('b2')).body), 'utf8');
    await store.putBody({ hash: made.hash, json: wrong }, { readAhead: true });
    await expect(store.getBody(made.hash)).rejects.toMatchObject({ code: 'bad-file' });
  });
});

describe('getBodyFile', () => {
  it('gives the file as written, and refuses one whose bytes no longer match its name', async () => {
    const store = await openNotebookStore(dir);
    const hash = await store.putBody(body('a1'));
    const written = await readFile(bodyFile(hash));
    expect(Buffer.from(await store.getBodyFile(hash)).equals(written)).toBe(true);

    await writeFile(bodyFile(hash), written.toString('utf8').replace('a1', 'b2'));
    await expect(store.getBodyFile(hash)).rejects.toMatchObject({ code: 'bad-file' });
    for (const gone of ['0'.repeat(64), '../notebook']) {
      await expect(store.getBodyFile(gone)).rejects.toMatchObject({ code: 'not-found' });
    }
  });
});
