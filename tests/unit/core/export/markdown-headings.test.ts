import { describe, expect, it } from 'vitest';
import { renderExport } from '../../../../electron/core/export';
import { shiftHeadings } from '../../../../electron/core/export/markdown-headings';
import {
  articleRequest,
  notebookRequest,
  NOTES,
  NOTES_ANNOTATIONS,
  QUOTED,
  TIES,
} from './fixtures';
import { headings, md, noteBody } from './markdown-reader';

/** A memo with every kind of heading, and lines that only look like one. */
const MEMO = [
  '# Intro',
  '',
  'Setext one',
  '==========',
  '',
  'Setext two, over',
  'two lines',
  '---',
  '',
  '## Closing #s ##',
  '',
  '###### Deepest',
  '',
  '```md',
  '# not a heading: code',
  'Also not',
  '===',
  '```',
  '',
  '    # indented code',
  '',
  '> # In a quote',
  '',
  '- ## In a list',
  '',
  'A #tag and a rule:',
  '',
  '---',
  '',
  'Ends with #',
  '---',
].join('\n');

/** What MEMO shows, level by level, before shifting. */
const MEMO_HEADINGS: Array<[number, string]> = [
  [1, 'Intro'],
  [1, 'Setext one'],
  [2, 'Setext two, over\ntwo lines'],
  [2, 'Closing #s'],
  [6, 'Deepest'],
  [1, 'In a quote'],
  [2, 'In a list'],
  [2, 'Ends with #'],
];

const shifted = (depth: number): Array<[number, string]> =>
  MEMO_HEADINGS.map(([level, text]) => [Math.min(6, level + depth), text.replace('\n', ' ')]);

describe('shiftHeadings', () => {
  it('reads the memo as the test expects before any shift', () => {
    expect(headings(MEMO)).toEqual(MEMO_HEADINGS);
  });

  it.each([1, 2, 3, 5])('moves every heading down by %i, capped at 6', (depth) => {
    expect(headings(shiftHeadings(MEMO, depth))).toEqual(shifted(depth));
  });

  it('leaves code, quotes of code and everything that is not a heading as written', () => {
    const out = shiftHeadings(MEMO, 2);
    const fences = (text: string) =>
      md
        .parse(text, {})
        .filter((t) => t.type === 'fence' || t.type === 'code_block')
        .map((t) => t.content);
    expect(fences(out)).toEqual(fences(MEMO));
    expect(fences(out)).toEqual(['# not a heading: code\nAlso not\n===\n', '# indented code\n']);
    const paragraphs = md
      .parse(out, {})
      .filter((t, i, all) => t.type === 'inline' && all[i - 1]?.type === 'paragraph_open')
      .map((t) => t.content);
    expect(paragraphs).toEqual(['A #tag and a rule:']);
    expect(out.split('\n').filter((line) => line === '---')).toHaveLength(1);
  });

  it('returns text without headings untouched', () => {
    const plain = 'Follow up:\n- who said it\n- when\n\n**bold** #tag';
    expect(shiftHeadings(plain, 2)).toBe(plain);
    expect(shiftHeadings(MEMO, 0)).toBe(MEMO);
  });
});

describe('headings of memos and comments in an export', () => {
  const comment = '# My take\n\nDetails.\n\nSummary\n-------';

  it('sit below ## Memo and ## Passages in a single-article note', () => {
    const request = articleRequest('markdown', {
      articles: [{ article: { ...TIES, memo: MEMO }, annotations: [{ ...QUOTED, comment }] }],
    });
    expect(headings(noteBody(renderExport(request).content))).toEqual([
      [1, TIES.title],
      [2, 'Memo'],
      ...shifted(2),
      [2, 'Passages'],
      [3, 'My take'],
      [4, 'Summary'],
    ]);
  });

  it('sit below ### Memo and ### Passages in a notebook note', () => {
    const request = notebookRequest('markdown', {
      articles: [
        { article: { ...TIES, memo: MEMO }, annotations: [{ ...QUOTED, comment }] },
        { article: NOTES, annotations: NOTES_ANNOTATIONS },
      ],
    });
    const levels = headings(noteBody(renderExport(request).content));
    expect(levels.slice(0, 4 + MEMO_HEADINGS.length + 3)).toEqual([
      [1, 'Research notebook'],
      [2, TIES.title],
      [3, 'Memo'],
      ...shifted(3),
      [3, 'Passages'],
      [4, 'My take'],
      [5, 'Summary'],
      [2, 'Field notes, "draft" #2'],
    ]);
  });
});
