// The migration mechanism with test-only formats, and the real step from format 1 (text inline) to
// format 2 (bodies beside the file, revisions), both as a pure function and through the loader.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import { openNotebookStore } from '../../../../electron/core/store';
import { BodyStore } from '../../../../electron/core/store/bodies';
import { notebookV1Schema, upgradeFromV1 } from '../../../../electron/core/store/migration-v1';
import {
  migrate,
  MIGRATIONS,
  UnknownFormatError,
  type MigrationRegistry,
} from '../../../../electron/core/store/migrations';
import { dataFromState, notebookPaths } from '../../../../electron/core/store/notebook-data';
import { parseNotebook } from '../../../../electron/core/store/notebook-file';
import { loadValidators } from '../../../../electron/core/store/schema-loader';
import { recoverNotebook } from '../../../../electron/core/store/recovery';
import { hashOf, listDir, makeTempDir, readJson } from '../../../fixtures/store/notebook-fixtures';

// parseNotebook checks unsealed files with the store's zod schemas, loaded on first need.
beforeAll(() => loadValidators());

const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../../fixtures/store/${name}`, import.meta.url));
type Json = Record<string, unknown> & { version: number };
const v1 = async () => (await readJson(fixturePath('notebook-v1.json'))) as Json;
const v2 = async () => (await readJson(fixturePath('notebook-v2.json'))) as Json;

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/** Pretend history: format 1 had `items`, format 2 renamed them `entries`, format 3 added a count. */
const testMigrations: MigrationRegistry = {
  1: ({ items, ...rest }) => ({ data: { ...rest, version: 2, entries: items } }),
  2: (old) => ({ data: { ...old, version: 3, count: (old.entries as unknown[]).length } }),
};

describe('migrate', () => {
  it('runs every step from the saved format to the target, in order, without mutating input', () => {
    const saved = deepFreeze({ version: 1, items: ['a', 'b'], keep: true });
    expect(migrate(saved, testMigrations, 3).data).toEqual({
      version: 3,
      entries: ['a', 'b'],
      count: 2,
      keep: true,
    });
    expect(saved).toEqual({ version: 1, items: ['a', 'b'], keep: true });
  });

  it('starts from the saved format, skipping steps already behind it', () => {
    const fromTwo = { version: 2, entries: ['x'] };
    expect(migrate(fromTwo, testMigrations, 3).data).toEqual({
      version: 3,
      entries: ['x'],
      count: 1,
    });
  });

  it('returns current data untouched', () => {
    const current = { version: 3, anything: 1 };
    expect(migrate(current, testMigrations, 3)).toEqual({ data: current, bodies: new Map() });
    expect(migrate(current, testMigrations, 3).data).toBe(current);
  });

  it('refuses a newer format with the conflict the analyst sees', () => {
    let thrown: unknown;
    try {
      migrate({ version: 4 }, testMigrations, 3);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotebookError);
    expect(thrown).toMatchObject({
      code: 'conflict',
      message:
        'This notebook was saved by a newer version of Research Notebook (format 4); update the app to open it.',
    });
  });

  it('reports a format no step leads from, or a version that is not a whole number', () => {
    expect(() => migrate({ version: 0 }, testMigrations, 3)).toThrow(UnknownFormatError);
    expect(() => migrate({ version: 1.5 }, testMigrations, 3)).toThrow(UnknownFormatError);
    // Inherited keys are not migrations.
    const inherited = Object.create({ 0: () => ({ data: { version: 1 } }) }) as MigrationRegistry;
    expect(() => migrate({ version: 0 }, inherited, 1)).toThrow(UnknownFormatError);
  });

  it('stops on a step that does not land on the next format', () => {
    const skipping: MigrationRegistry = { 1: (old) => ({ data: { ...old, version: 3 } }) };
    expect(() => migrate({ version: 1 }, skipping, 3)).toThrow(/produced format 3/);
  });

  it('has exactly one real step so far: format 1 to 2', () => {
    expect(Object.keys(MIGRATIONS)).toEqual(['1']);
  });
});

describe('format 1 to 2', () => {
  it('turns the format 1 fixture into the format 2 fixture plus its body, purely', async () => {
    const old = deepFreeze(notebookV1Schema.parse(await v1()));
    const { data, bodies } = upgradeFromV1(old);
    expect(data).toEqual(await v2());
    const [source] = old.articles;
    const b = { text: source?.text, blocks: source?.blocks, marks: source?.marks };
    expect([...bodies]).toEqual([[data.articles[0]?.revisions[0]?.bodyHash, b]]);
    expect(upgradeFromV1(old)).toEqual({ data, bodies });
  });

  it('keeps every anchor state and lets articles with the same text share one body', async () => {
    const old = await v1();
    const [a] = old.articles as Json[];
    const [n] = old.annotations as Json[];
    old.articles = [a, { ...a, id: 'copy', importedAt: '2024-06-01T00:00:00.000Z' }];
    old.annotations = ['anchored', 'moved', 'orphaned'].map((anchor) => ({
      ...n,
      id: anchor,
      anchor,
    }));
    const { data, bodies } = upgradeFromV1(notebookV1Schema.parse(old));

    expect(bodies.size).toBe(1);
    expect(data.articles.map((r) => r.revisions)).toEqual([
      [
        {
          number: 1,
          createdAt: '2024-05-01T10:00:00.000Z',
          reason: 'import',
          bodyHash: hashOf([...bodies.values()][0]!),
        },
      ],
      [
        {
          number: 1,
          createdAt: '2024-06-01T00:00:00.000Z',
          reason: 'import',
          bodyHash: hashOf([...bodies.values()][0]!),
        },
      ],
    ]);
    expect(data.annotations.map((x) => [x.anchor, x.revision])).toEqual([
      ['anchored', 1],
      ['moved', 1],
      ['orphaned', 1],
    ]);
  });

  it('counts a format 1 file that is not really format 1 as damage', async () => {
    const old = await v1();
    (old.articles as Json[])[0]!.text = 42;
    expect(parseNotebook(Buffer.from(JSON.stringify(old)))).toMatchObject({ kind: 'damaged' });
  });
});

describe('opening a format 1 notebook', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());
  const now = () => new Date('2024-05-01T10:20:30.456Z');
  const copy = 'notebook.format-1-2024-05-01T10-20-30-456Z.json';

  it('writes the bodies, then notebook.json in format 2, and keeps the old file', async () => {
    const original = await readFile(fixturePath('notebook-v1.json'));
    await writeFile(path.join(dir, 'notebook.json'), original);
    const store = await openNotebookStore(dir, { now });

    expect(store.notices).toEqual([
      { code: 'notebook-upgraded', params: { fromFormat: 1, keptAs: copy } },
    ]);
    const expected = await v2();
    expect(await readJson(path.join(dir, 'notebook.json'))).toEqual({
      ...expected,
      seal: expect.stringMatching(/^[0-9a-f]{8}:[0-9a-f]{8}$/),
    });
    expect((await readFile(path.join(dir, copy))).equals(original)).toBe(true);
    expect((await readFile(path.join(dir, 'notebook.json.bak'))).equals(original)).toBe(true);
    const article = store.state.articles.get('3f1c9a0e-6b1d-4c47-9d0e-2a7f5b8c1d22');
    const body = await store.getBody(article?.revisions[0]?.bodyHash ?? '');
    expect(body.text).toBe('On field notes\nWrite them the same day. Memory edits.');
    expect([...store.state.annotations.values()].map((a) => a.revision)).toEqual([1]);

    const reopened = await openNotebookStore(dir, { now });
    expect(reopened.notices).toEqual([]);
    expect(await reopened.getBody(article?.revisions[0]?.bodyHash ?? '')).toEqual(body);
    expect(await listDir(dir)).toEqual(['bodies', copy, 'notebook.json', 'notebook.json.bak']);
  });

  it('leaves the format 1 file as it was when the bodies cannot be written', async () => {
    const original = await readFile(fixturePath('notebook-v1.json'));
    await writeFile(path.join(dir, 'notebook.json'), original);
    await writeFile(path.join(dir, 'bodies'), 'a file where the folder should be');

    await expect(openNotebookStore(dir, { now })).rejects.toThrow();
    expect((await readFile(path.join(dir, 'notebook.json'))).equals(original)).toBe(true);
    expect(await readdir(dir)).not.toContain('notebook.json.bak');
  });

  it('goes through every step from an older pretend format too', async () => {
    // A pretend format 0 that had no sampleSeeded flag and called tags "codes".
    const fromZero: MigrationRegistry = {
      0: ({ codes, ...rest }) => ({
        data: { ...rest, version: 1, tags: codes, sampleSeeded: true },
      }),
      1: MIGRATIONS[1],
    };
    const { tags, sampleSeeded, ...rest } = (await v1()) as Json & { tags: unknown };
    expect(sampleSeeded).toBe(true);
    const paths = notebookPaths(dir);
    await mkdir(paths.bodies);
    await writeFile(paths.file, JSON.stringify({ ...rest, version: 0, codes: tags }));

    const bodies = new BodyStore(paths.bodies, dir);
    const recovered = await recoverNotebook(paths, { now, bodies, migrations: fromZero });
    expect(dataFromState(recovered.state, 0)).toEqual(await v2());
    expect(recovered.dirty).toBe(true);
    expect(recovered.notices).toEqual([
      {
        code: 'notebook-upgraded',
        params: { fromFormat: 0, keptAs: 'notebook.format-0-2024-05-01T10-20-30-456Z.json' },
      },
    ]);
    expect(await listDir(paths.bodies)).toHaveLength(1);
    expect(await listDir(dir)).toContain('notebook.format-0-2024-05-01T10-20-30-456Z.json');
  });
});
