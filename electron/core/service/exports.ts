// Export: gathers the chosen articles and annotations and renders them; the host decides where the
// file goes (native save dialog in Electron, a browser download in the browser host).
import type { Handlers } from '../../shared/contract';
import { renderExport, type ExportArticle } from '../export';
import { byReadingOrder } from './annotations';
import { findArticle } from './articles';
import type { ServiceContext } from './context';
import { findTag } from './tags';

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'exportNotes'> {
  const { store } = ctx;
  return {
    async exportNotes({ articleId, format, tagIds }) {
      const data = store.data;
      const articles = articleId ? [findArticle(data, articleId)] : data.articles;
      const tagFilter = tagIds?.length ? tagIds.map((id) => findTag(data, id)) : undefined;
      const wanted = tagFilter ? new Set(tagFilter.map((t) => t.id)) : undefined;
      const selected: ExportArticle[] = articles.map((article) => ({
        article,
        annotations: data.annotations
          .filter((a) => a.articleId === article.id)
          .filter((a) => !wanted || a.tagIds.some((t) => wanted.has(t)))
          .sort(byReadingOrder),
      }));
      const file = renderExport({
        format,
        scope: articleId ? 'article' : 'notebook',
        articles: selected,
        tags: data.tags,
        tagFilter,
        exportedAt: ctx.now(),
      });
      return { kind: 'download', file };
    },
  };
}
