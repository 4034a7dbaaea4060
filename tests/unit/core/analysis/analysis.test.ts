// Tag frequencies and co-occurrence on small worked examples whose figures are counted by hand.
import { describe, expect, it } from 'vitest';
import { coveredLength, mergeSpans } from '../../../../electron/core/analysis/coded-spans';
import { cooccurrence } from '../../../../electron/core/analysis/cooccurrence';
import { tagCoverage } from '../../../../electron/core/analysis/coverage';
import { tagFrequencies } from '../../../../electron/core/analysis/frequencies';
import type { Annotation, AnchorState } from '../../../../electron/shared/model';

/** A passage [start, end) of `articleId` with `tagIds`; moved ones sit at their candidate. */
function passage(
  id: string,
  articleId: string,
  [start, end]: [number, number],
  tagIds: string[],
  anchor: AnchorState = 'anchored',
): Annotation {
  const where = anchor === 'anchored' ? { start, end } : { start: 900, end: 910 };
  return {
    id,
    articleId,
    selectors: [
      { type: 'TextPositionSelector', ...where },
      { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
    ],
    revision: 1,
    tagIds,
    comment: '',
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    anchor,
    ...((anchor === 'moved' || anchor === 'fuzzy') && { candidate: { start, end } }),
  };
}

describe('coded spans', () => {
  it('merges overlapping and touching passages, whatever their order; empty ones cover nothing', () => {
    const spans = [
      { start: 20, end: 30 },
      { start: 0, end: 10 },
      { start: 5, end: 12 },
      { start: 12, end: 14 },
      { start: 40, end: 40 },
    ];
    expect(mergeSpans(spans)).toEqual([
      { start: 0, end: 14 },
      { start: 20, end: 30 },
    ]);
    expect(coveredLength(spans)).toBe(24);
    // The input is left as it was.
    expect(spans[1]).toEqual({ start: 0, end: 10 });
  });
});

describe('tag frequencies', () => {
  it('counts passages and coded characters per tag, overall and per article', () => {
    const frequencies = tagFrequencies([
      passage('a', 'one', [0, 10], ['T1']),
      passage('b', 'one', [5, 15], ['T1', 'T1']),
      passage('c', 'one', [20, 30], ['T2']),
      passage('d', 'two', [0, 5], ['T2']),
      // Moved: counted where it is now.
      passage('e', 'two', [10, 14], ['T1'], 'moved'),
      // Orphaned: still carries its tag, but has no place to count.
      passage('f', 'two', [0, 0], ['T1'], 'orphaned'),
    ]);
    expect(
      frequencies.map(({ byArticle, ...rest }) => ({ ...rest, byArticle: [...byArticle] })),
    ).toEqual([
      {
        tagId: 'T1',
        passages: 3,
        codedChars: 15 + 4,
        unplaced: 1,
        byArticle: [
          ['one', { passages: 2, codedChars: 15, unplaced: 0 }],
          ['two', { passages: 1, codedChars: 4, unplaced: 1 }],
        ],
      },
      {
        tagId: 'T2',
        passages: 2,
        codedChars: 15,
        unplaced: 0,
        byArticle: [
          ['one', { passages: 1, codedChars: 10, unplaced: 0 }],
          ['two', { passages: 1, codedChars: 5, unplaced: 0 }],
        ],
      },
    ]);
  });
});

describe('co-occurrence', () => {
  // a [0,10) A; b [5,15) B; c [20,30) A+B; d [12,14) C; e elsewhere, orphaned, A+C.
  const annotations = [
    passage('a', 'one', [0, 10], ['A']),
    passage('b', 'one', [5, 15], ['B']),
    passage('c', 'one', [20, 30], ['A', 'B']),
    passage('d', 'one', [12, 14], ['C']),
    passage('e', 'one', [0, 0], ['A', 'C'], 'orphaned'),
  ];

  it('by overlap: a passage with another it overlaps, and with itself', () => {
    const result = cooccurrence([{ annotations }], 'overlap');
    // A-B: a overlaps b, and c has both. B-C: b overlaps d. a ends before d starts: no A-C.
    expect(result.cells).toEqual([
      { tags: ['A', 'B'], count: 2, annotationIds: ['a', 'b', 'c'] },
      { tags: ['B', 'C'], count: 1, annotationIds: ['b', 'd'] },
    ]);
    expect(Object.fromEntries(result.diagonal)).toEqual({ A: 2, B: 2, C: 1 });
  });

  it('by paragraph: tags used in the same block, a passage counting in every block it reaches', () => {
    const blocks = [
      { start: 0, end: 10 },
      { start: 11, end: 40 },
    ];
    const result = cooccurrence([{ annotations, blocks }], 'paragraph');
    // Block 0: a (A), b (B). Block 1: b (B), c (A, B), d (C).
    expect(result.cells).toEqual([
      { tags: ['A', 'B'], count: 2, annotationIds: ['a', 'b', 'c'] },
      // Behind a cell, only the passages there with either of its tags.
      { tags: ['A', 'C'], count: 1, annotationIds: ['d', 'c'] },
      { tags: ['B', 'C'], count: 1, annotationIds: ['b', 'd', 'c'] },
    ]);
    expect(Object.fromEntries(result.diagonal)).toEqual({ A: 2, B: 2, C: 1 });
  });

  it('keeps articles apart: the same offsets in two articles do not overlap', () => {
    const result = cooccurrence(
      [
        { annotations: [passage('x', 'one', [0, 10], ['A'])] },
        { annotations: [passage('y', 'two', [0, 10], ['B'])] },
      ],
      'overlap',
    );
    expect(result.cells).toEqual([]);
    expect(Object.fromEntries(result.diagonal)).toEqual({ A: 1, B: 1 });
  });
});

describe('coverage along an article', () => {
  it('gives each tag its runs in text order, tags as they first appear; orphans have none', () => {
    const coverage = tagCoverage([
      passage('a', 'one', [40, 50], ['B']),
      passage('b', 'one', [0, 10], ['A']),
      passage('c', 'one', [8, 20], ['A', 'B']),
      passage('d', 'one', [0, 0], ['C'], 'orphaned'),
    ]);
    expect(coverage).toEqual([
      { tagId: 'A', runs: [{ start: 0, end: 20 }], coveredChars: 20 },
      {
        tagId: 'B',
        runs: [
          { start: 8, end: 20 },
          { start: 40, end: 50 },
        ],
        coveredChars: 22,
      },
    ]);
  });
});
