// How often each tag is used, overall and per article: by passages and by characters coded.
// A passage is counted where it is now (currentSpan); one that lost its place (orphaned, waiting
// for review) still carries its tags, so it is counted apart as unplaced rather than dropped.
import { currentSpan, type Annotation, type Span } from '../../shared/model';
import { coveredLength } from './coded-spans';

export interface TagCounts {
  /** Passages with the tag that have a place in their article's text. */
  passages: number;
  /** Characters those passages cover, overlaps counted once. */
  codedChars: number;
  /** Passages with the tag that have no place now (orphaned): not in codedChars. */
  unplaced: number;
}

export interface TagFrequency extends TagCounts {
  tagId: string;
  /** The same counts article by article (articles where the tag is used only). */
  byArticle: Map<string, TagCounts>;
}

/** Every tag used by `annotations`, most passages first (then by id, so the order is stable). */
export function tagFrequencies(annotations: Iterable<Annotation>): TagFrequency[] {
  // tag -> article -> the passages' spans and the unplaced count
  const uses = new Map<string, Map<string, { spans: Span[]; unplaced: number }>>();
  for (const annotation of annotations) {
    const span = currentSpan(annotation);
    for (const tagId of new Set(annotation.tagIds)) {
      const byArticle = uses.get(tagId) ?? new Map<string, { spans: Span[]; unplaced: number }>();
      uses.set(tagId, byArticle);
      const use = byArticle.get(annotation.articleId) ?? { spans: [], unplaced: 0 };
      byArticle.set(annotation.articleId, use);
      if (span) use.spans.push(span);
      else use.unplaced++;
    }
  }
  const frequencies: TagFrequency[] = [];
  for (const [tagId, articles] of uses) {
    const byArticle = new Map<string, TagCounts>();
    const total: TagCounts = { passages: 0, codedChars: 0, unplaced: 0 };
    for (const [articleId, { spans, unplaced }] of articles) {
      const counts = { passages: spans.length, codedChars: coveredLength(spans), unplaced };
      byArticle.set(articleId, counts);
      total.passages += counts.passages;
      total.codedChars += counts.codedChars;
      total.unplaced += counts.unplaced;
    }
    frequencies.push({ tagId, ...total, byArticle });
  }
  return frequencies.sort(
    (a, b) => b.passages - a.passages || (a.tagId < b.tagId ? -1 : a.tagId > b.tagId ? 1 : 0),
  );
}
