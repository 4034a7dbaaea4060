import { describe, expect, it } from 'vitest';
import { IntervalIndex } from '../../../../renderer/src/lib/reader/interval-index';
import { prng } from './prng';

interface Span {
  id: number;
  start: number;
  end: number;
}

function randomSpans(seed: number, count: number, textLength: number): Span[] {
  const { int, next } = prng(seed);
  return Array.from({ length: count }, (_, id) => {
    const start = int(0, textLength);
    // Mostly short passages, some long ones that cover many others, a few empty.
    const r = next();
    const length = r < 0.05 ? 0 : r < 0.9 ? int(1, 80) : int(80, textLength / 2);
    return { id, start, end: Math.min(textLength, start + length) };
  });
}

const byStart = (a: Span, b: Span) => a.start - b.start || b.end - a.end || a.id - b.id;
const ids = (spans: Span[]) => spans.map((s) => s.id);

describe('IntervalIndex', () => {
  for (const seed of [1, 2, 3, 42]) {
    it(`answers overlap and point queries like a brute-force scan (seed ${seed})`, () => {
      const spans = randomSpans(seed, 2000, 20_000);
      const index = new IntervalIndex(spans, (s) => s);
      // Input already in order (as the core lists annotations) takes another path.
      const presorted = new IntervalIndex([...spans].sort(byStart), (s) => s);
      const { int } = prng(seed * 7919);
      for (let q = 0; q < 500; q++) {
        const start = int(-50, 20_050);
        const end = start + int(0, 3000);
        const expected = spans.filter((s) => s.start < end && s.end > start).sort(byStart);
        const got = index.overlapping(start, end);
        // Sorted by start; equal starts may come in either order, so compare as sets too.
        expect(got.map((s) => s.start)).toEqual(expected.map((s) => s.start));
        expect(new Set(ids(got))).toEqual(new Set(ids(expected)));
        expect(ids(presorted.overlapping(start, end))).toEqual(ids(got));

        const at = int(0, 20_000);
        const covering = spans.filter((s) => s.start <= at && at < s.end);
        expect(new Set(ids(index.containing(at)))).toEqual(new Set(ids(covering)));
      }
    });
  }

  it('orders equal starts outer first, whatever the input order', () => {
    const spans = [
      { id: 0, start: 5, end: 6 },
      { id: 1, start: 5, end: 9 },
      { id: 2, start: 1, end: 3 },
      { id: 3, start: 5, end: 7 },
    ];
    expect(ids(new IntervalIndex(spans, (s) => s).overlapping(0, 10))).toEqual([2, 1, 3, 0]);
  });

  it('handles no items, empty queries and touching intervals', () => {
    expect(new IntervalIndex<Span>([], (s) => s).overlapping(0, 10)).toEqual([]);
    const index = new IntervalIndex(
      [
        { id: 0, start: 0, end: 5 },
        { id: 1, start: 5, end: 9 },
      ],
      (s) => s,
    );
    expect(ids(index.overlapping(5, 5))).toEqual([]);
    expect(ids(index.overlapping(4, 6))).toEqual([0, 1]);
    expect(ids(index.containing(5))).toEqual([1]);
    expect(ids(index.containing(9))).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('stays fast when one long interval covers all the others', () => {
    const spans: Span[] = [{ id: -1, start: 0, end: 2_000_000 }];
    for (let i = 0; i < 200_000; i++) spans.push({ id: i, start: i * 10, end: i * 10 + 5 });
    const index = new IntervalIndex(spans, (s) => s);
    let hits = 0;
    const started = performance.now();
    for (let q = 0; q < 20_000; q++) hits += index.containing(q * 97 + 1).length;
    const elapsed = performance.now() - started;
    expect(hits).toBe(20_000 + 10_000); // the long one every time, a short one half the time
    // A scan back from the offset while the running max end reaches it would visit ~4 * 10^9
    // intervals here (seconds); the tree visits a few dozen per query.
    expect(elapsed).toBeLessThan(1000);
  });
});
