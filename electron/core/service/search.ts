// Search across everything, and "code all hits": the index lives as long as the notebook is open
// and follows every commit (electron/core/search/notebook-index.ts).
import type { Handlers } from '../../shared/contract';
import type { NotebookFilter } from '../../shared/analysis';
import type { Annotation } from '../../shared/model';
import { articleFilter, annotationFilter } from '../analysis/filter';
import { describePassage } from '../anchoring/selectors';
import { conflict } from '../errors';
import { annotationsByPlace, placeKey } from '../search/kept-passages';
import { NotebookIndex } from '../search/notebook-index';
import { findOccurrences } from '../search/occurrences';
import { runSearch, type SearchScope } from '../search/run-search';
import { parseQuery } from '../search/terms';
import type { Change } from '../store';
import { createdByNow, currentAnalystId } from './analysts';
import { currentRevision, findArticle, loadArticle } from './articles';
import { isoNow, type ServiceContext } from './context';
import { alsoVisible, blindFilter } from './visibility';
import { resolveTagNames } from './tags';

export function searchHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'search' | 'findOccurrences' | 'codeHits'> {
  const { store } = ctx;
  const { state } = store;
  const index = new NotebookIndex(store);

  /**
   * The filter's decisions, within what blind coding lets the window see; refuses (changing
   * nothing) a filter naming what isn't there.
   */
  const scopeOf = async (filter: NotebookFilter): Promise<SearchScope> => {
    const visible = await blindFilter(ctx);
    const me = currentAnalystId(ctx);
    return {
      filter,
      keepAnnotation: alsoVisible(annotationFilter(state, filter), visible),
      keepArticle: articleFilter(state, filter),
      own: (a) => a.createdBy === me,
    };
  };

  return {
    async search(query) {
      const scope = await scopeOf(query);
      return index.read(() => runSearch(state, index, query, parseQuery(query.query), scope));
    },

    async findOccurrences(query) {
      const parsed = parseQuery(query.query);
      if (parsed.words.length === 0) {
        throw conflict(`“${query.query.trim()}” has no words to find: type a word or a phrase.`);
      }
      const scope = await scopeOf(query);
      await index.ready();
      return findOccurrences(state, index, query, parsed, scope);
    },

    async codeHits({ hits, tagNames }) {
      // Every hit is checked before anything is made: one refusal, and nothing is coded.
      const texts = new Map<string, string>();
      const unique = new Map<string, (typeof hits)[number]>();
      for (const hit of hits) {
        const record = findArticle(state, hit.articleId);
        if (currentRevision(record).number !== hit.revision) {
          throw conflict(
            `“${record.title}” changed since these hits were found: find them again, then code them.`,
          );
        }
        let text = texts.get(record.id);
        if (text === undefined) {
          text =
            index.text(record.id)?.revision === hit.revision
              ? index.text(record.id)!.text
              : (await loadArticle(ctx, record)).text;
          texts.set(record.id, text);
        }
        if (hit.end > text.length || text.slice(hit.start, hit.end).trim() === '') {
          throw conflict(`A hit is not inside “${record.title}” any more: find the hits again.`);
        }
        unique.set(`${hit.articleId}:${hit.start}:${hit.end}`, hit);
      }
      const { tagIds, changes } = resolveTagNames(ctx, tagNames);
      // A place only another coder coded is not coded yet for this one, who gets an annotation of
      // their own there: a tag put on someone else's passage would count as that coder's coding
      // (agreement reads each coder's passages), blind or not.
      const by = currentAnalystId(ctx);
      const places = annotationsByPlace(state, (a) => a.createdBy === by);
      const stamp = isoNow(ctx);
      const puts: Change[] = [];
      const outcome = { created: 0, tagged: 0, unchanged: 0 };
      for (const hit of unique.values()) {
        const existing = places.get(hit.articleId)?.get(placeKey(hit))?.[0];
        if (existing) {
          const missing = tagIds.filter((t) => !existing.tagIds.includes(t));
          if (missing.length === 0) {
            outcome.unchanged++;
            continue;
          }
          const updated: Annotation = {
            ...existing,
            tagIds: [...existing.tagIds, ...missing],
            updatedAt: stamp,
            ...(by !== undefined && { updatedBy: by }),
          };
          puts.push({ kind: 'put', collection: 'annotations', record: updated });
          outcome.tagged++;
          continue;
        }
        const annotation: Annotation = {
          id: ctx.newId(),
          articleId: hit.articleId,
          selectors: describePassage(texts.get(hit.articleId)!, hit.start, hit.end),
          revision: hit.revision,
          tagIds,
          comment: '',
          createdAt: stamp,
          updatedAt: stamp,
          anchor: 'anchored',
          ...createdByNow(ctx),
        };
        puts.push({ kind: 'put', collection: 'annotations', record: annotation });
        outcome.created++;
      }
      // Nothing to change makes no commit (and no undo step that would do nothing).
      if (puts.length > 0) await store.commit([...changes, ...puts]);
      return outcome;
    },
  };
}
