// Packing annotations for the export worker: what comes out of the worker's side is every field
// as it went in, whatever the strings, states and tags, and the main thread is let go when due.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  packAnnotations,
  unpackAnnotations,
  type PackedAnnotations,
} from '../../../../electron/core/export/packed-annotations';
import { ANCHOR_STATES, type Annotation } from '../../../../electron/shared/model';
import { NOTES_ANNOTATIONS, TIES_ANNOTATIONS } from './fixtures';

/** The way to the worker and back: structured clone, as postMessage does. */
const trip = async (annotations: Annotation[]) =>
  unpackAnnotations(structuredClone(await packAnnotations(annotations)));

const span = fc
  .tuple(fc.nat({ max: 5_000_000 }), fc.nat({ max: 5_000 }))
  .map(([start, length]) => ({ start, end: start + length }));
const text = fc.string({ unit: 'binary', maxLength: 40 });
const annotation: fc.Arbitrary<Annotation> = fc
  .record({
    id: fc.oneof(fc.uuid(), text),
    articleId: fc.constantFrom('a1', 'a2', ''),
    position: span,
    exact: text,
    prefix: text,
    suffix: text,
    revision: fc.integer({ min: 1, max: 50 }),
    tagIds: fc.array(fc.constantFrom('t1', 't2', 't3', 'ə 🤝🏽'), { maxLength: 4 }),
    comment: text,
    createdAt: fc.constantFrom('2026-11-28T18:05:00.000Z', ''),
    updatedAt: fc.constantFrom('2026-11-28T18:05:00.000Z', '2026-11-29T01:00:00.000Z'),
    anchor: fc.constantFrom(...ANCHOR_STATES),
    candidate: fc.option(span, { nil: undefined }),
  })
  .map(({ position, exact, prefix, suffix, candidate, ...rest }) => ({
    id: rest.id,
    articleId: rest.articleId,
    selectors: [
      { type: 'TextPositionSelector' as const, ...position },
      { type: 'TextQuoteSelector' as const, exact, prefix, suffix },
    ],
    revision: rest.revision,
    tagIds: rest.tagIds,
    comment: rest.comment,
    createdAt: rest.createdAt,
    updatedAt: rest.updatedAt,
    anchor: rest.anchor,
    ...(candidate && { candidate }),
  }));

describe('packed annotations', () => {
  it('come back as they were, in their order: the export fixtures', async () => {
    const all = [...TIES_ANNOTATIONS, ...NOTES_ANNOTATIONS];
    expect(await trip(all)).toStrictEqual(all);
  });

  it('come back as they were, whatever their fields hold', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(annotation, { maxLength: 60 }), async (list) => {
        expect(await trip(list)).toStrictEqual(list);
      }),
    );
  });

  it('travel as one typed array and a list of strings, repeated ids once', async () => {
    const packed = await packAnnotations(TIES_ANNOTATIONS);
    expect(packed.numbers).toBeInstanceOf(Float64Array);
    expect(packed.strings.every((s) => typeof s === 'string')).toBe(true);
    expect(new Set(packed.words).size).toBe(packed.words.length);
    expect(await packAnnotations([])).toEqual({
      count: 0,
      words: [],
      numbers: new Float64Array(0),
      strings: [],
    });
  });

  it('pause when the slicer says the main thread is due, and only then', async () => {
    const list = Array.from({ length: 1000 }, () => TIES_ANNOTATIONS[0]!);
    let pauses = 0;
    const packed = await packAnnotations(list, {
      due: () => true,
      pause: async () => void pauses++,
    });
    expect(pauses).toBeGreaterThan(3);
    expect(unpackAnnotations(packed)).toStrictEqual(list);
    pauses = 0;
    await packAnnotations(list, { due: () => false, pause: async () => void pauses++ });
    expect(pauses).toBe(0);
  });

  it('refuse to unpack what does not add up', async () => {
    const packed = await packAnnotations(TIES_ANNOTATIONS);
    const short: PackedAnnotations = { ...packed, strings: packed.strings.slice(0, -1) };
    expect(() => unpackAnnotations(short)).toThrow('Packed annotations arrived damaged.');
  });

  it('refuse an anchor state the model does not have', async () => {
    const odd = { ...TIES_ANNOTATIONS[0]!, anchor: 'lost' } as unknown as Annotation;
    await expect(packAnnotations([odd])).rejects.toThrow('unknown anchor state');
  });
});
