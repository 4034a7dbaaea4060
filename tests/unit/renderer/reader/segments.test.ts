import { describe, expect, it } from 'vitest';
import { buildBlockViews } from '../../../../renderer/src/lib/reader/segments';
import { overlapRanges } from '../../../../renderer/src/lib/reader/overlaps';

describe('buildBlockViews', () => {
  const text = 'Title\n\nSome bold and linked words.';
  const article = {
    text,
    blocks: [
      { type: 'heading' as const, level: 1, start: 0, end: 5 },
      { type: 'paragraph' as const, start: 7, end: text.length },
    ],
    marks: [
      { type: 'strong' as const, start: 12, end: 16 },
      { type: 'link' as const, start: 12, end: 27, href: 'https://example.org/' },
    ],
  };

  it('cuts each block into runs at mark boundaries, covering the block exactly', () => {
    const views = buildBlockViews(article);
    expect(views).toHaveLength(2);
    for (const view of views) {
      expect(view.segments.map((s) => s.text).join('')).toBe(text.slice(view.start, view.end));
      for (const s of view.segments) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    const runs = views[1]!.segments.map((s) => [s.text, s.strong, s.href ?? null]);
    expect(runs).toEqual([
      ['Some ', false, null],
      ['bold', true, 'https://example.org/'],
      [' and linked', false, 'https://example.org/'],
      [' words.', false, null],
    ]);
  });

  it('clips a mark that spans two blocks to each block', () => {
    const views = buildBlockViews({ ...article, marks: [{ type: 'em', start: 2, end: 10 }] });
    expect(views[0]!.segments.find((s) => s.em)?.text).toBe('tle');
    expect(views[1]!.segments.find((s) => s.em)?.text).toBe('Som');
  });
});

describe('overlapRanges', () => {
  it('finds stretches covered by two or more passages', () => {
    expect(
      overlapRanges([
        [0, 10],
        [5, 15],
        [20, 30],
        [22, 24],
        [23, 28],
      ]),
    ).toEqual([
      [5, 10],
      [22, 28],
    ]);
  });

  it('treats touching passages as not overlapping', () => {
    expect(
      overlapRanges([
        [0, 5],
        [5, 9],
      ]),
    ).toEqual([]);
  });
});
