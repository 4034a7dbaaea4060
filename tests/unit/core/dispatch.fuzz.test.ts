// Property-based fuzzing of every contract call through the dispatcher, on a real notebook in a
// temp folder: whatever arrives (the right shape with wrong ids, huge strings, numbers out of
// range, nested junk, no object at all), the answer is an envelope, never a throw or a bug's
// "internal" error, and a refused call leaves the data folder (byte for byte, every file and
// folder) and memory exactly as they were.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatch } from '../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { inputSchemas } from '../../../electron/core/schemas';
import { CALL_NAMES, type CallName } from '../../../electron/shared/contract';
import { TEXT_ENCODINGS } from '../../../electron/shared/import-formats';
import { EXPORT_FORMATS, LIMITS } from '../../../electron/shared/model';
import { plain } from '../../fixtures/store/notebook-fixtures';
import { snapshotDir } from '../support/dir-snapshot';

let dir: string;
let notebook: Notebook;
let dispatch: Dispatch;
const internal: unknown[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-fuzz-'));
  notebook = await openNotebook({
    dataDir: dir,
    samplePath: join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt'),
    // No compaction behind a call's back: it would change the folder between the two snapshots.
    compactAfterMs: 1e9,
    compactAfterEntries: 1e9,
  });
  dispatch = createDispatcher(notebook.handlers, (message, error) =>
    internal.push({ message, error }),
  );
  const [article] = await notebook.handlers.listArticles({});
  await notebook.handlers.createAnnotation({
    articleId: article!.id,
    start: 0,
    end: 5,
    tagNames: ['economy', 'trade'],
    comment: 'seed',
  });
}, 60_000);
afterAll(async () => {
  await notebook.store.close();
  await rm(dir, { recursive: true, force: true });
});

/** Ids that exist right now (the notebook changes as calls succeed), by index. */
const live = (pick: (state: Notebook['store']['state']) => Iterable<string>) =>
  fc.nat().map((i) => {
    const ids = [...pick(notebook.store.state)];
    return ids.length ? ids[i % ids.length]! : 'gone';
  });
const anyId = fc.oneof(
  { weight: 3, arbitrary: live((s) => s.articles.keys()) },
  { weight: 3, arbitrary: live((s) => s.annotations.keys()) },
  { weight: 3, arbitrary: live((s) => s.tags.keys()) },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/) },
  fc.constantFrom('', '../../etc/passwd', '__proto__', 'constructor', 'x'.repeat(65), 'ü'),
  fc.string(),
);

const HUGE = 'x'.repeat(LIMITS.importBytes + 1);
const text = fc.oneof(
  { weight: 10, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.constantFrom(HUGE, '\u0000\u2028\ud800', ' '.repeat(10_000)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 20 }).map((n) => 'Tag line. '.repeat(n * 500)),
  },
);
const offset = fc.oneof(
  { weight: 4, arbitrary: fc.nat({ max: 400 }) },
  fc.integer(),
  fc.constantFrom(-1, 1.5, Number.MAX_SAFE_INTEGER + 2, Number.NaN, Infinity),
);
const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  text.map((t) => new TextEncoder().encode(t.slice(0, 100_000))),
  fc.constant(new Uint8Array(LIMITS.importBytes + 1)),
);
const fileName = fc.oneof(
  fc.constantFrom('notes.txt', 'page.html', 'a.md', 'x.pdf', '../up.txt', 'a/b.txt', ''),
  fc.string({ maxLength: 300 }),
);
const junk = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withNullPrototype: true,
  withSparseArray: true,
});

