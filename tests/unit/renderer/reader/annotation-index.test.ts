import { describe, expect, it } from 'vitest';
import {
  compareReadingOrder,
  type Annotation,
  type AnchorState,
} from '../../../../electron/shared/model';
import { AnnotationIndex } from '../../../../renderer/src/lib/reader/annotation-index';
import { prng } from './prng';

function annotation(
  id: string,
  start: number,
  end: number,
  anchor: AnchorState = 'anchored',
  candidate?: { start: number; end: number },
): Annotation {
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
    ...(candidate ? { candidate } : {}),
  };
}

describe('AnnotationIndex', () => {
  it('finds what is under an offset, innermost first', () => {
    const index = new AnnotationIndex([
      annotation('outer', 0, 100),
      annotation('middle', 10, 50),
      annotation('inner', 20, 30),
      annotation('elsewhere', 60, 70),
    ]);
    expect(index.at(25).map((a) => a.id)).toEqual(['inner', 'middle', 'outer']);
    expect(index.at(40).map((a) => a.id)).toEqual(['middle', 'outer']);
    expect(index.at(65).map((a) => a.id)).toEqual(['elsewhere', 'outer']);
    expect(index.at(100)).toEqual([]);
  });

  it('breaks ties between equal lengths by the later start, then the id', () => {
    const index = new AnnotationIndex([
      annotation('b', 10, 20),
      annotation('a', 10, 20),
      annotation('left', 5, 15),
    ]);
    expect(index.at(12).map((a) => a.id)).toEqual(['a', 'b', 'left']);
  });

  it('places moved and fuzzy annotations at their candidate, and leaves orphans out', () => {
    const index = new AnnotationIndex([
      annotation('moved', 0, 10, 'moved', { start: 200, end: 210 }),
      annotation('fuzzy', 0, 10, 'fuzzy', { start: 300, end: 305 }),
      annotation('orphan', 0, 10, 'orphaned'),
      annotation('here', 0, 10),
    ]);
    expect(index.size).toBe(3);
    expect(index.at(5).map((a) => a.id)).toEqual(['here']);
    expect(index.at(205).map((a) => a.id)).toEqual(['moved']);
    const placed = index.overlapping(0, 1000);
    expect(placed.map((p) => [p.annotation.id, p.start, p.review])).toEqual([
      ['here', 0, false],
      ['moved', 200, true],
      ['fuzzy', 300, true],
    ]);
  });

  it('agrees with a brute-force scan on random annotations', () => {
    const { int, next } = prng(2024);
    const anchors: AnchorState[] = [
      'anchored',
      'anchored',
      'anchored',
      'moved',
      'fuzzy',
      'orphaned',
    ];
    const list = Array.from({ length: 3000 }, (_, i) => {
      const start = int(0, 50_000);
      const end = start + (next() < 0.9 ? int(1, 120) : int(120, 5000));
      const anchor = anchors[int(0, anchors.length)]!;
      const shift = int(-300, 300);
      return annotation(`n${i}`, start, end, anchor, {
        start: Math.max(0, start + shift),
        end: Math.max(1, end + shift),
      });
    });
    const index = new AnnotationIndex(list);
    const spanOf = (a: Annotation) => (a.anchor === 'anchored' ? a.selectors[0] : a.candidate!);
    for (let q = 0; q < 400; q++) {
      const at = int(0, 50_000);
      const expected = list
        .filter((a) => a.anchor !== 'orphaned')
        .filter((a) => spanOf(a).start <= at && at < spanOf(a).end);
      const got = index.at(at);
      expect(new Set(got.map((a) => a.id))).toEqual(new Set(expected.map((a) => a.id)));
      const lengths = got.map((a) => spanOf(a).end - spanOf(a).start);
      expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
    }
    // Per chunk: several disjoint spans, each annotation once.
    const spans = [
      { start: 1000, end: 5000 },
      { start: 5000, end: 9000 },
      { start: 30_000, end: 31_000 },
    ];
    // A fresh index answers by scanning; a prepared one through its tree: the same answer.
    const scanned = new AnnotationIndex(list).inSpans(spans);
    const hits = index.inSpans(spans);
    expect(scanned).toEqual(hits);
    const expected = list.filter(
      (a) =>
        a.anchor !== 'orphaned' &&
        spanOf(a).end > spanOf(a).start &&
        spans.some((s) => spanOf(a).start < s.end && spanOf(a).end > s.start),
    );
    expect(hits.map((p) => p.annotation.id).sort()).toEqual(expected.map((a) => a.id).sort());
    // In reading order, as the core lists them, the scan stops past the last span: the same.
    const ordered = new AnnotationIndex([...list].sort(compareReadingOrder));
    const scannedInOrder = ordered.inSpans(spans);
    ordered.prepare();
    expect(scannedInOrder).toEqual(ordered.inSpans(spans));
    expect(scannedInOrder.map((p) => p.annotation.id).sort()).toEqual(
      expected.map((a) => a.id).sort(),
    );
  });
});
