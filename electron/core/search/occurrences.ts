// "Code all hits", first half: every place the typed words stand together in the articles' text,
// each with the span its scope would code (the words, their sentence or their paragraph), for the
// analyst to look over and untick before anything is coded.
import {
  CODE_HITS_LIMIT,
  type HitScope,
  type OccurrenceQuery,
  type Occurrences,
  type TextOccurrence,
} from '../../shared/search';
import type { Span } from '../../shared/model';
import type { NotebookState } from '../store';
import { segmentSentences } from '../collation';
import { contextOf } from './context';
import {
  annotationsByPlace,
  insideRuns,
  keptRuns,
  narrowsPassages,
  placeKey,
} from './kept-passages';
import type { NotebookIndex } from './notebook-index';
import { indexQuery, type SearchScope } from './run-search';
import { queryRuns, wordsOf, type ParsedQuery } from './terms';

export function findOccurrences(
  state: NotebookState,
  index: NotebookIndex,
  query: OccurrenceQuery,
  parsed: ParsedQuery,
  scope: SearchScope,
): Occurrences {
  // The blocks holding every word, each once (a long block is indexed in several windows).
  const blocks = new Map<string, { articleId: string; block: Span }>();
  for (const result of index.search(indexQuery(parsed))) {
    const doc = index.doc(result.id);
    if (doc?.kind !== 'text' || !scope.keepArticle(doc.articleId)) continue;
    blocks.set(`${doc.articleId}:${doc.block.start}`, {
      articleId: doc.articleId,
      block: doc.block,
    });
  }
  const narrowed = narrowsPassages(scope.filter);
  const runsOf = keptRuns(state, scope.keepAnnotation);
  const places = annotationsByPlace(state, scope.own);
  const seen = new Set<string>();
  const occurrences: TextOccurrence[] = [];
  for (const { articleId, block } of blocks.values()) {
    const indexed = index.text(articleId);
    if (!indexed) continue;
    const { text } = indexed;
    const words = wordsOf(text.slice(block.start, block.end));
    for (const [first, last] of queryRuns(words, parsed)) {
      const span = {
        start: block.start + words[first]!.start,
        end: block.start + words[last]!.end,
      };
      if (narrowed && !insideRuns(runsOf(articleId), span)) continue;
      const coded = scoped(text, block, span, query.scope);
      const key = `${articleId}:${placeKey(coded)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const already = places.get(articleId)?.get(placeKey(coded)) ?? [];
      occurrences.push({
        articleId,
        revision: indexed.revision,
        span,
        coded,
        context: contextOf(text, block, [span]),
        alreadyTagged: [...new Set(already.flatMap((a) => a.tagIds))],
      });
    }
  }
  const title = (id: string) => state.articles.get(id)?.title ?? '';
  occurrences.sort(
    (a, b) =>
      title(a.articleId).localeCompare(title(b.articleId)) ||
      a.articleId.localeCompare(b.articleId) ||
      a.span.start - b.span.start,
  );
  return {
    query: query.query,
    scope: query.scope,
    occurrences: occurrences.slice(0, CODE_HITS_LIMIT),
    truncated: occurrences.length > CODE_HITS_LIMIT,
  };
}

/** The span a scope codes around a hit, trimmed of white space at both ends. */
export function scoped(text: string, block: Span, hit: Span, scope: HitScope): Span {
  if (scope === 'hit') return hit;
  let span = block;
  if (scope === 'sentence') {
    let start = hit.start;
    let end = hit.end;
    for (const segment of segmentSentences(text.slice(block.start, block.end))) {
      const from = block.start + segment.index;
      const to = from + segment.segment.length;
      if (to > hit.start && from < hit.end) {
        start = Math.min(start, from);
        end = Math.max(end, to);
      }
    }
    span = { start, end };
  }
  return trimmed(text, span);
}

function trimmed(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
