// Which pages a passage lies on, as every view and export says it.
import { describe, expect, it } from 'vitest';
import type { Place } from '../../../electron/shared/model';
import { citePages, pageSpan, pagesOf, placeRange } from '../../../electron/shared/places';

const page = (label: string, start: number): Place => ({ kind: 'page', label, start });
// Pages "iv", "1", "2" begin at 0, 100 and 200; a chapter begins at 150.
const places: Place[] = [
  page('iv', 0),
  page('1', 100),
  { kind: 'chapter', label: 'Two', start: 150 },
  page('2', 200),
];

describe('pages of a passage', () => {
  it('names the page a passage starts and ends on, the end being exclusive', () => {
    expect(pagesOf(places, { start: 10, end: 20 })).toEqual({ first: 'iv', last: 'iv' });
    expect(pagesOf(places, { start: 90, end: 100 })).toEqual({ first: 'iv', last: 'iv' });
    expect(pagesOf(places, { start: 90, end: 101 })).toEqual({ first: 'iv', last: '1' });
    expect(pagesOf(places, { start: 199, end: 260 })).toEqual({ first: '1', last: '2' });
    expect(pagesOf(places, { start: 250, end: 250 })).toEqual({ first: '2', last: '2' });
  });

  it('says nothing for an article without pages, and ignores other kinds', () => {
    expect(pagesOf(undefined, { start: 0, end: 5 })).toBeUndefined();
    expect(pagesOf([{ kind: 'chapter', label: 'One', start: 0 }], { start: 0, end: 5 })).toBe(
      undefined,
    );
    expect(placeRange(places, { start: 160, end: 170 }, 'chapter')?.first.label).toBe('Two');
  });

  it('gives text before the first place to the first one', () => {
    const late = [page('3', 40), page('4', 80)];
    expect(pagesOf(late, { start: 0, end: 10 })).toEqual({ first: '3', last: '3' });
  });

  it('cites one page or a range with an en dash, even for labels with hyphens', () => {
    expect(citePages({ first: '4', last: '4' })).toBe('p. 4');
    expect(citePages({ first: '4', last: '5' })).toBe('pp. 4–5');
    expect(pageSpan({ first: 'A-1', last: 'A-2' })).toBe('A-1–A-2');
  });
});
