// The edit map: runs that are really equal, positions mapped through edits, the walk that skips
// equal stretches natively, and the interner that stands in for line hashing.
import { describe, expect, it } from 'vitest';
import {
  buildEditMap,
  carriedCount,
  mapEnd,
  mapStart,
  oldOrigin,
  runContaining,
  uncarriedRanges,
  type EditMap,
} from '../../../../electron/core/anchoring/diff-map';
import { Interner } from '../../../../electron/core/anchoring/intern';
import { commonLength, resync } from '../../../../electron/core/anchoring/resync';
import { EDIT_KINDS, EditedText, Rng, documentText, mulberry32 } from './corpus';

function expectRunsEqual(oldText: string, newText: string, map: EditMap) {
  let lastOld = 0;
  let lastNew = 0;
  for (let i = 0; i < map.lengths.length; i++) {
    const o = map.oldStarts[i]!;
    const n = map.newStarts[i]!;
    const len = map.lengths[i]!;
    expect(o).toBeGreaterThanOrEqual(lastOld);
    expect(n).toBeGreaterThanOrEqual(lastNew);
    expect(oldText.slice(o, o + len)).toBe(newText.slice(n, n + len));
    lastOld = o + len;
    lastNew = n + len;
  }
  expect(lastOld).toBeLessThanOrEqual(oldText.length);
  expect(lastNew).toBeLessThanOrEqual(newText.length);
}

const oldText = 'First paragraph here.\n\nThe forum discussed trade.\n\nLast one, unchanged.';

describe('buildEditMap', () => {
  it('maps identical texts as one run', () => {
    const map = buildEditMap(oldText, oldText);
    expect(Array.from(map.lengths)).toEqual([oldText.length]);
    expect(buildEditMap('', '').lengths.length).toBe(0);
  });

  it('shifts positions after an inserted paragraph and keeps them before it', () => {
    const inserted = 'New paragraph.\n\n';
    const at = oldText.indexOf('The forum');
    const newText = oldText.slice(0, at) + inserted + oldText.slice(at);
    const map = buildEditMap(oldText, newText);
    expectRunsEqual(oldText, newText, map);
    expect(mapStart(map, 3)).toBe(3);
    expect(mapStart(map, at + 4)).toBe(at + 4 + inserted.length);
    expect(mapEnd(map, oldText.length)).toBe(newText.length);
  });

  it('refines a changed paragraph down to the characters that changed', () => {
    const newText = oldText.replace('discussed trade', 'discussed trades');
    const map = buildEditMap(oldText, newText);
    expectRunsEqual(oldText, newText, map);
    const forum = oldText.indexOf('forum');
    // "forum" sits in the same run as the unchanged text before it.
    expect(runContaining(map, forum, forum + 5)).toBeGreaterThanOrEqual(0);
    expect(mapStart(map, forum)).toBe(forum);
    const last = oldText.indexOf('Last');
    expect(mapStart(map, last)).toBe(last + 1);
  });

  it('maps a position inside a deleted stretch to where the deletion was', () => {
    const cut = oldText.indexOf('The forum');
    const end = oldText.indexOf('Last');
    const newText = oldText.slice(0, cut) + oldText.slice(end);
    const map = buildEditMap(oldText, newText);
    expect(runContaining(map, cut + 4, cut + 9)).toBe(-1);
    expect(mapStart(map, cut + 4)).toBe(cut);
    expect(mapEnd(map, cut + 9)).toBe(cut);
  });

  it('does not pair a paragraph break with one a split inserted', () => {
    const text = 'Alpha beta gamma delta.\n\nEpsilon zeta eta theta.';
    const split = text.replace('beta gamma', 'beta\n\ngamma');
    const map = buildEditMap(text, split);
    expectRunsEqual(text, split, map);
    const epsilon = text.indexOf('Epsilon');
    expect(mapStart(map, epsilon)).toBe(split.indexOf('Epsilon'));
    expect(runContaining(map, epsilon - 4, epsilon + 7)).toBeGreaterThanOrEqual(0);
  });

  it('produces only truly equal runs under random edits', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = new Rng(mulberry32(seed));
      const before = documentText(rng, rng.between(2, 20));
      const edited = new EditedText(before);
      for (let n = rng.between(1, 10); n > 0; n--) edited.apply(rng.pick(EDIT_KINDS), rng);
      const after = edited.text;
      expectRunsEqual(before, after, buildEditMap(before, after));
    }
  });

  it('says where new text the diff carried over was in the old text', () => {
    const inserted = 'New paragraph.\n\n';
    const at = oldText.indexOf('The forum');
    const newText = oldText.slice(0, at) + inserted + oldText.slice(at);
    const map = buildEditMap(oldText, newText);
    const forum = newText.indexOf('forum');
    expect(oldOrigin(map, forum, forum + 5)).toBe(oldText.indexOf('forum'));
    // Inserted text, or a stretch reaching into it, was nowhere.
    expect(oldOrigin(map, at, at + 3)).toBe(-1);
    expect(oldOrigin(map, at - 2, at + 1)).toBe(-1);
  });

  it('lists what it did not carry over and counts what it did', () => {
    const newText = oldText.replace('The forum discussed trade.', 'Something else entirely.');
    const map = buildEditMap(oldText, newText);
    const [range] = uncarriedRanges(map, 32);
    expect(range).toBeDefined();
    expect(newText.slice(range![0], range![1])).toContain('Something else entirely');
    const first = oldText.indexOf('First');
    expect(carriedCount(map, 'old', first, first + 10, 8)).toBe(10);
    expect(
      carriedCount(map, 'new', newText.indexOf('Something'), newText.indexOf(' else'), 8),
    ).toBe(0);
  });
});

