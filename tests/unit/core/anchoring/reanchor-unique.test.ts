// A passage whose words survive, once and word for word, somewhere its context does not: far from
// where it was, with nothing around it that the stored context recognises. Long enough to be no
// accident, it is proposed as moved for the analyst to judge; too short, or there twice, orphaned.
import { describe, expect, it } from 'vitest';
import { MIN_UNIQUE_QUOTE } from '../../../../electron/core/anchoring/match-unique';
import { paragraphs, place } from './sample-article';

/** The article with a paragraph on transport after its third, holding `phrase`. */
const before = (phrase: string, extra: string[] = []) =>
  [
    ...paragraphs.slice(0, 3),
    `Transport was the third theme. ${phrase} through Azerbaijan already carry Russian cargo south, he added.`,
    ...paragraphs.slice(3),
    ...extra,
  ].join('\n\n');

/** The revision: that paragraph gone, `phrase` in a new last one, in other words than before. */
const after = (phrase: string, extra: string[] = []) =>
  [
    ...paragraphs,
    ...extra,
    `On transport: "${phrase} are the next field for joint projects," Mamedov said.`,
  ].join('\n\n');

describe('reanchor: a quote that occurs once, far away, with its context gone', () => {
  it.each(['Logistics corridors', 'Logistics 🚚 corridors', 'North–South corridors'])(
    'proposes %s as moved, where it now is',
    (phrase) => {
      expect(phrase.length).toBeGreaterThanOrEqual(MIN_UNIQUE_QUOTE);
      const newText = after(phrase);
      const r = place(phrase, newText, before(phrase));
      expect(r).toMatchObject({ state: 'moved', start: newText.indexOf(phrase), covers: phrase });
      // Flagged with a low score: only the quote agrees, none of its context.
      expect(r.score).toBeLessThan(0.5);
    },
  );

  it.each([
    ['one word', 'Corridors'],
    ['one long word', 'Transcontinental'],
    ['two words, but short', 'New routes'],
  ])('orphans a quote too short to rule out chance: %s', (_, phrase) => {
    expect(place(phrase, after(phrase), before(phrase))).toMatchObject({ state: 'orphaned' });
  });

  it('orphans it where it now occurs twice, neither with its context', () => {
    const phrase = 'Logistics corridors';
    const twice = after(phrase, [`${phrase} were discussed in Moscow too, in October.`]);
    expect(place(phrase, twice, before(phrase))).toMatchObject({ state: 'orphaned' });
  });

  it("orphans it where its one occurrence is another passage's, carried over from elsewhere", () => {
    // The old text had the phrase twice; the annotated paragraph went, the other stayed.
    const phrase = 'Logistics corridors';
    const other = `${phrase} were discussed in Moscow too, in October.`;
    const oldText = before(phrase, [other]);
    const newText = [...paragraphs, other].join('\n\n');
    expect(place(phrase, newText, oldText)).toMatchObject({ state: 'orphaned' });
  });

  it('prefers the passage edited in place, with its context, to its old words elsewhere', () => {
    const phrase = 'Logistics corridors';
    const oldText = before(phrase);
    const edited = oldText.replace(`${phrase} through`, 'Logistic corridors through');
    const newText = `${edited}\n\nOn transport: "${phrase} are the next field," Mamedov said.`;
    const r = place(phrase, newText, oldText);
    expect(r).toMatchObject({ state: 'fuzzy', covers: 'Logistic corridors' });
  });
});
