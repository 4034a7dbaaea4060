// The adjudication view's text helpers and where its list stands after a reread: the runs it marks
// (stretch, A, B, the edited span), the edited span moved by character and by word and kept
// inside the shown text, offsets read back from a selection, and the next open disagreement.
import { describe, expect, it } from 'vitest';
import type { Disagreement } from '../../../../electron/shared/agreement';
import {
  initialEdit,
  moveEdge,
  offsetAt,
  runsOf,
  shownRange,
  snippetOf,
} from '../../../../renderer/src/components/agreement/passages';
import { nextOpen, placeIn } from '../../../../renderer/src/lib/state/agreement.svelte';

// "Bakı limanı və " [100, 115) + "Şuşa yolu" [115, 124) + " açıldı 🚢." [124, 135)
const BEFORE = 'Bakı limanı və ';
const TEXT = 'Şuşa yolu';
const AFTER = ' açıldı 🚢.';

function disagreement(over: Partial<Disagreement> = {}): Disagreement {
  return {
    key: 'art:tag:115-124',
    articleId: 'art',
    tagId: 'tag',
    span: { start: 115, end: 124 },
    before: BEFORE,
    text: TEXT,
    after: AFTER,
    // A coded "limanı və Şuşa yolu", B nothing here.
    a: [
      {
        annotationId: 'p1',
        analystId: 'a',
        span: { start: 105, end: 124 },
        quote: '',
        comment: '',
      },
    ],
    b: [],
    ...over,
  };
}

describe('runsOf', () => {
  it('cuts the shown text where each mark begins or ends, and joins back to it', () => {
    const d = disagreement();
    const runs = runsOf(d, { start: 110, end: 120 });
    expect(runs.map((r) => r.text).join('')).toBe(BEFORE + TEXT + AFTER);
    expect(runs[0]).toMatchObject({ start: 100, end: 105, a: false, stretch: false, edit: false });
    const stretch = runs
      .filter((r) => r.stretch)
      .map((r) => r.text)
      .join('');
    expect(stretch).toBe(TEXT);
    const a = runs
      .filter((r) => r.a)
      .map((r) => r.text)
      .join('');
    expect(a).toBe('limanı və Şuşa yolu');
    const edited = runs
      .filter((r) => r.edit)
      .map((r) => r.text)
      .join('');
    expect(edited).toBe('ı və Şuşa ');
    expect(runs.some((r) => r.b)).toBe(false);
  });

  it('leaves out what lies beyond the shown text', () => {
    const d = disagreement({
      a: [
        {
          annotationId: 'p1',
          analystId: 'a',
          span: { start: 0, end: 500 },
          quote: '',
          comment: '',
        },
      ],
    });
    const runs = runsOf(d, null);
    expect(runs[0]!.start).toBe(100);
    expect(runs.at(-1)!.end).toBe(135);
    expect(runs.every((r) => r.a)).toBe(true);
  });
});

describe('the edited span', () => {
  it('starts over both coders’ passages, inside the shown text', () => {
    expect(initialEdit(disagreement())).toEqual({ start: 105, end: 124 });
    const wide = disagreement({
      b: [
        {
          annotationId: 'p2',
          analystId: 'b',
          span: { start: 120, end: 900 },
          quote: '',
          comment: '',
        },
      ],
    });
    expect(initialEdit(wide)).toEqual({ start: 105, end: shownRange(wide).end });
  });

  it('moves an edge by a character or a word, never past the shown text nor to nothing', () => {
    const d = disagreement();
    const span = { start: 115, end: 124 };
    expect(moveEdge(d, span, 'start', -1, false)).toEqual({ start: 114, end: 124 });
    expect(moveEdge(d, span, 'end', 1, false)).toEqual({ start: 115, end: 125 });
    // Back a word from "Şuşa": over the space, then over "və".
    expect(moveEdge(d, span, 'start', -1, true)).toEqual({ start: 112, end: 124 });
    // On a word's last letter, forward: to the word's end.
    expect(moveEdge(d, { start: 115, end: 118 }, 'end', 1, true)).toEqual({ start: 115, end: 119 });
    expect(moveEdge(d, { start: 100, end: 104 }, 'start', -1, false)).toEqual({
      start: 100,
      end: 104,
    });
    expect(moveEdge(d, { start: 120, end: 135 }, 'end', 1, true)).toEqual({ start: 120, end: 135 });
    // The start can't pass the end.
    expect(moveEdge(d, { start: 115, end: 116 }, 'start', 1, false)).toEqual({
      start: 115,
      end: 116,
    });
  });
});

describe('offsetAt', () => {
  it('reads an article offset from a point in a run', () => {
    const p = document.createElement('p');
    p.innerHTML = '<span data-o="100">Bakı </span><span data-o="105">limanı</span>';
    const second = p.children[1]!;
    expect(offsetAt(second.firstChild, 3)).toBe(108);
    expect(offsetAt(second, 0)).toBe(105);
    expect(offsetAt(second, 1)).toBe(111);
    expect(offsetAt(p, 0)).toBeNull();
  });
});

describe('snippetOf', () => {
  it('keeps a little context each side and shortens a long stretch in its middle', () => {
    const long = 'ə'.repeat(500);
    const s = snippetOf(
      disagreement({ before: 'x'.repeat(100), text: long, after: 'y'.repeat(100) }),
    );
    expect(s.before).toBe(`…${'x'.repeat(60)}`);
    expect(s.after).toBe(`${'y'.repeat(60)}…`);
    expect(s.text).toContain(' … ');
    expect(s.text.length).toBeLessThan(260);
  });
});

describe('where the list stands', () => {
  const list = (decided: Array<boolean>) =>
    decided.map((d, i) => disagreement({ key: `k${i}`, ...(d && { decided: 'a' as const }) }));

  it('goes to the next open one after a place, wrapping round', () => {
    expect(nextOpen(list([false, true, false]), 0)).toBe(2);
    expect(nextOpen(list([false, true, true]), 0)).toBe(0);
    expect(nextOpen(list([true, true]), 0)).toBeNull();
  });

  it('stays on the same disagreement when it is still listed, else the next open one', () => {
    expect(placeIn(list([false, false, false]), 'k1', 0)).toBe(1);
    expect(placeIn(list([true, false]), 'gone', 0)).toBe(1);
    expect(placeIn([], 'k1', 3)).toBe(0);
  });
});