describe('commonLength', () => {
  it('agrees with a character-by-character scan', () => {
    const rng = new Rng(mulberry32(9));
    for (let n = 0; n < 100; n++) {
      const base = documentText(rng, 3).repeat(rng.between(1, 30));
      const cut = rng.int(base.length);
      const other = base.slice(0, cut) + (rng.chance(0.5) ? 'X' : '') + base.slice(cut + 1);
      let naive = 0;
      while (naive < base.length && naive < other.length && base[naive] === other[naive]) naive++;
      expect(commonLength(base, 0, other, 0)).toBe(naive);
    }
  });
});

describe('resync', () => {
  it('finds the nearest line both texts share again', () => {
    const a = 'a changed line\nthe same line, one\nthe same line, two\n';
    const b = 'an edited line\nan inserted line\nthe same line, one\nthe same line, two\n';
    expect(resync(a, 0, b, 0)).toEqual([a.indexOf('the same'), b.indexOf('the same')]);
    // A short line ("Yes.") is no anchor: replaced text can equal one further on.
    const c = 'Yes.\nlong enough line to anchor\n';
    expect(resync('Changed.\n' + c, 0, 'Yes.\n' + c, 0)).toEqual([9 + 5, 5 + 5]);
  });

  it('ignores blank lines and treats a complete rewrite as one change', () => {
    expect(resync('a\n\nb\n', 0, 'c\n\nd\n', 0)).toEqual([5, 5]);
  });
});

describe('Interner', () => {
  it('gives equal tokens equal ids across both texts and grows as needed', () => {
    const interner = new Interner(1);
    const text = 'x\ny\nx\n';
    const ids = interner.intern(text, Int32Array.from([0, 2, 4, 6]));
    expect(Array.from(ids)).toEqual([0, 1, 0]);
    const more = interner.intern('y\nz\n', Int32Array.from([0, 2, 4]));
    expect(Array.from(more)).toEqual([1, 2]);
    expect(interner.size).toBe(3);
  });

  it('keeps many distinct tokens apart through slot collisions and growth', () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${i}ə`);
    const text = words.join('') + words.join('');
    const bounds = [0];
    for (const w of [...words, ...words]) bounds.push(bounds.at(-1)! + w.length);
    const ids = Array.from(new Interner(4).intern(text, Int32Array.from(bounds)));
    expect(ids.slice(0, 500)).toEqual(words.map((_, i) => i));
    expect(ids.slice(500)).toEqual(ids.slice(0, 500));
  });
});
