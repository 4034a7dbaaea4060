// Passages left alone while something else in their paragraph was edited (each paragraph of the
// sample article is one long line): anchored, exactly, when the edit leaves TRUSTED_MARGIN of
// context on each side; flagged as moved, at exactly their place, when it comes closer than that.
import { describe, expect, it } from 'vitest';
import { describePassage, reanchor } from '../../../../electron/core/anchoring';
import { TRUSTED_MARGIN } from '../../../../electron/core/anchoring/reanchor';
import { QUOTE_CONTEXT } from '../../../../electron/core/anchoring/selectors';
import { article, place, replaceOnce } from './sample-article';

type Edit = [from: string, to: string];

/** With emoji (a flag is two pairs) and Azerbaijani letters, to edit next to. */
const DELEGATES =
  'Delegates from Gəncə 🇦🇿 and Lənkəran met the press 😀 after the forum, and the local media covered the talks in detail.';
const oldText = `${article}\n\n${DELEGATES}`;

/**
 * The revision the edits make (each `from` occurs once in the old text), with where an old
 * offset now is and how many code units of untouched context the nearest edit leaves a span on
 * each side. An edit is measured by what it really changes ("have applied" -> "have also
 * applied" inserts "also "), read as far from the span as it can be: "we see a great" -> "we see
 * also a great" inserts "also " after "see " or " also" after "see", the same text either way.
 */
function reviseAll(edits: Edit[]) {
  let newText = oldText;
  const changes = edits.map(([from, to]) => {
    const at = oldText.indexOf(from);
    newText = replaceOnce(newText, from, to);
    // Leftmost and rightmost readings: what the two texts share is taken from the end first,
    // then from the start first.
    const left = trim(from, to, 'tail');
    const right = trim(from, to, 'head');
    return {
      lo: at + right.head,
      hi: at + from.length - left.tail,
      delta: to.length - from.length,
    };
  });
  const shiftAt = (pos: number) =>
    pos + changes.reduce((n, c) => n + (c.hi <= pos ? c.delta : 0), 0);
  const sides = (start: number, end: number) => {
    let before = start;
    let after = oldText.length - end;
    for (const c of changes) {
      if (c.hi <= start) before = Math.min(before, start - c.hi);
      else if (c.lo >= end) after = Math.min(after, c.lo - end);
      else return { before: -1, after: -1 }; // the edit touches the span
    }
    return { before, after };
  };
  const gaps = (start: number, end: number) => {
    const { before, after } = sides(start, end);
    return Math.min(before, after);
  };
  return { newText, shiftAt, sides, gaps };
}

/** The lengths `from` and `to` share at their start and end, the side named first taken whole. */
function trim(from: string, to: string, first: 'head' | 'tail') {
  const most = Math.min(from.length, to.length);
  const headOf = (limit: number) => {
    let n = 0;
    while (n < limit && from[n] === to[n]) n++;
    return n;
  };
  const tailOf = (limit: number) => {
    let n = 0;
    while (n < limit && from[from.length - 1 - n] === to[to.length - 1 - n]) n++;
    return n;
  };
  if (first === 'head') {
    const head = headOf(most);
    return { head, tail: tailOf(most - head) };
  }
  const tail = tailOf(most);
  return { head: headOf(most - tail), tail };
}

/** The same for one passage (which occurs once): the revision, its new start, its margins. */
function revise(passage: string, edits: Edit[]) {
  const start = oldText.indexOf(passage);
  const { newText, shiftAt, sides } = reviseAll(edits);
  const { before, after } = sides(start, start + passage.length);
  if (before < 0) throw new Error(`an edit touches ${passage}`);
  return { newText, at: shiftAt(start), before, after };
}

type Band = 'near' | 'margin' | 'far';

/** How far an edit is: closer than TRUSTED_MARGIN, within the stored context, or beyond it. */
const band = (gap: number): Band =>
  gap < TRUSTED_MARGIN ? 'near' : gap < QUOTE_CONTEXT ? 'margin' : 'far';

interface Case {
  passage: string;
  edits: Edit[];
  /** Where the nearest edit before and after it is, as the revision is checked to make it. */
  before?: Band;
  after?: Band;
  state: 'anchored' | 'moved';
}

