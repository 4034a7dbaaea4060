// Coders' layers: each coder a line style of their own (the unknown coder's apart), all / one /
// two compared and what each shows, the choice kept, and for comparison which passages meet the
// other coder's and where the two coders' passages overlap.
import { describe, expect, it } from 'vitest';
import type { Analyst, Annotation } from '../../../../electron/shared/model';
import { sharedSpans } from '../../../../renderer/src/lib/reader/coder-highlights';
import { analysts } from '../../../../renderer/src/lib/state/analyst.svelte';
import {
  codersOf,
  Coders,
  meetingOther,
  showsCoder,
  UNKNOWN_CODER,
} from '../../../../renderer/src/lib/state/coders.svelte';

const analyst = (id: string, name: string, createdAt: string): Analyst => ({
  id,
  name,
  initials: name.slice(0, 2).toUpperCase(),
  color: '#7aa7f0',
  createdAt,
});

function annotation(id: string, start: number, end: number, createdBy?: string): Annotation {
  return {
    id,
    articleId: 'a',
    revision: 1,
    selectors: [
      { type: 'TextPositionSelector', start, end },
      { type: 'TextQuoteSelector', exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    ],
    tagIds: [],
    comment: '',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    anchor: 'anchored',
    ...(createdBy !== undefined && { createdBy }),
  };
}

describe('coders of a notebook', () => {
  it('are in the order they were first named, each with its own line, the unknown coder last', () => {
    const list = codersOf([
      analyst('b', 'Bahar', '2026-02-01T00:00:00Z'),
      analyst('a', 'Leyla', '2026-01-01T00:00:00Z'),
      analyst('c', 'Rəşad', '2026-03-01T00:00:00Z'),
      analyst('d', 'Nigar', '2026-04-01T00:00:00Z'),
    ]);
    expect(list.map((c) => c.key)).toEqual(['a', 'b', 'c', 'd', UNKNOWN_CODER]);
    expect(list.map((c) => c.style)).toEqual(['solid', 'dashed', 'dotted', 'double', 'wavy']);
    expect(list.map((c) => c.slot)).toEqual([0, 1, 2, 3, 4]);
    expect(list.at(-1)).toMatchObject({ name: 'Unknown coder', initials: '?' });
  });

  it('show all, one or two, by coder', () => {
    const one = { mode: 'one' as const, one: 'a', pair: ['', ''] as const };
    expect(showsCoder(one, 'a')).toBe(true);
    expect(showsCoder(one, 'b')).toBe(false);
    const two = { mode: 'compare' as const, one: '', pair: ['a', UNKNOWN_CODER] as const };
    expect(showsCoder(two, UNKNOWN_CODER)).toBe(true);
    expect(showsCoder(two, 'b')).toBe(false);
    expect(showsCoder({ ...two, mode: 'all' }, 'b')).toBe(true);
  });
});

describe('the coders state', () => {
  it('filters by coder, takes annotations naming nobody (or nobody known) as the unknown coder’s, and keeps the pair apart', () => {
    analysts.all = [
      analyst('a', 'Leyla', '2026-01-01T00:00:00Z'),
      analyst('b', 'Bahar', '2026-02-01T00:00:00Z'),
    ];
    const coders = new Coders();
    const list = [
      annotation('1', 0, 5, 'a'),
      annotation('2', 3, 9, 'b'),
      annotation('3', 10, 12),
      annotation('4', 20, 22, 'someone-gone'),
    ];
    expect(coders.filter(list)).toBe(list);
    expect(coders.several(list)).toBe(true);
    expect(coders.several(list.slice(0, 1))).toBe(false);
    expect(coders.presentIn(list).map((c) => c.key)).toEqual(['a', 'b', UNKNOWN_CODER]);

    coders.showOne('b');
    expect(coders.filter(list).map((a) => a.id)).toEqual(['2']);
    coders.showOne(UNKNOWN_CODER);
    expect(coders.filter(list).map((a) => a.id)).toEqual(['3', '4']);

    coders.compare(undefined, undefined, ['b', 'a']);
    expect(coders.pair).toEqual(['b', 'a']);
    expect(coders.filter(list).map((a) => a.id)).toEqual(['1', '2']);
    // Choosing the other's coder swaps the two, so the pair never holds one coder twice.
    coders.setPair(0, 'a');
    expect(coders.pair).toEqual(['a', 'b']);
    // The choice stays: all, then compare again, brings back the same pair.
    coders.showAll();
    coders.compare();
    expect(coders.pair).toEqual(['a', 'b']);
  });
});

describe('comparing two coders', () => {
  it('says which passages meet the other coder’s, whatever else the list holds', () => {
    const list = [
      annotation('a1', 0, 10, 'a'),
      annotation('a2', 20, 30, 'a'),
      annotation('a3', 40, 50, 'a'),
      annotation('b1', 5, 8, 'b'),
      annotation('b2', 30, 40, 'b'), // touches a2 and a3 without sharing a character
      annotation('b3', 49, 60, 'b'),
      annotation('c1', 20, 30, 'c'),
      { ...annotation('b4', 0, 60, 'b'), anchor: 'orphaned' as const },
    ];
    const meeting = meetingOther(list, (a) => a.createdBy ?? UNKNOWN_CODER, ['a', 'b']);
    expect([...meeting].sort()).toEqual(['a1', 'a3', 'b1', 'b3']);
  });

  it('finds where the two coders’ passages overlap, each side’s own overlaps merged first', () => {
    expect(
      sharedSpans(
        [
          [0, 10],
          [5, 15],
          [30, 40],
        ],
        [
          [12, 20],
          [35, 36],
          [38, 50],
          [60, 70],
        ],
      ),
    ).toEqual([
      [12, 15],
      [35, 36],
      [38, 40],
    ]);
    expect(sharedSpans([[0, 5]], [[5, 9]])).toEqual([]);
  });
});
