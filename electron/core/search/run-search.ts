// A search across the notebook: the index finds the documents holding every word, then each is
// checked against the filter (and a quoted phrase against the word order), and the best of each
// kind get their context line. Documents are only re-read for that check when it needs them.
import type { NotebookFilter } from '../../shared/analysis';
import { compareReadingOrder, currentSpan, type Annotation, type Span } from '../../shared/model';
import {
  SEARCH_KINDS,
  SEARCH_LIMIT,
  type SearchHit,
  type SearchKind,
  type SearchQuery,
  type SearchResults,
} from '../../shared/search';
import { TagTree } from '../../shared/tag-tree';
import type { NotebookState } from '../store';
import { contextOf } from './context';
import { insideRuns, keptRuns, narrowsPassages } from './kept-passages';
import { articleWords, tagWords, type IndexedDoc, type NotebookIndex } from './notebook-index';
import { matchingWords, wordsOf, type ParsedQuery } from './terms';
import { due, nextTurn } from '../turns';

/** What the filter decides, asked of each candidate. */
export interface SearchScope {
  filter: NotebookFilter;
  keepAnnotation: (a: Annotation) => boolean;
  keepArticle: (articleId: string) => boolean;
  /**
   * The coding analyst's own annotations: where code-all-hits counts a place as coded already.
   * Another coder's passage there is theirs (agreement reads each coder's), blind coding or not.
   */
  own: (a: Annotation) => boolean;
}

/** The index's query for the parsed words: all of them, bare words by their beginning. */
export const indexQuery = (parsed: ParsedQuery) => ({
  combineWith: 'AND' as const,
  queries: parsed.words.map((w) => ({ queries: [w.folded], prefix: w.prefix })),
});

/**
 * Call inside index.read(): the hits are checked a slice at a time (turns.ts), so a common word
 * (thousands of documents, each listed one read again for its context) never holds the event
 * loop for long, and the index stays as it was meanwhile.
 */
export async function runSearch(
  state: NotebookState,
  index: NotebookIndex,
  query: SearchQuery,
  parsed: ParsedQuery,
  scope: SearchScope,
): Promise<SearchResults> {
  const kinds = new Set<SearchKind>(query.kinds ?? SEARCH_KINDS);
  const counts = Object.fromEntries(SEARCH_KINDS.map((k) => [k, 0])) as Record<SearchKind, number>;
  const found = new Map<SearchKind, SearchHit[]>(SEARCH_KINDS.map((k) => [k, []]));
  const answer = (): SearchResults => ({
    query: query.query,
    hits: SEARCH_KINDS.flatMap((k) => found.get(k)!),
    counts,
  });
  if (parsed.words.length === 0) {
    if (kinds.has('passage')) browsePassages(state, query, scope, counts, found.get('passage')!);
    return answer();
  }
  const narrowed = narrowsPassages(scope.filter);
  const runsOf = keptRuns(state, scope.keepAnnotation);
  // Without a phrase or a narrowing filter, the index's answer is exact: a document is counted
  // without reading it again, and only the listed ones get a context line.
  const mustRead = parsed.phrases.length > 0;
  const tree = kinds.has('tag') ? new TagTree(state.tags.values()) : undefined;
  const inTagScope = tagScope(state, scope.filter.tagId, tree);

  for (const result of index.search(indexQuery(parsed))) {
    if (due()) await nextTurn();
    const doc = index.doc(result.id);
    if (!doc || !kinds.has(doc.kind)) continue;
    const source = sourceOf(state, index, doc, tree);
    if (!source) continue;
    // Passages are what the tag, analyst, date and review filters narrow; memos and details are
    // not passages, so they are left out while one is set. A tag filter narrows tags to its subtree.
    if ('articleId' in doc && !scope.keepArticle(doc.articleId)) continue;
    if ((doc.kind === 'memo' || doc.kind === 'article') && narrowed) continue;
    if (doc.kind === 'tag' && !inTagScope(doc.tagId)) continue;
    if (
      (doc.kind === 'passage' || doc.kind === 'comment') &&
      !scope.keepAnnotation(source.annotation!)
    ) {
      continue;
    }
    const listed = found.get(doc.kind)!;
    const needed = mustRead || (doc.kind === 'text' && narrowed) || listed.length < SEARCH_LIMIT;
    if (!needed) {
      counts[doc.kind]++;
      continue;
    }
    let matches = matchesIn(source.text, source.region, parsed);
    if (doc.kind === 'text' && narrowed) {
      const runs = runsOf(doc.articleId);
      matches = matches.filter((m) => insideRuns(runs, m));
    }
    if (matches.length === 0) continue;
    if (mustRead && !holdsAllWords(source.text, matches, parsed)) continue;
    counts[doc.kind]++;
    if (listed.length >= SEARCH_LIMIT) continue;
    listed.push(hitOf(doc, source, matches));
  }
  return answer();
}

