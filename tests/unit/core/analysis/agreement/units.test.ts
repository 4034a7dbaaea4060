// The units compared: sentences and paragraphs of real text (Azerbaijani and English, an emoji),
// found in windows on long blocks without changing what a whole-block pass finds, and which units
// a coder's passages code.
import { describe, expect, it } from 'vitest';
import {
  paragraphSpans,
  sentenceSpans,
} from '../../../../../electron/core/analysis/agreement/text-units';
import {
  characterGrid,
  spanGrid,
  textSpanOf,
  unitRunsOf,
} from '../../../../../electron/core/analysis/agreement/units';
import { runSteps, type Steps } from '../../../../../electron/core/analysis/steps';
import type { Span } from '../../../../../electron/shared/model';

const TEXT =
  'Azərbaycan Respublikasının paytaxtı Bakıdır. İlham Əliyev çıxış etdi! Şuşa azad olundu 🇦🇿.\n\n' +
  'The talks ended on Friday. Did they agree? Nobody said 🙂 so far.';
const paragraphs = [
  { start: 0, end: TEXT.indexOf('\n\n') },
  { start: TEXT.indexOf('The talks'), end: TEXT.length },
];
const textOf = (spans: readonly Span[]) => spans.map((s) => TEXT.slice(s.start, s.end));

function pauses<T>(steps: Steps<T>): { value: T; pauses: number } {
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses: count };
    count++;
  }
}

describe('sentences', () => {
  it('are found within each paragraph, trimmed, an emoji kept whole', () => {
    expect(textOf(runSteps(sentenceSpans(TEXT, paragraphs)))).toEqual([
      'Azərbaycan Respublikasının paytaxtı Bakıdır.',
      'İlham Əliyev çıxış etdi!',
      'Şuşa azad olundu 🇦🇿.',
      'The talks ended on Friday.',
      'Did they agree?',
      'Nobody said 🙂 so far.',
    ]);
  });

  it('never run across two paragraphs, even without a full stop at a paragraph’s end', () => {
    const text = 'Başlıq\n\nMətn burada davam edir. Son';
    const blocks = [
      { start: 0, end: 6 },
      { start: 8, end: text.length },
    ];
    expect(runSteps(sentenceSpans(text, blocks)).map((s) => text.slice(s.start, s.end))).toEqual([
      'Başlıq',
      'Mətn burada davam edir.',
      'Son',
    ]);
  });

  it('of a text without blocks are its whole text’s', () => {
    const text = 'Bir. İki.';
    expect(runSteps(sentenceSpans(text, [])).map((s) => text.slice(s.start, s.end))).toEqual([
      'Bir.',
      'İki.',
    ]);
  });

  it('are the same read in windows as in one pass, and the long pass pauses', () => {
    const sentences = [
      'Şəhərdə yeni park açıldı. ',
      'Did the mayor come? ',
      'Hə, gəldi 🎉! ',
      'Mr. Smith arrived at 10 a.m. and left. ',
    ];
    let text = '';
    for (let i = 0; text.length < 30_000; i++) text += sentences[i % sentences.length];
    const block = [{ start: 0, end: text.length }];
    const whole = [...new Intl.Segmenter(undefined, { granularity: 'sentence' }).segment(text)]
      .map(({ index, segment }) => ({
        start: index + segment.length - segment.trimStart().length,
        end: index + segment.trimEnd().length,
      }))
      .filter((s) => s.start < s.end);
    const { value, pauses: count } = pauses(sentenceSpans(text, block));
    expect(value).toEqual(whole);
    expect(count).toBeGreaterThan(0);
  });

  it('cut a "sentence" longer than a window at the window, never inside a surrogate pair', () => {
    // No sentence break for 10,000 characters, an emoji (two code units) at every tenth place.
    const text = 'söz 🙂 söz'.repeat(1000);
    const spans = runSteps(sentenceSpans(text, [{ start: 0, end: text.length }]));
    expect(spans.length).toBeGreaterThan(1);
    // Together they cover the text (but the spaces trimmed at the cuts).
    expect(spans[0]!.start).toBe(0);
    expect(spans.at(-1)!.end).toBe(text.length);
    for (const { start, end } of spans) {
      for (const at of [start, end]) {
        const code = text.charCodeAt(at);
        expect(code >= 0xdc00 && code <= 0xdfff).toBe(false);
      }
    }
  });
});

describe('paragraphs', () => {
  it('are the blocks in text order, empty ones left out, one inside another skipped', () => {
    const blocks = [
      { start: 20, end: 30 },
      { start: 0, end: 10 },
      { start: 12, end: 12 },
      { start: 22, end: 25 },
    ];
    expect(paragraphSpans(blocks, 40)).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 30 },
    ]);
    expect(paragraphSpans([], 5)).toEqual([{ start: 0, end: 5 }]);
    expect(paragraphSpans([], 0)).toEqual([]);
  });
});

describe('the units a coder’s passages code', () => {
  const grid = spanGrid(runSteps(sentenceSpans(TEXT, paragraphs)));

  it('are the sentences any passage overlaps, merged into runs', () => {
    const within = TEXT.indexOf('Respublikasının');
    const across = { start: TEXT.indexOf('etdi!'), end: TEXT.indexOf('azad') };
    expect(unitRunsOf([{ start: within, end: within + 5 }, across], grid)).toEqual([
      { start: 0, end: 3 },
    ]);
    expect(textSpanOf({ start: 0, end: 3 }, grid)).toEqual({
      start: 0,
      end: TEXT.indexOf('\n\n'),
    });
  });

  it('leave out a passage on the white space between units, or only touching one', () => {
    const gap = TEXT.indexOf('\n\n');
    expect(unitRunsOf([{ start: gap, end: gap + 2 }], grid)).toEqual([]);
    const second = TEXT.indexOf('İlham');
    // [start of "İlham" − 1, start of "İlham"): the space after the first sentence.
    expect(unitRunsOf([{ start: second - 1, end: second }], grid)).toEqual([]);
    expect(unitRunsOf([{ start: second - 1, end: second + 1 }], grid)).toEqual([
      { start: 1, end: 2 },
    ]);
    expect(unitRunsOf([{ start: 5, end: 5 }], grid)).toEqual([]);
  });

  it('over characters are the passages clipped to the text and merged', () => {
    expect(
      unitRunsOf(
        [
          { start: 8, end: 12 },
          { start: 0, end: 4 },
          { start: 3, end: 6 },
          { start: 95, end: 130 },
        ],
        characterGrid(100),
      ),
    ).toEqual([
      { start: 0, end: 6 },
      { start: 8, end: 12 },
      { start: 95, end: 100 },
    ]);
  });
});
