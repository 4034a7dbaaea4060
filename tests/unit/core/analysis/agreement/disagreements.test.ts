// The disagreements of two coders on one tag in one article, from their passages: the stretches
// only one coded, each with the passages behind it and the other coder's passage that doesn't
// line up, its key, and the text around it (a sentence or so, cut at a word, an emoji kept whole).
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../../../../electron/core/analysis/agreement/coding';
import {
  disagreementKey,
  disagreementsOf,
  type TagComparison,
} from '../../../../../electron/core/analysis/agreement/disagreements';
import { surroundings } from '../../../../../electron/core/analysis/agreement/surroundings';
import { sentenceSpans } from '../../../../../electron/core/analysis/agreement/text-units';
import {
  characterGrid,
  spanGrid,
  type UnitGrid,
} from '../../../../../electron/core/analysis/agreement/units';
import { runSteps } from '../../../../../electron/core/analysis/steps';
import type { Span } from '../../../../../electron/shared/model';
import { annotation } from '../../../../fixtures/store/notebook-fixtures';

const TEXT =
  'Gəncədə festival başladı. Şəhərə minlərlə qonaq gəldi 🎪. Hotels were full.\n\n' +
  'The mayor spoke at noon. Sonra konsert oldu.';
const sentences = spanGrid(runSteps(sentenceSpans(TEXT, [])));

const at = (phrase: string): Span => {
  const start = TEXT.indexOf(phrase);
  expect(start).toBeGreaterThanOrEqual(0);
  return { start, end: start + phrase.length };
};

const passage = (id: string, by: string, span: Span, comment = ''): Passage => ({
  annotation: { ...annotation(id, 'art', ['tag']), createdBy: by, comment },
  span,
});

function compare(a: Passage[], b: Passage[], grid: UnitGrid = characterGrid(TEXT.length)) {
  const input: TagComparison = {
    articleId: 'art',
    tagId: 'tag',
    text: TEXT,
    grid,
    sentences,
    a,
    b,
  };
  return runSteps(disagreementsOf(input));
}

describe('disagreementsOf', () => {
  it('gives each one-sided stretch with the passages behind it and the one not lining up', () => {
    const a = passage('a1', 'A', at('Şəhərə minlərlə qonaq gəldi 🎪.'), 'Qonaqlar 🎉');
    const b = passage('b1', 'B', at('qonaq gəldi 🎪. Hotels were full.'));
    const list = compare([a], [b]);
    expect(list.map((d) => d.text)).toEqual(['Şəhərə minlərlə ', ' Hotels were full.']);
    const [first, second] = list;
    expect(first!.key).toBe(disagreementKey('art', 'tag', first!.span));
    expect(first!.key).toBe(`art:tag:${at('Şəhərə').start}-${at('qonaq').start}`);
    expect(first!.a).toEqual([
      {
        annotationId: 'a1',
        analystId: 'A',
        span: a.span,
        quote: 'Şəhərə minlərlə qonaq gəldi 🎪.',
        comment: 'Qonaqlar 🎉',
      },
    ]);
    expect(first!.b.map((p) => p.annotationId)).toEqual(['b1']);
    expect(second!.b.map((p) => p.annotationId)).toEqual(['b1']);
    expect(second!.a.map((p) => p.annotationId)).toEqual(['a1']);
    expect(first).toMatchObject({
      before: 'Gəncədə festival başladı. ',
      after: 'qonaq gəldi 🎪. Hotels were full.',
    });
  });

  it('lists a passage only one coder made with nothing on the other side', () => {
    const list = compare([], [passage('b1', 'B', at('The mayor spoke'))]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ a: [], text: 'The mayor spoke' });
    expect(list[0]!.before).toBe('Şəhərə minlərlə qonaq gəldi 🎪. Hotels were full.\n\n');
    expect(list[0]!.after).toBe(' at noon. Sonra konsert oldu.');
  });

  it('keeps apart A’s stretch and B’s where they meet, and lists none where both agree', () => {
    const gence = at('Gəncədə festival başladı.');
    const meet = at('festival').start;
    const list = compare(
      [passage('a1', 'A', { start: gence.start, end: meet }), passage('a2', 'A', at('The mayor'))],
      [passage('b1', 'B', { start: meet, end: gence.end }), passage('b2', 'B', at('The mayor'))],
    );
    expect(list.map((d) => [d.text, d.a.length, d.b.length])).toEqual([
      ['Gəncədə ', 1, 0],
      ['festival başladı.', 0, 1],
    ]);
  });

  it('over sentences, gives the sentences one coder alone coded, as their text', () => {
    const list = compare(
      [passage('a1', 'A', at('festival'))],
      [passage('b1', 'B', at('başladı. Şəhərə'))],
      sentences,
    );
    expect(list.map((d) => d.text)).toEqual(['Şəhərə minlərlə qonaq gəldi 🎪.']);
    expect(list[0]!.a).toEqual([]);
    expect(list[0]!.b.map((p) => p.quote)).toEqual(['başladı. Şəhərə']);
  });

  it('counts a coder’s overlapping passages once', () => {
    const list = compare(
      [passage('a1', 'A', at('Gəncədə festival')), passage('a2', 'A', at('festival başladı'))],
      [],
    );
    expect(list).toHaveLength(1);
    expect(list[0]!.text).toBe('Gəncədə festival başladı');
    expect(list[0]!.a.map((p) => p.annotationId)).toEqual(['a1', 'a2']);
  });
});

describe('surroundings', () => {
  it('cut a long sentence at a word, never half of an emoji', () => {
    const words = Array.from({ length: 200 }, (_, i) => (i % 7 === 3 ? '🙂' : `söz${i}`)).join(' ');
    const text = `${words}. Son cümlə.`;
    const grid = spanGrid(runSteps(sentenceSpans(text, [])));
    const middle = text.indexOf('söz100');
    const around = surroundings(text, { start: middle, end: middle + 6 }, grid);
    expect(around.text).toBe('söz100');
    expect(around.before.length).toBeLessThanOrEqual(320);
    expect(around.after.length).toBeLessThanOrEqual(320);
    // A whole word at each cut, and no lone surrogate.
    expect(around.before).toMatch(/^(söz\d+|🙂) /u);
    expect(around.after).toMatch(/ (söz\d+|🙂)$/u);
    expect(around.before + around.after).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('at the text’s edges are what there is', () => {
    const text = 'Tək cümlə.';
    const grid = spanGrid(runSteps(sentenceSpans(text, [])));
    expect(surroundings(text, { start: 0, end: text.length }, grid)).toEqual({
      before: '',
      text,
      after: '',
    });
  });
});
