// REFI-QDA positions (code points into the file's text) mapped onto the stored text (UTF-16, NFC,
// \n line ends): exact where a place exists, undefined where it doesn't (never a neighbour).
import { describe, expect, it } from 'vitest';
import {
  normalizeSourceText,
  rawSlice,
  sourceOffsets,
} from '../../../../electron/core/interchange/read-offsets';
import { sourceBody } from '../../../../electron/core/interchange/read-body';

/** The stored passage for a code point span, or undefined when either end has no exact place. */
function passage(raw: string, start: number, end: number): string | undefined {
  const map = sourceOffsets(raw);
  const s = map.toStored(start);
  const e = map.toStored(end);
  return s === undefined || e === undefined ? undefined : map.text.slice(s, e);
}

/** Code point span of `words` in `raw`. */
function spanOf(raw: string, words: string): [number, number] {
  const at = raw.indexOf(words);
  expect(at).toBeGreaterThanOrEqual(0);
  const start = Array.from(raw.slice(0, at)).length;
  return [start, start + Array.from(words).length];
}

describe('source offsets', () => {
  it('counts an emoji (and a ZWJ sequence) as the code points it is', () => {
    const raw = 'Emoji 👩🏽‍🔬🚢 then the coded words.';
    const [s, e] = spanOf(raw, 'the coded');
    // A JavaScript offset would be four too many after the sequence and the ship.
    expect(s).toBe(raw.indexOf('the coded') - 4);
    expect(passage(raw, s, e)).toBe('the coded');
    expect(passage(raw, ...spanOf(raw, '👩🏽‍🔬🚢'))).toBe('👩🏽‍🔬🚢');
  });

  it('maps through CRLF line ends, and refuses a place between CR and LF', () => {
    const raw = 'First line\r\nSecond line\r\n\r\nBakı və Şuşa\rlast';
    const map = sourceOffsets(raw);
    expect(map.text).toBe('First line\nSecond line\n\nBakı və Şuşa\nlast');
    expect(passage(raw, ...spanOf(raw, 'Second line'))).toBe('Second line');
    expect(passage(raw, ...spanOf(raw, 'Bakı və Şuşa'))).toBe('Bakı və Şuşa');
    expect(passage(raw, ...spanOf(raw, 'last'))).toBe('last');
    const cr = Array.from(raw).indexOf('\r');
    expect(map.toStored(cr + 1)).toBeUndefined();
    expect(passage(raw, ...spanOf(raw, 'line\r\nSecond'))).toBe('line\nSecond');
  });

  it('maps through NFC, and refuses a place NFC joins away', () => {
    // e + combining acute composes to é; ə + combining macron has no precomposed form.
    const raw = 'Cafe\u0301 au lait, ə\u0304 stays two, ş ı İ one.';
    const map = sourceOffsets(raw);
    expect(map.text).toBe(normalizeSourceText(raw));
    expect(map.text).toContain('Café');
    expect(passage(raw, ...spanOf(raw, 'Cafe\u0301'))).toBe('Café');
    expect(passage(raw, ...spanOf(raw, 'au lait'))).toBe('au lait');
    expect(passage(raw, ...spanOf(raw, 'ə\u0304 stays'))).toBe('ə\u0304 stays');
    expect(passage(raw, ...spanOf(raw, 'ş ı İ'))).toBe('ş ı İ');
    // Between the e and its accent there is no place in "Café": no mapping, not a neighbour.
    const [s] = spanOf(raw, '\u0301');
    expect(map.toStored(s)).toBeUndefined();
    // Between ə and the macron there is (NFC keeps them apart).
    const [m] = spanOf(raw, '\u0304');
    expect(map.toStored(m)).toBe(map.text.indexOf('\u0304'));
  });

  it('keeps RTL text and positions past the end out', () => {
    const raw = 'RTL: مرحبا بالعالم and back.';
    expect(passage(raw, ...spanOf(raw, 'مرحبا بالعالم'))).toBe('مرحبا بالعالم');
    const map = sourceOffsets(raw);
    expect(map.toStored(map.length + 1)).toBeUndefined();
    expect(map.toStored(-1)).toBeUndefined();
    expect(map.toStored(1.5)).toBeUndefined();
  });

  it('agrees with a slice by code points over a mixed text, everywhere a place exists', () => {
    const raw = 'A\r\nb\u0301c 🚢 ə\u0304\r\nİ \u1100\u1161 end';
    const points = Array.from(raw);
    const map = sourceOffsets(raw);
    for (let s = 0; s <= points.length; s++) {
      for (let e = s; e <= points.length; e++) {
        const a = map.toStored(s);
        const b = map.toStored(e);
        if (a === undefined || b === undefined) continue;
        expect(map.text.slice(a, b)).toBe(normalizeSourceText(rawSlice(raw, s, e)));
      }
    }
  });
});

describe('source body', () => {
  it('keeps the text as given and makes paragraphs of it', () => {
    const body = sourceBody('Headline here\n\n  First para\nstill first  \n\n\nSecond.', 'x');
    expect(body.text).toBe('Headline here\n\n  First para\nstill first  \n\n\nSecond.');
    expect(body.blocks.map((b) => [b.type, body.text.slice(b.start, b.end)])).toEqual([
      ['heading', 'Headline here'],
      ['paragraph', 'First para\nstill first'],
      ['paragraph', 'Second.'],
    ]);
  });
});
