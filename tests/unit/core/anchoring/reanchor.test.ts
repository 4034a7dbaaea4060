// The re-anchoring rules, one by one: anchored only through the diff and exactly right; else the
// exact quote (moved); else a strict fuzzy match; else orphaned; ties orphaned; nothing dropped.
import { describe, expect, it } from 'vitest';
import { describePassage, reanchor } from '../../../../electron/core/anchoring';
import type { AnchorInput } from '../../../../electron/core/anchoring';

const paragraphs = [
  'Baku hosted the forum in the spring of the year, and the city was busy.',
  'The forum discussed trade, the ports and the railways across the Caspian.',
  'Şəhərin mərkəzində görüşlər keçirildi; nümayəndələr çay içdilər 😀 və danışdılar.',
  'Later the forum closed with a note of thanks to the hosts and the volunteers.',
  'מסמך קצר בעברית, ونص قصير بالعربية, side by side in the report.',
];
const oldText = paragraphs.join('\n\n');

function annotate(text: string, passage: string, nth = 0): AnchorInput & { start: number } {
  let start = text.indexOf(passage);
  for (let i = 0; i < nth; i++) start = text.indexOf(passage, start + 1);
  if (start < 0) throw new Error(`no ${passage}`);
  return {
    id: `${passage}#${nth}`,
    start,
    selectors: describePassage(text, start, start + passage.length),
  };
}

function theIn(text: string, paragraph: number): Array<AnchorInput & { start: number }> {
  const from = text.indexOf(paragraphs[paragraph]!);
  const to = from + paragraphs[paragraph]!.length;
  const out: Array<AnchorInput & { start: number }> = [];
  for (let at = text.indexOf('the', from); at !== -1 && at < to; at = text.indexOf('the', at + 1)) {
    out.push({ id: `the@${at}`, start: at, selectors: describePassage(text, at, at + 3) });
  }
  return out;
}

describe('reanchor', () => {
  it('anchors every untouched passage exactly, even a word that occurs many times', () => {
    const newText = ['A new opening paragraph.', ...paragraphs]
      .join('\n\n')
      .replace('the railways', 'the old railways');
    const shift = 'A new opening paragraph.\n\n'.length;
    const annotations = [...theIn(oldText, 0), ...theIn(oldText, 3)];
    expect(annotations.length).toBeGreaterThan(5);
    const results = reanchor(oldText, newText, annotations);
    results.forEach((r, i) => {
      const start = annotations[i]!.start + (i < theIn(oldText, 0).length ? shift : shift + 4);
      expect(r).toEqual({ id: annotations[i]!.id, state: 'anchored', start, end: start + 3 });
    });
  });

  it('returns one result per annotation, in order, and anchors all of them on an unchanged text', () => {
    const annotations = [
      annotate(oldText, 'forum', 2),
      annotate(oldText, '😀'),
      annotate(oldText, 'ونص قصير'),
      annotate(oldText, 'Baku'),
    ];
    const results = reanchor(oldText, oldText, annotations);
    expect(results.map((r) => [r.id, r.state, r.start])).toEqual(
      annotations.map((a) => [a.id, 'anchored', a.start]),
    );
  });

  it('flags a passage whose neighbour was edited as moved, at exactly its place', () => {
    const a = annotate(oldText, 'discussed trade');
    const newText = oldText.replace('forum discussed', 'forum hotly discussed');
    const [r] = reanchor(oldText, newText, [a]);
    const start = newText.indexOf('discussed trade');
    expect(r).toMatchObject({ state: 'moved', start, end: start + 15 });
    expect(r!.score).toBeGreaterThan(0);
    expect(r!.score).toBeLessThanOrEqual(1);
  });

  it('follows a paragraph that moved, as moved', () => {
    const a = annotate(oldText, 'with a note of thanks');
    const reordered = [paragraphs[3], paragraphs[0], paragraphs[1], paragraphs[2], paragraphs[4]];
    const newText = reordered.join('\n\n');
    const [r] = reanchor(oldText, newText, [a]);
    const start = newText.indexOf('with a note of thanks');
    expect(r).toMatchObject({ state: 'moved', start, end: start + 21 });
  });

  it('finds a passage with a word changed as fuzzy', () => {
    const a = annotate(oldText, 'The forum discussed trade, the ports and the railways');
    const newText = oldText.replace('the ports and', 'the harbours and');
    const [r] = reanchor(oldText, newText, [a]);
    expect(r).toMatchObject({ state: 'fuzzy' });
    expect(newText.slice(r!.start, r!.end)).toBe(
      'The forum discussed trade, the harbours and the railways',
    );
    expect(r!.score).toBeGreaterThanOrEqual(0.9);
  });

  it('orphans a passage that is gone, and never drops it', () => {
    const a = annotate(oldText, 'nümayəndələr çay içdilər');
    const newText = paragraphs.filter((_, i) => i !== 2).join('\n\n');
    expect(reanchor(oldText, newText, [a])).toEqual([{ id: a.id, state: 'orphaned' }]);
  });

  it('does not mistake a word a replacement paragraph happens to share for the passage', () => {
    const a = annotate(oldText, 'spring');
    const replaced = (opening: string) => oldText.replace(paragraphs[0]!, opening);
    const unrelated = replaced('An entirely different opening, where spring never came at all.');
    expect(reanchor(oldText, unrelated, [a])).toEqual([{ id: a.id, state: 'orphaned' }]);
    // Sharing "in the spring" is context, though: a candidate, but only flagged.
    const similar = replaced('An entirely different opening, written in the spring by someone.');
    expect(reanchor(oldText, similar, [a])[0]).toMatchObject({
      state: 'moved',
      start: similar.indexOf('spring'),
    });
  });

  it('orphans rather than choose between two equally good places', () => {
    const target = 'Target sentence, one two.';
    const first = 'First paragraph, long enough to stand on its own x.';
    const before = [first, target, 'Third.'].join('\n\n');
    const a = annotate(before, target);
    // The target's paragraph is deleted, so it is expected where the third paragraph now starts;
    // copies of it sit inside new lines before and after, with no context agreeing at all.
    const opening = `Intro ${target} tail.`;
    const expected = opening.length + 2 + first.length + 2;
    const revise = (third: string) => [opening, first, third, `Head ${target} end.`].join('\n\n');
    const equidistant = 'Third.'.padEnd(expected - 'Intro '.length - 2 - 'Head '.length, '.');
    expect(reanchor(before, revise(equidistant), [a])).toEqual([{ id: a.id, state: 'orphaned' }]);
    // One code unit further away on one side, and the other side wins.
    const [r] = reanchor(before, revise(equidistant + '.'), [a]);
    expect(r).toMatchObject({ state: 'moved', start: 'Intro '.length });
  });

  it('never anchors a position that does not describe the old text', () => {
    const a = annotate(oldText, 'the forum');
    a.selectors[0].start += 1; // stale: the position and the quote disagree
    a.selectors[0].end += 1;
    const [r] = reanchor(oldText, oldText, [a]);
    expect(r!.state).not.toBe('anchored');
  });

  it('orphans an empty quote it cannot carry over', () => {
    const empty = { id: 'empty', selectors: describePassage(oldText, 5, 5) };
    const newText = oldText.replace(paragraphs[0]!, 'Replaced.');
    expect(reanchor(oldText, newText, [empty])).toEqual([{ id: 'empty', state: 'orphaned' }]);
  });
});
