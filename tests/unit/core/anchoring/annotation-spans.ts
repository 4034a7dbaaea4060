// Annotation spans on a property test's old text: words, common short words, whole paragraphs,
// spans across paragraph breaks, and arbitrary stretches, as analysts select them.
import { COMMON_WORDS, type Rng, isLow } from './corpus';

/** Annotation spans on the old text: words, common short words, paragraphs, spans across
 * paragraphs, and arbitrary stretches (never splitting a surrogate pair). */
export function annotationSpans(text: string, rng: Rng, count: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const wordStarts: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if ((i === 0 || /\s/.test(text[i - 1]!)) && !/\s/.test(text[i]!)) wordStarts.push(i);
  }
  const wordEnd = (i: number) => {
    let e = i;
    while (e < text.length && !/\s/.test(text[e]!)) e++;
    return e;
  };
  const breaks: number[] = [];
  for (let at = text.indexOf('\n\n'); at !== -1; at = text.indexOf('\n\n', at + 2)) breaks.push(at);
  while (spans.length < count) {
    const kind = rng.int(6);
    let start: number;
    let end: number;
    if (kind === 0 || kind === 1) {
      // One to six words.
      const first = rng.int(wordStarts.length);
      start = wordStarts[first]!;
      const last = Math.min(wordStarts.length - 1, first + rng.int(kind === 0 ? 1 : 6));
      end = wordEnd(wordStarts[last]!);
    } else if (kind === 2) {
      const w = rng.pick(COMMON_WORDS);
      const hits: number[] = [];
      for (let at = text.indexOf(w); at !== -1; at = text.indexOf(w, at + 1)) hits.push(at);
      if (hits.length === 0) continue;
      start = rng.pick(hits);
      end = start + w.length;
    } else if (kind === 3) {
      // A whole paragraph.
      const b = rng.int(breaks.length + 1);
      start = b === 0 ? 0 : breaks[b - 1]! + 2;
      end = b === breaks.length ? text.length : breaks[b]!;
    } else if (kind === 4) {
      // Across a paragraph break.
      if (breaks.length === 0) continue;
      const b = rng.pick(breaks);
      start = Math.max(0, b - rng.between(1, 60));
      end = Math.min(text.length, b + 2 + rng.between(1, 60));
    } else {
      start = rng.int(text.length);
      end = Math.min(text.length, start + rng.between(1, 80));
    }
    if (isLow(text, start)) start--;
    if (isLow(text, end)) end++;
    if (end > start) spans.push([start, end]);
  }
  return spans;
}
