// The core's one title order and one sentence segmenter, each made on first use. ICU takes 3-6 ms
// to make either; made when their modules loaded, they cost every start-up that time, though
// start-up sorts no titles and segments no sentences.

let titles: Intl.Collator | undefined;
let sentences: Intl.Segmenter | undefined;

/** Titles and attribute values in reading order ("Part 2" before "Part 10"); 0 for equals. */
export function compareNatural(a: string, b: string): number {
  titles ??= new Intl.Collator(undefined, { numeric: true });
  return titles.compare(a, b);
}

/** The sentences of `text`, by the default locale's rules. */
export function segmentSentences(text: string): Intl.Segments {
  sentences ??= new Intl.Segmenter(undefined, { granularity: 'sentence' });
  return sentences.segment(text);
}