const media = (edits: Edit[], bands: Pick<Case, 'before' | 'after'>, state: Case['state']) => ({
  passage: 'media',
  edits,
  ...bands,
  state,
});
const cases: Array<[string, Case]> = [
  [
    'far before',
    media([['serious efforts', 'considerable efforts']], { before: 'far' }, 'anchored'),
  ],
  [
    'margin before',
    media([['by representatives', 'by delegates']], { before: 'margin' }, 'anchored'),
  ],
  [
    'near before',
    media([['Russian media', 'Russian-language media']], { before: 'near' }, 'moved'),
  ],
  ['margin after', media([['on the eve of', 'ahead of']], { after: 'margin' }, 'anchored')],
  ['far after', media([['November 1st', 'November 1']], { after: 'far' }, 'anchored')],
  ['near after', media([['to Azerbaijan on', 'to Baku on']], { after: 'near' }, 'moved')],
  [
    'margin on both sides',
    media(
      [
        ['by representatives', 'by delegates'],
        ['on the eve of', 'ahead of'],
      ],
      { before: 'margin', after: 'margin' },
      'anchored',
    ),
  ],
  [
    'far before, near after',
    media(
      [
        ['serious efforts', 'considerable efforts'],
        ['to Azerbaijan on', 'to Baku on'],
      ],
      { before: 'far', after: 'near' },
      'moved',
    ),
  ],
  // Exactly TRUSTED_MARGIN, where the diff could put the inserted word on either side of the
  // space beside it ("have |also |applied" or "have| also| applied"): either way is the same text.
  [
    'margin before, the insertion sliding',
    {
      passage: 'serious efforts',
      edits: [['have applied', 'have also applied']],
      before: 'margin',
      state: 'anchored',
    },
  ],
  [
    'margin before, another insertion sliding',
    {
      passage: 'potential for mutual',
      edits: [['we see a great', 'we see also a great']],
      before: 'margin',
      state: 'anchored',
    },
  ],
  // An emoji swapped keeps its high surrogate: the edit is its second code unit.
  [
    'emoji swapped, margin before',
    {
      passage: 'the local media',
      edits: [['press 😀', 'press 😅']],
      before: 'margin',
      state: 'anchored',
    },
  ],
  [
    'emoji swapped, near before',
    {
      passage: 'after the forum',
      edits: [['press 😀', 'press 😅']],
      before: 'near',
      state: 'moved',
    },
  ],
  [
    'flag swapped, near before',
    { passage: 'and Lənkəran', edits: [['🇦🇿', '🇷🇺']], before: 'near', state: 'moved' },
  ],
  [
    'flag swapped, margin before',
    { passage: 'met the press', edits: [['🇦🇿', '🇷🇺']], before: 'margin', state: 'anchored' },
  ],
  [
    'an emoji in the untouched context, margin before',
    {
      passage: 'and Lənkəran',
      edits: [['Delegates from', 'Delegations from']],
      before: 'margin',
      state: 'anchored',
    },
  ],
  [
    'a combining mark, margin before',
    {
      passage: 'met the press',
      edits: [['Gəncə', 'Ge\u0301ncə']],
      before: 'margin',
      state: 'anchored',
    },
  ],
  [
    'a combining mark, near before',
    {
      passage: 'met the press',
      edits: [['Lənkəran met', 'Lənkəran\u0307 met']],
      before: 'near',
      state: 'moved',
    },
  ],
  [
    'a combining mark, margin after',
    {
      passage: 'Delegates from',
      edits: [['and Lənkəran', 'and Le\u0301nkəran']],
      after: 'margin',
      state: 'anchored',
    },
  ],
];

describe('reanchor: untouched passages in an edited paragraph', () => {
  it.each(cases)('%s', (_, { passage, edits, state, ...bands }) => {
    const { newText, at, before, after } = revise(passage, edits);
    if (bands.before) expect(band(before)).toBe(bands.before);
    if (bands.after) expect(band(after)).toBe(bands.after);
    const r = place(passage, newText, oldText);
    expect(r).toMatchObject({ state, start: at, end: at + passage.length });
  });

  it('flags a passage whose last letter took a combining mark: its code units survived, but it reads differently', () => {
    const { newText, at } = revise('met the press', [['press 😀', 'press\u0301 😀']]);
    expect(place('met the press', newText, oldText)).toMatchObject({ state: 'moved', start: at });
  });

  it('anchors every word of a paragraph edited in three places that keeps its margin, exactly', () => {
    const edits: Edit[] = [
      ['serious efforts', 'considerable efforts'],
      ['Investment Promotion Foundation (AZPROMO)', 'Investment Promotion Foundation, AZPROMO,'],
      ['on the eve of the parliamentary', 'ahead of the parliamentary'],
    ];
    const paragraph = article.split('\n\n')[1]!;
    const offset = oldText.indexOf(paragraph);
    const words = [...paragraph.matchAll(/[\p{L}\p{N}]+/gu)].map((w) => {
      const start = offset + w.index;
      return { start, end: start + w[0].length };
    });
    const { newText, shiftAt, gaps } = reviseAll(edits);
    const kept = words.filter((w) => gaps(w.start, w.end) >= TRUSTED_MARGIN);
    expect(kept.length).toBeGreaterThan(40);
    const inputs = kept.map((w, i) => ({
      id: `w${i}`,
      selectors: describePassage(oldText, w.start, w.end),
    }));
    const results = reanchor(oldText, newText, inputs);
    results.forEach((r, i) => {
      const at = shiftAt(kept[i]!.start);
      expect(r).toMatchObject({
        state: 'anchored',
        start: at,
        end: at + kept[i]!.end - kept[i]!.start,
      });
    });
  });
});
