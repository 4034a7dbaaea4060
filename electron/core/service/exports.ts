// Export: gathers the chosen articles and annotations, and a core worker renders them (in reading
// order); the host decides where the file goes (native save dialog in Electron, a browser
// download in the browser host).
import type { Handlers } from '../../shared/contract';
import type { Annotation } from '../../shared/model';
import type { ExportArticle } from '../export';
import { findArticle, loadArticle } from './articles';
import { workersOf, type ServiceContext } from './context';
import { findTag } from './tags';

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'exportNotes'> {
  const { state } = ctx.store;
  return {
    async exportNotes({ articleId, format, tagIds }) {
      const records = articleId ? [findArticle(state, articleId)] : [...state.articles.values()];
      const tagFilter = tagIds?.length ? tagIds.map((id) => findTag(state, id)) : undefined;
      const wanted = tagFilter ? new Set(tagFilter.map((t) => t.id)) : undefined;
      const byArticle = new Map(records.map((r) => [r.id, [] as Annotation[]]));
      for (const a of state.annotations.values()) {
        if (wanted && !a.tagIds.some((t) => wanted.has(t))) continue;
        byArticle.get(a.articleId)?.push(a);
      }
      const selected: ExportArticle[] = [];
      for (const record of records) {
        const annotations = byArticle.get(record.id)!;
        // Filtered by tag, a notebook export is about matching passages only: an article without
        // one is left out (and its body never read).
        if (wanted && !articleId && annotations.length === 0) continue;
        // The exporters read the text and the details, never blocks or marks: those stay here.
        const { blocks: _blocks, marks: _marks, ...article } = await loadArticle(ctx, record);
        selected.push({ article, annotations });
      }
      const file = await workersOf(ctx).run('renderExport', {
        format,
        scope: articleId ? 'article' : 'notebook',
        articles: selected,
        tags: [...state.tags.values()],
        ...(tagFilter && { tagFilter }),
        exportedAt: ctx.now(),
      });
      return { kind: 'download', file };
    },
  };
}
