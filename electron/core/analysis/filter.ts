// What a NotebookFilter keeps, in one place, so the analysis views and search narrow the same
// way. Ids the filter names must exist (a stale view asking about a deleted tag is told so, not
// shown zeros); days are the analyst's local days.
import type { NotebookFilter } from '../../shared/analysis';
import type { Annotation } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { conflict, notFound } from '../errors';
import type { NotebookState } from '../store';

/** Which articles the filter keeps, by id (every article when it names none). */
export function articleFilter(
  state: NotebookState,
  filter: NotebookFilter,
): (id: string) => boolean {
  if (!filter.articleIds) return () => true;
  for (const id of filter.articleIds) if (!state.articles.has(id)) throw notFound('That article');
  const wanted = new Set(filter.articleIds);
  return (id) => wanted.has(id);
}

/** The tag and every tag below it: what "passages with this tag" means for a parent. */
export function tagWithDescendants(state: NotebookState, tagId: string): Set<string> {
  if (!state.tags.has(tagId)) throw notFound('That tag');
  const tree = new TagTree(state.tags.values());
  return new Set([tagId, ...tree.descendants(tagId).map((t) => t.id)]);
}

/**
 * Milliseconds at the start of a `YYYY-MM-DD` day in local time (`after`: of the day after).
 * Built from the parts, so a day that a clock change shortens or lengthens is still one day.
 */
function localDay(day: string, after = false): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(y, m - 1, d);
  if (start.getFullYear() !== y || start.getMonth() !== m - 1 || start.getDate() !== d) {
    throw conflict(`“${day}” is not a day of the calendar.`);
  }
  return after ? new Date(y, m - 1, d + 1).getTime() : start.getTime();
}

/**
 * Which annotations the filter keeps. Throws (changing nothing) on an id that names nothing, a day
 * the calendar doesn't have, or a first day after the last.
 */
export function annotationFilter(
  state: NotebookState,
  filter: NotebookFilter,
): (a: Annotation) => boolean {
  const checks: Array<(a: Annotation) => boolean> = [];
  if (filter.articleIds) {
    const keepArticle = articleFilter(state, filter);
    checks.push((a) => keepArticle(a.articleId));
  }
  if (filter.tagId !== undefined) {
    const wanted = tagWithDescendants(state, filter.tagId);
    checks.push((a) => a.tagIds.some((t) => wanted.has(t)));
  }
  if (filter.analystId !== undefined) {
    const { analystId } = filter;
    if (!state.analysts.has(analystId)) throw notFound('That analyst');
    checks.push((a) => a.createdBy === analystId);
  }
  const from = filter.from === undefined ? undefined : localDay(filter.from);
  const until = filter.to === undefined ? undefined : localDay(filter.to, true);
  if (from !== undefined && until !== undefined && from >= until) {
    throw conflict(`The first day (${filter.from}) is after the last (${filter.to}).`);
  }
  if (from !== undefined || until !== undefined) {
    checks.push((a) => {
      const made = Date.parse(a.createdAt);
      return (from === undefined || made >= from) && (until === undefined || made < until);
    });
  }
  if (filter.review !== undefined) {
    const placed = filter.review === 'placed';
    checks.push((a) => (a.anchor === 'anchored') === placed);
  }
  return (a) => checks.every((check) => check(a));
}
