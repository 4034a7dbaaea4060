// Where each tag falls along one article: the runs of text its passages cover, in text order, as
// the coverage strip draws them (overlapping passages of a tag make one run).
import { currentSpan, type Annotation, type Span } from '../../shared/model';
import { mergeSpans, runsLength } from './coded-spans';

export interface TagCoverage {
  tagId: string;
  runs: Span[];
  /** Characters the runs cover. */
  coveredChars: number;
}

/** Per tag used in `annotations` (one article's), its runs; tags in order of first appearance. */
export function tagCoverage(annotations: readonly Annotation[]): TagCoverage[] {
  const spansByTag = new Map<string, { first: number; spans: Span[] }>();
  for (const annotation of annotations) {
    const span = currentSpan(annotation);
    if (!span) continue;
    for (const tagId of new Set(annotation.tagIds)) {
      const entry = spansByTag.get(tagId) ?? { first: span.start, spans: [] };
      spansByTag.set(tagId, entry);
      entry.first = Math.min(entry.first, span.start);
      entry.spans.push(span);
    }
  }
  return [...spansByTag]
    .sort(([, a], [, b]) => a.first - b.first)
    .map(([tagId, { spans }]) => {
      const runs = mergeSpans(spans);
      return { tagId, runs, coveredChars: runsLength(runs) };
    });
}
