// The migration mechanism, exercised with test-only formats since format 1 is the first one.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NotebookError } from '../../../../electron/core/errors';
import {
  migrate,
  MIGRATIONS,
  UnknownFormatError,
  type MigrationRegistry,
  type VersionedData,
} from '../../../../electron/core/store/migrations';
import { notebookPaths } from '../../../../electron/core/store/notebook-data';
import { loadNotebook } from '../../../../electron/core/store/recovery';
import { makeTempDir, readJson } from '../../../fixtures/store/notebook-fixtures';

const v1Fixture = fileURLToPath(
  new URL('../../../fixtures/store/notebook-v1.json', import.meta.url),
);

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

/** Pretend history: format 1 had `items`, format 2 renamed them `entries`, format 3 added a count. */
const testMigrations: MigrationRegistry = {
  1: ({ items, ...rest }) => ({ ...rest, version: 2, entries: items }),
  2: (old) => ({ ...old, version: 3, count: (old.entries as unknown[]).length }),
};

describe('migrate', () => {
  it('runs every step from the saved format to the target, in order, without mutating input', () => {
    const saved = deepFreeze({ version: 1, items: ['a', 'b'], keep: true });
    expect(migrate(saved, testMigrations, 3)).toEqual({
      version: 3,
      entries: ['a', 'b'],
      count: 2,
      keep: true,
    });
    expect(saved).toEqual({ version: 1, items: ['a', 'b'], keep: true });
  });

  it('starts from the saved format, skipping steps already behind it', () => {
    const fromTwo = { version: 2, entries: ['x'] };
    expect(migrate(fromTwo, testMigrations, 3)).toEqual({ version: 3, entries: ['x'], count: 1 });
  });

  it('returns current data untouched', () => {
    const current = { version: 3, anything: 1 };
    expect(migrate(current, testMigrations, 3)).toBe(current);
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
    expect(() => migrate({ version: 0 }, Object.create({ 0: () => ({ version: 1 }) }), 1)).toThrow(
      UnknownFormatError,
    );
  });

  it('stops on a step that does not land on the next format', () => {
    const skipping: MigrationRegistry = { 1: (old) => ({ ...old, version: 3 }) };
    expect(() => migrate({ version: 1 }, skipping, 3)).toThrow(/produced format 3/);
  });

  it('has no real migrations yet: format 1 is the first', () => {
    expect(Object.keys(MIGRATIONS)).toEqual([]);
    const v1: VersionedData = { version: 1 };
    expect(migrate(v1)).toBe(v1);
  });
});

describe('loadNotebook with a migration', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await makeTempDir()));
  afterEach(() => cleanup());

  // A pretend format 0 that had no sampleSeeded flag and called tags "codes".
  const fromZero: MigrationRegistry = {
    0: ({ codes, ...rest }) => ({ ...rest, version: 1, tags: codes, sampleSeeded: true }),
  };
  const now = () => new Date('2024-05-01T10:20:30.456Z');

  it('upgrades an old file, keeps a copy of it, and asks for the result to be saved', async () => {
    const paths = notebookPaths(dir);
    const old = await readJson(v1Fixture);
    const { tags, sampleSeeded, ...rest } = old as { tags: unknown[]; sampleSeeded: boolean };
    expect(sampleSeeded).toBe(true);
    const formatZero = JSON.stringify({ ...rest, version: 0, codes: tags });
    await writeFile(paths.file, formatZero);

    const loaded = await loadNotebook(paths, { now, migrations: fromZero });
    expect(loaded.data).toEqual(old);
    expect(loaded.dirty).toBe(true);
    const copy = 'notebook.format-0-2024-05-01T10-20-30-456Z.json';
    expect(loaded.notices).toEqual([
      `Your notebook was upgraded from an older format; a copy of it as it was is kept as ${copy}.`,
    ]);
    expect(await readFile(path.join(dir, copy), 'utf8')).toBe(formatZero);
    expect(await readFile(paths.file, 'utf8')).toBe(formatZero);
  });

  it('treats the same old file as damage when no migration leads from it', async () => {
    const paths = notebookPaths(dir);
    await writeFile(paths.file, JSON.stringify({ version: 0, articles: [] }));
    const loaded = await loadNotebook(paths, { now });
    expect(loaded.data.articles).toEqual([]);
    expect(loaded.notices[0]).toContain('notebook.corrupt-2024-05-01T10-20-30-456Z.json');
  });

  it('opens the format 1 fixture as is', async () => {
    const paths = notebookPaths(dir);
    const fixture = await readFile(v1Fixture);
    await writeFile(paths.file, fixture);
    const loaded = await loadNotebook(paths, { now });
    expect(loaded).toEqual({
      data: JSON.parse(fixture.toString('utf8')),
      notices: [],
      dirty: false,
    });
  });
});
