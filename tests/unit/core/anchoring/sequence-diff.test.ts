// The sequence diff: equal runs that really are equal, in order, as long as a longest common
// subsequence when Myers runs, anchored on unique elements when asked, and capped.
import { describe, expect, it } from 'vitest';
import { diffSequences, type Run } from '../../../../electron/core/anchoring/sequence-diff';
import { Rng, mulberry32 } from './corpus';

const seq = (xs: number[]) => Int32Array.from(xs);
const matched = (runs: Run[]) => runs.reduce((n, r) => n + r.length, 0);

function lcsLength(a: Int32Array, b: Int32Array): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = [0];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

function expectValid(a: Int32Array, b: Int32Array, runs: Run[]) {
  let lastA = 0;
  let lastB = 0;
  for (const run of runs) {
    expect(run.length).toBeGreaterThan(0);
    expect(run.a).toBeGreaterThanOrEqual(lastA);
    expect(run.b).toBeGreaterThanOrEqual(lastB);
    for (let k = 0; k < run.length; k++) expect(a[run.a + k]).toBe(b[run.b + k]);
    lastA = run.a + run.length;
    lastB = run.b + run.length;
  }
  expect(lastA).toBeLessThanOrEqual(a.length);
  expect(lastB).toBeLessThanOrEqual(b.length);
}

const myersOnly = { anchors: false, maxCost: 1_000_000 };

describe('diffSequences', () => {
  it('matches identical sequences in one run', () => {
    const a = seq([1, 2, 3, 4]);
    expect(diffSequences(a, a, 5, myersOnly)).toEqual([{ a: 0, b: 0, length: 4 }]);
  });

  it('reports an insertion and a deletion as the runs around them', () => {
    expect(diffSequences(seq([1, 2, 3]), seq([1, 9, 2, 3]), 10, myersOnly)).toEqual([
      { a: 0, b: 0, length: 1 },
      { a: 1, b: 2, length: 2 },
    ]);
    expect(diffSequences(seq([1, 2, 3]), seq([1, 3]), 4, myersOnly)).toEqual([
      { a: 0, b: 0, length: 1 },
      { a: 2, b: 1, length: 1 },
    ]);
  });

  it('finds a longest common subsequence with Myers (random cases against an oracle)', () => {
    const rng = new Rng(mulberry32(3));
    for (let n = 0; n < 200; n++) {
      const a = seq(Array.from({ length: rng.int(40) }, () => rng.int(4)));
      const b = seq(Array.from({ length: rng.int(40) }, () => rng.int(4)));
      const runs = diffSequences(a, b, 4, myersOnly);
      expectValid(a, b, runs);
      expect(matched(runs)).toBe(lcsLength(a, b));
    }
  });

  it('stays valid with unique-element anchors', () => {
    const rng = new Rng(mulberry32(5));
    for (let n = 0; n < 200; n++) {
      const a = seq(Array.from({ length: rng.int(60) }, () => rng.int(30)));
      const b = seq(Array.from({ length: rng.int(60) }, () => rng.int(30)));
      expectValid(a, b, diffSequences(a, b, 30, { anchors: true, maxCost: 1_000_000 }));
    }
  });

  it('keeps the longer chain of unique lines when one moved (patience)', () => {
    // Lines 1..6; line 1 moved to the end: the other five stay matched.
    const runs = diffSequences(seq([1, 2, 3, 4, 5, 6]), seq([2, 3, 4, 5, 6, 1]), 7, {
      anchors: true,
      maxCost: 0,
    });
    expect(runs).toEqual([{ a: 1, b: 0, length: 5 }]);
  });

  it('leaves a gap unmatched rather than exceed the cost cap', () => {
    const a = seq([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = seq([8, 7, 6, 5, 4, 3, 2, 1]);
    expect(diffSequences(a, b, 9, { anchors: false, maxCost: 5 })).toEqual([]);
    expect(matched(diffSequences(a, b, 9, myersOnly))).toBe(1);
  });
});
