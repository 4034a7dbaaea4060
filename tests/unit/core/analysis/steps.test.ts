// The long computations pause (yield) every so often and give the same answer as a straight run,
// so the service can spread 10,000 passages over many short slices of the main thread.
import { describe, expect, it } from 'vitest';
import { analyse, type AnalysisInput } from '../../../../electron/core/analysis/analyse';
import { cooccurrenceSteps } from '../../../../electron/core/analysis/cooccurrence';
import { frequencySteps } from '../../../../electron/core/analysis/frequencies';
import { runSteps, STEP, type Steps } from '../../../../electron/core/analysis/steps';
import type { Annotation } from '../../../../electron/shared/model';
import { TagTree } from '../../../../electron/shared/tag-tree';
import { article, tag } from '../../../fixtures/store/notebook-fixtures';

/** Every passage 10 characters long, one starting every 6, tagged in turn: many overlaps. */
const passages: Annotation[] = Array.from({ length: 4 * STEP }, (_, i) => ({
  id: `n${i}`,
  articleId: 'a1',
  selectors: [
    { type: 'TextPositionSelector', start: i * 6, end: i * 6 + 10 },
    { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
  ],
  revision: 1,
  tagIds: [`t${i % 3}`, ...(i % 5 === 0 ? ['p'] : [])],
  comment: '',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  anchor: 'anchored',
}));

/** The answer, and how often the computation paused on the way. */
function counted<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses };
    pauses++;
  }
}

describe('steps', () => {
  it('pause every STEP passages and agree with a straight run', () => {
    const blocks = Array.from({ length: 100 }, (_, b) => ({ start: b * 70, end: b * 70 + 60 }));
    for (const make of [
      () => frequencySteps(passages),
      () => cooccurrenceSteps([{ annotations: passages }], 'overlap'),
      () => cooccurrenceSteps([{ annotations: passages, blocks }], 'paragraph'),
    ]) {
      const { value, pauses } = counted<unknown>(make());
      expect(pauses).toBeGreaterThanOrEqual(3);
      expect(value).toEqual(runSteps<unknown>(make()));
    }
  });

  it('carry the whole analysis, roll-up included', () => {
    const tags = [
      tag('p', 'Parent'),
      ...[0, 1, 2].map((i) => ({ ...tag(`t${i}`), parentId: 'p' })),
    ];
    const input: AnalysisInput = {
      tree: new TagTree(tags),
      articles: [{ id: 'a1', title: 'One', attributes: {}, length: 10_000 }],
      allAttributes: [article('a1')],
      annotations: passages,
      unit: 'overlap',
    };
    const { value, pauses } = counted(analyse(input));
    expect(pauses).toBeGreaterThanOrEqual(8);
    expect(value).toEqual(runSteps(analyse(input)));
    const parent = value.tags.find((t) => t.id === 'p')!;
    // Every passage is below the parent, each counted once; they cover 6 per passage plus 4.
    expect(parent.total).toEqual({
      passages: passages.length,
      codedChars: passages.length * 6 + 4,
      unplaced: 0,
    });
    expect(parent.own.passages).toBe(Math.ceil(passages.length / 5));
  });
});
