// How often each tag is used, overall and per article: by passages and by characters coded.
// A passage is counted where it is now (currentSpan); one that lost its place (orphaned, waiting
// for review) still carries its tags, so it is counted apart as unplaced rather than dropped.
import { currentSpan, type Annotation, type Span } from '../../shared/model';
import { coveredLength } from './coded-spans';
import { runSteps, STEP, type Steps } from './steps';

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

/**
 * The tags a passage counts for: its own (the default), or with a roll-up, its tags and every
 * tag above them. Each tag once per passage.
 */
export type TagsOf = (annotation: Annotation) => Iterable<string>;

const ownTags: TagsOf = ({ tagIds }) => (tagIds.length < 2 ? tagIds : new Set(tagIds));

interface Use {
  spans: Span[];
  unplaced: number;
}

/** tagFrequencies, pausing every STEP passages (see steps.ts). */
export function* frequencySteps(
  annotations: Iterable<Annotation>,
  tagsOf: TagsOf = ownTags,
): Steps<TagFrequency[]> {
  // tag -> article -> the passages' spans and the unplaced count
  const uses = new Map<string, Map<string, Use>>();
  let n = 0;
  for (const annotation of annotations) {
    if (++n % STEP === 0) yield;
    const span = currentSpan(annotation);
    for (const tagId of tagsOf(annotation)) {
      let byArticle = uses.get(tagId);
      if (!byArticle) uses.set(tagId, (byArticle = new Map()));
      let use = byArticle.get(annotation.articleId);
      if (!use) byArticle.set(annotation.articleId, (use = { spans: [], unplaced: 0 }));
      if (span) use.spans.push(span);
      else use.unplaced++;
    }
  }
  const frequencies: TagFrequency[] = [];
  for (const [tagId, articles] of uses) {
    const byArticle = new Map<string, TagCounts>();
    const total: TagCounts = { passages: 0, codedChars: 0, unplaced: 0 };
    for (const [articleId, { spans, unplaced }] of articles) {
      // Merging sorts the spans: a tag on thousands of passages is worth a pause of its own.
      if (spans.length > STEP) yield;
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

/** Every tag used by `annotations`, most passages first (then by id, so the order is stable). */
export const tagFrequencies = (annotations: Iterable<Annotation>, tagsOf?: TagsOf) =>
  runSteps(frequencySteps(annotations, tagsOf));
