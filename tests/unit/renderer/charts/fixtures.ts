// A small Analysis answer made by hand, shaped as the core gives it: a tree of three tags (one
// with a child), two articles, pairs that co-occur and an attribute.
import type { Analysis, AnalysisTag, PassageCounts } from '../../../../electron/shared/analysis';

const counts = (passages: number, codedChars: number, unplaced = 0): PassageCounts => ({
  passages,
  codedChars,
  unplaced,
});

export const TAGS: AnalysisTag[] = [
  {
    id: 't-eco',
    path: 'Economy',
    name: 'Economy',
    color: '#2f7d4f',
    depth: 0,
    own: counts(1, 10),
    total: counts(3, 40, 1),
  },
  {
    id: 't-energy',
    path: 'Economy/Energy ə ş',
    name: 'Energy ə ş',
    color: '#f2c94c',
    parentId: 't-eco',
    depth: 1,
    own: counts(2, 35, 1),
    total: counts(2, 35, 1),
  },
  {
    id: 't-tour',
    path: 'Tourism 🌍',
    name: 'Tourism 🌍',
    color: '#1b3a8a',
    depth: 0,
    own: counts(4, 90),
    total: counts(4, 90),
  },
  {
    id: 't-unused',
    path: 'Unused',
    name: 'Unused',
    color: '#999999',
    depth: 0,
    own: counts(0, 0),
    total: counts(0, 0),
  },
];

export function analysisOf(overrides: Partial<Analysis> = {}): Analysis {
  return {
    tags: TAGS,
    articles: [
      { id: 'a1', title: 'First article', attributes: { country: 'AZ' }, length: 1000 },
      { id: 'a2', title: '=cmd|/C calc', attributes: {}, length: 500 },
    ],
    passages: 6,
    byArticle: [
      { tagId: 't-eco', column: 'a1', ...counts(1, 10) },
      { tagId: 't-energy', column: 'a1', ...counts(1, 20) },
      { tagId: 't-energy', column: 'a2', ...counts(1, 15, 1) },
      { tagId: 't-tour', column: 'a2', ...counts(4, 90) },
    ],
    cooccurrence: {
      unit: 'overlap',
      diagonal: [
        { tagId: 't-eco', count: 1 },
        { tagId: 't-energy', count: 2 },
        { tagId: 't-tour', count: 4 },
      ],
      pairs: [
        { tags: ['t-energy', 't-tour'], count: 3, annotationIds: ['n1', 'n2', 'n3'] },
        { tags: ['t-eco', 't-energy'], count: 1, annotationIds: ['n4'] },
      ],
    },
    attributes: [{ key: 'country', values: ['AZ'] }],
    byAttribute: {
      key: 'country',
      values: ['', 'AZ'],
      cells: [
        { tagId: 't-eco', column: 'AZ', ...counts(1, 10) },
        { tagId: 't-tour', column: '', ...counts(4, 90) },
      ],
    },
    ...overrides,
  };
}
