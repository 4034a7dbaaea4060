// The passages a filter keeps, as text hits need them: with a tag, analyst, date or review filter
// set, a word in an article's text is a hit only inside a passage the filter keeps ("find
// 'pipeline' in what Leyla coded as Energy").
import type { NotebookFilter } from '../../shared/analysis';
import { currentSpan, type Annotation, type Span } from '../../shared/model';
import { mergeSpans } from '../analysis/coded-spans';
import type { NotebookState } from '../store';

/** Whether the filter narrows passages (not only articles). */
export const narrowsPassages = (filter: NotebookFilter): boolean =>
  filter.tagId !== undefined ||
  filter.analystId !== undefined ||
  filter.from !== undefined ||
  filter.to !== undefined ||
  filter.review !== undefined;

/** Per article, the disjoint runs of text covered by passages the filter keeps; built lazily. */
export function keptRuns(state: NotebookState, keep: (a: Annotation) => boolean) {
  let byArticle: Map<string, Span[]> | undefined;
  return (articleId: string): Span[] => {
    if (!byArticle) {
      const spans = new Map<string, Span[]>();
      for (const annotation of state.annotations.values()) {
        const span = currentSpan(annotation);
        if (!span || !keep(annotation)) continue;
        const list = spans.get(annotation.articleId) ?? [];
        list.push(span);
        spans.set(annotation.articleId, list);
      }
      byArticle = new Map([...spans].map(([id, list]) => [id, mergeSpans(list)]));
    }
    return byArticle.get(articleId) ?? [];
  };
}

/** Whether `span` lies inside one of the disjoint, ordered `runs` (binary search). */
export function insideRuns(runs: readonly Span[], span: Span): boolean {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const run = runs[mid]!;
    if (run.end <= span.start) lo = mid + 1;
    else if (run.start > span.start) hi = mid - 1;
    else return span.end <= run.end;
  }
  return false;
}

/**
 * Every article's annotations by their exact place now ("start:end"), in one pass; only those
 * `keep` keeps, when given.
 */
export function annotationsByPlace(
  state: NotebookState,
  keep?: (a: Annotation) => boolean,
): Map<string, Map<string, Annotation[]>> {
  const byArticle = new Map<string, Map<string, Annotation[]>>();
  for (const annotation of state.annotations.values()) {
    const span = currentSpan(annotation);
    if (!span || (keep && !keep(annotation))) continue;
    let places = byArticle.get(annotation.articleId);
    if (!places) byArticle.set(annotation.articleId, (places = new Map()));
    const key = placeKey(span);
    places.set(key, [...(places.get(key) ?? []), annotation]);
  }
  return byArticle;
}

export const placeKey = (span: Span) => `${span.start}:${span.end}`;
