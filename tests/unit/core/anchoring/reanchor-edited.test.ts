// Passages edited a little inside (a number spelled out, a word replaced, a comma added) in a real
// article: they come back fuzzy, on the edited passage as it reads now, or orphaned if ambiguous.
import { describe, expect, it } from 'vitest';
import { article, paragraphs, place } from './sample-article';

const EVENTS =
  'Over the past five years, more than 40 events, business forums and business meetings have been held.';
/** The same edit inside its paragraph, away from the paragraph's edges: a move keeps its context. */
const INSIDE =
  'more than 40 events, business forums and business meetings have been held. We are discussing those';

/** The paragraphs in a new order, with `from` and `to` replaced in the text. */
function reordered(order: number[], from: string, to: string): string {
  return order
    .map((i) => paragraphs[i]!)
    .join('\n\n')
    .replace(from, to);
}

const events = paragraphs.findIndex((p) => p.includes('40 events'));
const identity = paragraphs.map((_, i) => i);

describe('reanchor: passages edited inside', () => {
  it('finds a 100-character passage with "40 events" spelled out, as fuzzy', () => {
    expect(EVENTS.length).toBe(100);
    const r = place(EVENTS, article.replace('40 events', 'forty events'));
    expect(r).toMatchObject({ state: 'fuzzy' });
    expect(r.covers).toBe(EVENTS.replace('40', 'forty'));
  });

  it('finds it when a neighbouring paragraph moved past it in the same revision', () => {
    // The diff pairs the moved neighbour, so the edited paragraph reads as deleted here and
    // inserted after it: the passage is no longer where the diff puts it.
    const order = [...identity];
    order.splice(events, 2, events + 1, events);
    const r = place(INSIDE, reordered(order, '40 events', 'forty events'));
    expect(r).toMatchObject({ state: 'fuzzy', covers: INSIDE.replace('40', 'forty') });
  });

  it('finds it when its own paragraph moved and was edited', () => {
    const order = identity.filter((i) => i !== events);
    order.splice(order.length - 1, 0, events);
    const r = place(INSIDE, reordered(order, '40 events', 'forty events'));
    expect(r).toMatchObject({ state: 'fuzzy', covers: INSIDE.replace('40', 'forty') });
  });

  it.each([
    ['first word replaced', [['Over the past', 'In the past']]],
    ['last word replaced', [['have been held.', 'have been hosted.']]],
    ['a comma added', [['forums and', 'forums, and']]],
    [
      'a number spelled out, and a typo in the context',
      [
        ['40', 'forty'],
        ['discussing', 'discusing'],
      ],
    ],
    [
      'a word replaced, and the prefix edited',
      [
        ['forums', 'fora'],
        ['November 1st', 'November 1'],
      ],
    ],
  ])('keeps the candidate on whole words: %s', (_, edits) => {
    let newText = article;
    let now = EVENTS;
    for (const [from, to] of edits as Array<[string, string]>) {
      newText = newText.replace(from, to);
      now = now.replace(from, to);
    }
    expect(place(EVENTS, newText)).toMatchObject({ state: 'fuzzy', covers: now });
  });

  it('does not cut the first word of a passage across two paragraphs', () => {
    const passage = 'cited him as saying.\n\nAmong the major sectors in which Russian-Azerbaijani';
    const r = place(passage, article.replace('cited him', 'quoted him'));
    expect(r).toMatchObject({ state: 'fuzzy' });
    expect(r.covers).toBe(passage.replace('cited', 'quoted'));
  });

  it('finds a short passage with a small edit, and one next to an emoji', () => {
    const short = place(
      'the food industry',
      article.replace('the food industry', 'the foods industry'),
    );
    expect(short).toMatchObject({ state: 'fuzzy', covers: 'the foods industry' });
    const withEmoji = `${article}\n\nA closing note 😀 for every delegate of the forum, and thanks.`;
    const emoji = place(
      'A closing note 😀 for every delegate',
      withEmoji.replace('note 😀', 'note 👍🏽'),
      withEmoji,
    );
    expect(emoji).toMatchObject({ state: 'fuzzy', covers: 'A closing note 👍🏽 for every delegate' });
  });

  it('orphans an edited passage that now reads the same in two places beside each other', () => {
    const start = article.indexOf(EVENTS);
    const copied = article.slice(start - 32, start + EVENTS.length + 32);
    const at = start + EVENTS.length + 32;
    const doubled = (article.slice(0, at) + copied + article.slice(at)).replaceAll(
      '40 events',
      'forty events',
    );
    expect(place(EVENTS, doubled)).toEqual({ id: 'a', state: 'orphaned', covers: undefined });
  });
});