interface Source {
  text: string;
  region: Span;
  annotation?: Annotation;
}

/** The words a document was indexed from, as the state holds them now. */
function sourceOf(
  state: NotebookState,
  index: NotebookIndex,
  doc: IndexedDoc,
  tree: TagTree | undefined,
): Source | undefined {
  const whole = (text: string) => ({ text, region: { start: 0, end: text.length } });
  switch (doc.kind) {
    case 'text': {
      const text = index.text(doc.articleId)?.text;
      return text === undefined ? undefined : { text, region: doc.region };
    }
    case 'passage':
    case 'comment': {
      const annotation = state.annotations.get(doc.annotationId);
      if (!annotation) return undefined;
      const text = doc.kind === 'passage' ? annotation.selectors[1].exact : annotation.comment;
      return { ...whole(text), annotation };
    }
    case 'memo': {
      const record = state.articles.get(doc.articleId);
      return record && whole(record.memo);
    }
    case 'article': {
      const record = state.articles.get(doc.articleId);
      return record && whole(articleWords(record));
    }
    case 'tag': {
      const tag = state.tags.get(doc.tagId);
      return tag && tree && whole(tagWords(tag, tree.path(tag.id)));
    }
  }
}

/** The spans of the words in `region` that the query matched, in text order. */
function matchesIn(text: string, region: Span, parsed: ParsedQuery): Span[] {
  const words = wordsOf(text.slice(region.start, region.end));
  return matchingWords(words, parsed).map((i) => ({
    start: region.start + words[i]!.start,
    end: region.start + words[i]!.end,
  }));
}

/** Every query word among the matches (a phrase word counts only where its phrase stood). */
function holdsAllWords(text: string, matches: readonly Span[], parsed: ParsedQuery): boolean {
  const folded = matches.map((m) => wordsOf(text.slice(m.start, m.end))[0]?.folded ?? '');
  return parsed.words.every((q) =>
    folded.some((f) => (q.prefix ? f.startsWith(q.folded) : f === q.folded)),
  );
}

function hitOf(doc: IndexedDoc, source: Source, matches: Span[]): SearchHit {
  const context = contextOf(source.text, source.region, matches);
  switch (doc.kind) {
    case 'text':
      return { kind: 'text', articleId: doc.articleId, span: matches[0]!, context };
    case 'passage':
    case 'comment': {
      const span = currentSpan(source.annotation!);
      return {
        kind: doc.kind,
        articleId: doc.articleId,
        annotationId: doc.annotationId,
        ...(span && { span }),
        context,
      };
    }
    case 'memo':
    case 'article':
      return { kind: doc.kind, articleId: doc.articleId, context };
    case 'tag':
      return { kind: 'tag', tagId: doc.tagId, context };
  }
}

/** Whether a tag is the filter's tag or below it (every tag when there is no tag filter). */
function tagScope(state: NotebookState, tagId: string | undefined, tree: TagTree | undefined) {
  if (tagId === undefined) return () => true;
  const t = tree ?? new TagTree(state.tags.values());
  const inside = new Set([tagId, ...t.descendants(tagId).map((d) => d.id)]);
  return (id: string) => inside.has(id);
}

/**
 * With no words typed but a filter set, the passages it keeps: by article title, then in
 * reading order (what to tick for a bulk change or a split).
 */
function browsePassages(
  state: NotebookState,
  query: SearchQuery,
  scope: SearchScope,
  counts: Record<SearchKind, number>,
  listed: SearchHit[],
) {
  if (!narrowsPassages(scope.filter) && !query.articleIds?.length) return;
  const kept = [...state.annotations.values()].filter(
    (a) => scope.keepArticle(a.articleId) && scope.keepAnnotation(a),
  );
  const title = (id: string) => state.articles.get(id)?.title ?? '';
  kept.sort(
    (a, b) =>
      title(a.articleId).localeCompare(title(b.articleId)) ||
      a.articleId.localeCompare(b.articleId) ||
      compareReadingOrder(a, b),
  );
  counts.passage = kept.length;
  for (const annotation of kept.slice(0, SEARCH_LIMIT)) {
    const quote = annotation.selectors[1].exact;
    const span = currentSpan(annotation);
    listed.push({
      kind: 'passage',
      articleId: annotation.articleId,
      annotationId: annotation.id,
      ...(span && { span }),
      context: contextOf(quote, { start: 0, end: quote.length }, []),
    });
  }
}
