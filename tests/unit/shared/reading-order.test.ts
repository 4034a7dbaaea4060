// sortInReadingOrder: the order compareReadingOrder gives, ties and orphans included.
import { describe, expect, it } from 'vitest';
import {
  compareReadingOrder,
  sortInReadingOrder,
  type Annotation,
  type AnchorState,
} from '../../../electron/shared/model';

function annotation(id: string, start: number, end: number, anchor: AnchorState): Annotation {
  return {
    id,
    articleId: 'a',
    selectors: [
      { type: 'TextPositionSelector', start, end },
      { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
    ],
    revision: 1,
    tagIds: [],
    comment: '',
    createdAt: '',
    updatedAt: '',
    anchor,
    // Moved or fuzzy: drawn at a candidate elsewhere; orphans have none (or a stale one).
    ...(anchor !== 'anchored' && { candidate: { start: start + 7, end: end + 3 } }),
  };
}

describe('sortInReadingOrder', () => {
  it('orders as compareReadingOrder does, keeping ties in the order given', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const anchors: AnchorState[] = ['anchored', 'anchored', 'moved', 'fuzzy', 'orphaned'];
    const list = Array.from({ length: 2000 }, (_, i) => {
      // Few distinct places, so equal starts and equal spans are common.
      const start = Math.floor(next() * 300);
      const end = start + 1 + Math.floor(next() * 20);
      const anchor = anchors[Math.floor(next() * anchors.length)]!;
      const a = annotation(`n${i}`, start, end, anchor);
      if (anchor === 'orphaned') delete a.candidate;
      return a;
    });
    const expected = [...list].sort(compareReadingOrder).map((a) => a.id);
    const sorted = [...list];
    expect(sortInReadingOrder(sorted)).toBe(sorted);
    expect(sorted.map((a) => a.id)).toEqual(expected);
  });
});
