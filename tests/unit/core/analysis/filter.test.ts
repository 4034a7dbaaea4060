// What a NotebookFilter keeps, on a hand-made notebook state: each narrowing alone, together,
// days in the analyst's own time zone, and the refusals.
import { afterEach, describe, expect, it } from 'vitest';
import { annotationFilter, articleFilter } from '../../../../electron/core/analysis/filter';
import type { NotebookState } from '../../../../electron/core/store';
import type { Annotation, AnchorState, Tag } from '../../../../electron/shared/model';
import { analyst, article, tag } from '../../../fixtures/store/notebook-fixtures';

const child = (id: string, parentId: string): Tag => ({ ...tag(id), parentId });

function passage(
  id: string,
  articleId: string,
  tagIds: string[],
  createdAt: string,
  more: { anchor?: AnchorState; createdBy?: string } = {},
): Annotation {
  return {
    id,
    articleId,
    selectors: [
      { type: 'TextPositionSelector', start: 0, end: 4 },
      { type: 'TextQuoteSelector', exact: 'Text', prefix: '', suffix: '' },
    ],
    revision: 1,
    tagIds,
    comment: '',
    createdAt,
    updatedAt: createdAt,
    anchor: more.anchor ?? 'anchored',
    ...(more.createdBy && { createdBy: more.createdBy }),
  };
}

// Economy > Trade > Exports; Politics on its own.
const annotations = [
  passage('n1', 'a1', ['economy'], '2026-12-01T08:00:00.000Z', { createdBy: 'leyla' }),
  passage('n2', 'a1', ['exports'], '2026-12-01T21:30:00.000Z', { anchor: 'moved' }),
  passage('n3', 'a2', ['politics'], '2026-12-02T10:00:00.000Z', { createdBy: 'leyla' }),
  passage('n4', 'a2', ['trade', 'politics'], '2026-12-03T10:00:00.000Z', { anchor: 'orphaned' }),
  passage('n5', 'a2', [], '2026-11-30T23:59:59.999Z', { createdBy: 'rauf' }),
];

const state: NotebookState = {
  articles: new Map([
    ['a1', article('a1')],
    ['a2', article('a2')],
  ]),
  annotations: new Map(annotations.map((a) => [a.id, a])),
  tags: new Map(
    [tag('economy'), child('trade', 'economy'), child('exports', 'trade'), tag('politics')].map(
      (t) => [t.id, t],
    ),
  ),
  analysts: new Map([
    ['leyla', analyst('leyla')],
    ['rauf', analyst('rauf')],
  ]),
  codebookLog: new Map(),
  tombstones: new Map(),
  adjudications: new Map(),
  peers: new Map(),
  meta: { sampleSeeded: true },
};

const kept = (filter: Parameters<typeof annotationFilter>[1]) =>
  annotations.filter(annotationFilter(state, filter)).map((a) => a.id);

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('annotationFilter', () => {
  it('keeps everything when nothing narrows', () => {
    expect(kept({})).toEqual(['n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('narrows by article, by a tag with its subtree, by analyst and by review', () => {
    expect(kept({ articleIds: ['a2'] })).toEqual(['n3', 'n4', 'n5']);
    expect(kept({ articleIds: [] })).toEqual([]);
    expect(kept({ tagId: 'economy' })).toEqual(['n1', 'n2', 'n4']);
    expect(kept({ tagId: 'trade' })).toEqual(['n2', 'n4']);
    expect(kept({ tagId: 'exports' })).toEqual(['n2']);
    expect(kept({ analystId: 'leyla' })).toEqual(['n1', 'n3']);
    expect(kept({ review: 'placed' })).toEqual(['n1', 'n3', 'n5']);
    expect(kept({ review: 'waiting' })).toEqual(['n2', 'n4']);
  });

  it('narrows by day in local time, both ends included', () => {
    process.env.TZ = 'UTC';
    expect(kept({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['n1', 'n2']);
    expect(kept({ from: '2026-12-02' })).toEqual(['n3', 'n4']);
    expect(kept({ to: '2026-11-30' })).toEqual(['n5']);
    // Baku is 4 hours ahead: 21:30 UTC is already the next day there, 23:59 the first of December.
    process.env.TZ = 'Asia/Baku';
    expect(kept({ from: '2026-12-01', to: '2026-12-01' })).toEqual(['n1', 'n5']);
    expect(kept({ from: '2026-12-02', to: '2026-12-02' })).toEqual(['n2', 'n3']);
  });

  it('combines every narrowing', () => {
    process.env.TZ = 'UTC';
    expect(kept({ tagId: 'politics', analystId: 'leyla', from: '2026-12-02' })).toEqual(['n3']);
    expect(kept({ tagId: 'economy', review: 'waiting', articleIds: ['a1'] })).toEqual(['n2']);
    expect(
      kept({ tagId: 'economy', review: 'placed', to: '2026-12-01', analystId: 'leyla' }),
    ).toEqual(['n1']);
    expect(kept({ tagId: 'exports', analystId: 'leyla' })).toEqual([]);
  });

  it('refuses what names nothing, a day the calendar lacks, and days in the wrong order', () => {
    expect(() => annotationFilter(state, { tagId: 'gone' })).toThrow('That tag no longer exists.');
    expect(() => annotationFilter(state, { analystId: 'gone' })).toThrow(
      'That analyst no longer exists.',
    );
    expect(() => annotationFilter(state, { articleIds: ['a1', 'gone'] })).toThrow(
      'That article no longer exists.',
    );
    expect(() => annotationFilter(state, { from: '2026-02-29' })).toThrow(
      '“2026-02-29” is not a day of the calendar.',
    );
    expect(() => annotationFilter(state, { to: '2026-13-01' })).toThrow(/not a day/);
    expect(() => annotationFilter(state, { to: '2028-02-29' })).not.toThrow();
    expect(() => annotationFilter(state, { from: '2026-12-02', to: '2026-12-01' })).toThrow(
      'The first day (2026-12-02) is after the last (2026-12-01).',
    );
  });
});

describe('articleFilter', () => {
  it('keeps the articles named, every article when none are, and refuses an unknown one', () => {
    expect(['a1', 'a2'].filter(articleFilter(state, {}))).toEqual(['a1', 'a2']);
    expect(['a1', 'a2'].filter(articleFilter(state, { articleIds: ['a2'] }))).toEqual(['a2']);
    expect(() => articleFilter(state, { articleIds: ['gone'] })).toThrow(/no longer exists/);
  });
});
