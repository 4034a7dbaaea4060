// Myers' bit-parallel matcher against known distances and a plain dynamic-programming oracle,
// including patterns spanning several 32-bit words and non-BMP text.
import { describe, expect, it } from 'vitest';
import {
  alignmentsAround,
  approximateMatches,
  columnScores,
  editDistance,
  errorsAfter,
  errorsAfterEach,
  errorsBefore,
  errorsBeforeEach,
} from '../../../../electron/core/anchoring/fuzzy';
import { Rng, mulberry32 } from './corpus';

/** Textbook O(nm) Levenshtein; `free` lets the pattern start anywhere in the text. */
function oracle(pattern: string, text: string, free = false): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i);
  const lastRow = [pattern.length];
  for (let j = 1; j <= text.length; j++) {
    const cur = [free ? 0 : j];
    for (let i = 1; i <= pattern.length; i++) {
      const cost = pattern[i - 1] === text[j - 1] ? 0 : 1;
      cur[i] = Math.min(prev[i]! + 1, cur[i - 1]! + 1, prev[i - 1]! + cost);
    }
    lastRow.push(cur[pattern.length]!);
    prev = cur;
  }
  return lastRow;
}

function randomText(rng: Rng, length: number, alphabet: string): string {
  const units = [...alphabet];
  let s = '';
  while (s.length < length) s += rng.pick(units);
  return s;
}

describe('editDistance', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['flaw', 'lawn', 2],
    ['şəhər', 'sehər', 2],
    ['Bakı', 'Baki', 1],
    // An emoji is two UTF-16 code units; swapping one for another of the same block changes one.
    ['a😀b', 'a😅b', 1],
    ['a😀b', 'ab', 2],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it('agrees with the dynamic-programming oracle, also past 32 and 64 code units', () => {
    const rng = new Rng(mulberry32(7));
    for (let n = 0; n < 150; n++) {
      const a = randomText(rng, rng.between(1, 140), 'abcə😀 ');
      const b = randomText(rng, rng.between(0, 140), 'abcə😀 ');
      expect(editDistance(a, b), `${a} / ${b}`).toBe(oracle(a, b).at(-1));
    }
  });
});

describe('columnScores', () => {
  it('gives the best distance of any substring ending at each position when not anchored', () => {
    const rng = new Rng(mulberry32(11));
    for (let n = 0; n < 60; n++) {
      const pattern = randomText(rng, rng.between(1, 100), 'abcd');
      const text = randomText(rng, rng.between(0, 200), 'abcd');
      const scores = Array.from(columnScores(pattern, text, 0, text.length, 1, false));
      expect(scores).toEqual(oracle(pattern, text, true));
    }
  });

  it('reads backwards for anchored distances to what ends at a point', () => {
    const text = 'xx forum yy';
    const end = text.indexOf(' yy');
    const scores = columnScores('murof', text, end - 1, end, -1, true);
    expect(scores[5]).toBe(0); // "forum" reversed against the five code units before ' yy'
    expect(scores[6]).toBe(1);
  });
});

describe('approximateMatches', () => {
  it('finds a match with its errors, start and end', () => {
    const text = 'The forum discussed trade in 2019. Later the forum closed.';
    const [best] = approximateMatches('forum dicsussed trade', text, 0, text.length, 3);
    expect(best).toEqual({ start: 4, end: 25, errors: 2 });
    expect(text.slice(best!.start, best!.end)).toBe('forum discussed trade');
  });

  it('finds every separate occurrence, best first', () => {
    const text = 'alpha beta gamma -- alpha betta gamma';
    const matches = approximateMatches('alpha beta gamma', text, 0, text.length, 2);
    const spans = new Set(matches.map((m) => `${m.start}:${m.errors}`));
    expect(spans.has('0:0')).toBe(true);
    expect(spans.has(`${text.lastIndexOf('alpha')}:1`)).toBe(true);
    expect(matches[0]!.errors).toBe(0);
  });

  it('finds nothing beyond the error bound', () => {
    expect(approximateMatches('completely different', 'nothing alike here', 0, 18, 3)).toEqual([]);
  });
});

describe('context errors', () => {
  const text = 'one two three four';
  it('counts edits of a prefix against the text ending at a point', () => {
    expect(errorsBefore('two ', text, text.indexOf('three'))).toBe(0);
    expect(errorsBefore('twx ', text, text.indexOf('three'))).toBe(1);
    expect(errorsBefore('zero one ', text, text.indexOf('two'))).toBe(5); // text starts too soon
  });

  it('counts edits of a suffix against the text starting at a point', () => {
    expect(errorsAfter(' four', text, text.indexOf(' four'))).toBe(0);
    expect(errorsAfter(' fours', text, text.indexOf(' four'))).toBe(1);
    expect(errorsAfter('', text, 3)).toBe(0);
  });
});

describe('context errors for a whole window in one pass', () => {
  it('agree with measuring each position on its own, at the text edges too', () => {
    const rng = new Rng(mulberry32(23));
    for (let n = 0; n < 40; n++) {
      const text = randomText(rng, rng.between(0, 160), 'abcə😀 ');
      const context = randomText(rng, rng.between(0, 40), 'abcə😀 ');
      const from = rng.between(0, text.length);
      const to = rng.between(from, text.length);
      const before = errorsBeforeEach(context, text, from, to);
      const after = errorsAfterEach(context, text, from, to);
      for (let at = from; at <= to; at++) {
        expect(before(at), `${context} before ${at} of ${text}`).toBe(
          errorsBefore(context, text, at),
        );
        expect(after(at), `${context} after ${at} of ${text}`).toBe(errorsAfter(context, text, at));
      }
    }
  });
});

describe('alignmentsAround', () => {
  it("gives every alignment near an end within the slack of that end's best", () => {
    const rng = new Rng(mulberry32(31));
    for (let n = 0; n < 30; n++) {
      const pattern = randomText(rng, rng.between(1, 70), 'abcd');
      const text = randomText(rng, rng.between(1, 120), 'abcd');
      const end = rng.between(1, text.length);
      const found = new Set(
        alignmentsAround(pattern, text, 0, text.length, [end], 20, 2).map(
          (m) => `${m.start}:${m.end}:${m.errors}`,
        ),
      );
      for (let e = Math.max(1, end - 2); e <= Math.min(text.length, end + 2); e++) {
        const reach = Math.min(e, pattern.length + 22);
        const distances = Array.from({ length: reach + 1 }, (_, len) =>
          editDistance(pattern, text.slice(e - len, e)),
        );
        const best = Math.min(...distances);
        distances.forEach((d, len) => {
          expect(found.has(`${e - len}:${e}:${d}`)).toBe(d <= best + 2);
        });
      }
    }
  });
});