/** A value for a field by its name: mostly the right type (wrong in every other way), or junk. */
function field(name: string): fc.Arbitrary<unknown> {
  const typed: Record<string, fc.Arbitrary<unknown>> = {
    id: anyId,
    articleId: anyId,
    sourceId: anyId,
    targetId: anyId,
    ids: fc.array(anyId, { maxLength: 20 }),
    tagIds: fc.array(anyId, { maxLength: 4 }),
    knownBodyHashes: fc.array(fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.string())),
    start: offset,
    end: offset,
    bytes,
    fileName,
    name: fc.oneof(text, fileName),
    tagNames: fc.array(text, { maxLength: 4 }),
    authors: fc.array(text, { maxLength: 4 }),
    encoding: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...TEXT_ENCODINGS.map((e) => e.name)) },
      fc.string(),
    ),
    format: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...EXPORT_FORMATS) }, fc.string()),
    color: fc.oneof(fc.stringMatching(/^#[0-9a-fA-F]{6}$/), fc.string()),
    annotations: fc.oneof(fc.constantFrom('keep', 'delete'), fc.boolean(), fc.string()),
    annotation: annotationLike(),
  };
  return fc.oneof({ weight: 12, arbitrary: typed[name] ?? text }, { weight: 1, arbitrary: junk });
}

/** An annotation as restoreAnnotation takes it: a real one, changed here and there. */
function annotationLike(): fc.Arbitrary<unknown> {
  return fc
    .record({
      base: live((s) => s.annotations.keys()),
      // Mostly the real annotation's own ids (a restore of what was deleted), sometimes others.
      id: fc.option(anyId, { freq: 3 }),
      articleId: fc.option(anyId, { freq: 3 }),
      revision: fc.oneof({ weight: 3, arbitrary: fc.constant(1) }, fc.integer({ min: -2, max: 5 })),
      tagIds: fc.array(anyId, { maxLength: 3 }),
      exact: text,
      anchor: fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom('anchored', 'moved', 'fuzzy', 'orphaned') },
        fc.string(),
      ),
    })
    .map(({ base, ...changed }) => {
      const real = notebook.store.state.annotations.get(base);
      if (!real) return changed;
      const { exact, id, articleId, ...rest } = changed;
      return {
        ...real,
        ...rest,
        ...(id !== null && { id }),
        ...(articleId !== null && { articleId }),
        selectors: [real.selectors[0], { ...real.selectors[1], exact: exact.slice(0, 5000) }],
      };
    });
}

/** Inputs for a call: its own fields (any of them missing, plus stray ones), or anything at all. */
function inputFor(name: CallName): fc.Arbitrary<unknown> {
  const schema = inputSchemas[name] as { shape?: Record<string, unknown> };
  const keys = Object.keys(schema.shape ?? {});
  const fields = Object.fromEntries(keys.map((k) => [k, field(k)]));
  const shaped = fc.record(fields);
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(shaped, fc.dictionary(fc.string({ maxLength: 12 }), junk, { maxKeys: 3 }))
        .map(([a, b]) => ({ ...b, ...a })),
    },
    { weight: 1, arbitrary: junk },
  );
}

const CODES = ['invalid-input', 'not-found', 'conflict', 'bad-file', 'storage'];

/** Runs per call: about 15 s in all on this 2-core machine (fast-check prints the seed of a failure). */
const RUNS = 25;

describe('every call, fuzzed through the dispatcher', () => {
  it.each([...CALL_NAMES])(
    '%s answers every input with an envelope; a refusal changes nothing',
    async (name) => {
      await fc.assert(
        fc.asyncProperty(inputFor(name), async (input) => {
          const files = await snapshotDir(dir);
          const state = plain(notebook.store.state);
          let envelope: Awaited<ReturnType<Dispatch>>;
          try {
            envelope = await dispatch(name, input);
          } catch (error) {
            throw new Error(`${name} threw instead of answering: ${String(error)}`, {
              cause: error,
            });
          }
          expect(typeof envelope).toBe('object');
          if (envelope.ok) return;
          expect(CODES, `${name}: ${envelope.error.message}`).toContain(envelope.error.code);
          expect(envelope.error.message.length).toBeGreaterThan(0);
          expect(await snapshotDir(dir)).toEqual(files);
          expect(plain(notebook.store.state)).toEqual(state);
        }),
        { numRuns: RUNS },
      );
      expect(internal).toEqual([]);
    },
    30_000,
  );

  it('answers unknown call names too', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), junk, async (name, input) => {
        const known = (CALL_NAMES as readonly string[]).includes(name);
        fc.pre(!known);
        expect(await dispatch(name, input)).toMatchObject({
          ok: false,
          error: { code: 'invalid-input' },
        });
      }),
      { numRuns: 100 },
    );
  });
});
