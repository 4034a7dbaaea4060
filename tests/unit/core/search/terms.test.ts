// How search reads words and queries: folding, offsets, phrases, and the runs "code all hits" codes.
import { describe, expect, it } from 'vitest';
import {
  fold,
  holdsQuery,
  matchingWords,
  parseQuery,
  queryRuns,
  wordsOf,
} from '../../../../electron/core/search/terms';
import { contextOf } from '../../../../electron/core/search/context';
import { scoped } from '../../../../electron/core/search/occurrences';

const wordAt = (text: string) => (i: number) => {
  const w = wordsOf(text)[i]!;
  return text.slice(w.start, w.end);
};

describe('words', () => {
  it('fold case and accents, and the dotless ı, but keep ə a letter of its own', () => {
    expect(fold('Şuşa')).toBe('susa');
    expect(fold('İlham')).toBe('ilham');
    expect(fold('Bakı')).toBe('baki');
    expect(fold('Əliyev')).toBe('əliyev');
    expect(fold('CAFÉ')).toBe(fold('cafe\u0301'));
  });

  it('give each word its offsets in UTF-16, emoji and combining marks included', () => {
    const text = '🤝🏽 Bakı—Ceyhan: “pipeline”, 2019/20';
    const words = wordsOf(text);
    expect(words.map((w) => text.slice(w.start, w.end))).toEqual([
      'Bakı',
      'Ceyhan',
      'pipeline',
      '2019',
      '20',
    ]);
    expect(words[0]!.start).toBe(5);
    const decomposed = 'cafe\u0301 au lait';
    expect(wordAt(decomposed)(0)).toBe('cafe\u0301');
  });
});

describe('queries', () => {
  it('read bare words as beginnings and quoted phrases as whole words in order', () => {
    const parsed = parseQuery('pipe “gas supply” ');
    expect(parsed.words).toEqual([
      { folded: 'pipe', prefix: true },
      { folded: 'gas', prefix: false },
      { folded: 'supply', prefix: false },
    ]);
    expect(parsed.phrases).toEqual([{ from: 1, length: 2 }]);
    expect(parseQuery('?? / ]').words).toEqual([]);
    // One or two letters are found whole: "eu" finds "EU", not every word beginning so.
    expect(parseQuery('eu ab').words.every((w) => !w.prefix)).toBe(true);
    // An unclosed quote runs to the end.
    expect(parseQuery('"gas supply').phrases).toEqual([{ from: 0, length: 2 }]);
  });

  it('match a phrase only where its words stand together', () => {
    const together = wordsOf('The gas supply rose; supply of gas fell.');
    const parsed = parseQuery('"gas supply"');
    expect(matchingWords(together, parsed)).toEqual([1, 2]);
    expect(holdsQuery(together, parsed)).toBe(true);
    expect(holdsQuery(wordsOf('Supply of gas fell.'), parsed)).toBe(false);
  });

  it('find every run of the words in order for code all hits', () => {
    const text = 'Gas pipelines and a gas pipeline; pipeline gas.';
    const runs = queryRuns(wordsOf(text), parseQuery('gas pipe'));
    const words = wordsOf(text);
    expect(runs.map(([a, b]) => text.slice(words[a]!.start, words[b]!.end))).toEqual([
      'Gas pipelines',
      'gas pipeline',
    ]);
  });
});

describe('context and scope', () => {
  it('show one line around the first match, cut at spaces, never splitting an emoji', () => {
    const text = `${'word '.repeat(30)}🤝🏽 pipeline\nnext ${'tail '.repeat(40)}`;
    const start = text.indexOf('pipeline');
    const context = contextOf(text, { start: 0, end: text.length }, [{ start, end: start + 8 }]);
    expect(context.clippedStart).toBe(true);
    expect(context.clippedEnd).toBe(true);
    expect(context.text).not.toMatch(/\n/);
    const [m] = context.matches;
    expect(context.text.slice(m!.start, m!.end)).toBe('pipeline');
    expect(context.text.startsWith('word')).toBe(true);
    expect(context.text).toContain('🤝🏽');
  });

  it('code the words, their sentence or their paragraph, trimmed of spaces', () => {
    const text = '  First one. The gas pipeline opened in 2006! Last one.  ';
    const block = { start: 0, end: text.length };
    const hit = { start: text.indexOf('gas'), end: text.indexOf('gas') + 12 };
    const slice = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    expect(slice(scoped(text, block, hit, 'hit'))).toBe('gas pipeline');
    expect(slice(scoped(text, block, hit, 'sentence'))).toBe('The gas pipeline opened in 2006!');
    expect(slice(scoped(text, block, hit, 'paragraph'))).toBe(text.trim());
  });
});
