// Articles: import (file, pasted text, the bundled sample), list, read, memo, delete.
import type { Article, ArticleFormat, ArticleSummary, CanonicalDocument } from '../../shared/model';
import type { Handlers } from '../../shared/contract';
import { notFound } from '../errors';
import { importFile, importPastedText } from '../import';
import type { NotebookData } from '../store';
import { isoNow, type ServiceContext } from './context';

export function findArticle(data: NotebookData, id: string): Article {
  const article = data.articles.find((a) => a.id === id);
  if (!article) throw notFound('That article');
  return article;
}

function summarise(article: Article, annotationCount: number): ArticleSummary {
  const { id, title, source, format, importedAt } = article;
  return { id, title, source, format, importedAt, annotationCount };
}

export async function addArticle(
  ctx: ServiceContext,
  doc: CanonicalDocument,
  format: ArticleFormat,
  source: string,
  extra: (data: NotebookData) => void = () => {},
): Promise<ArticleSummary> {
  const article: Article = {
    id: ctx.newId(),
    ...doc,
    source,
    format,
    importedAt: isoNow(ctx),
    memo: '',
  };
  await ctx.store.update((data) => {
    data.articles.push(article);
    extra(data);
  });
  return summarise(article, 0);
}

/** Adds the bundled sample on the very first run only; deleting it later is the analyst's choice. */
export async function seedSample(
  ctx: ServiceContext,
  sample: { fileName: string; bytes: Uint8Array },
) {
  if (ctx.store.data.sampleSeeded) return;
  const { doc, format, source } = importFile(sample.fileName, sample.bytes);
  await addArticle(ctx, doc, format, source, (data) => {
    data.sampleSeeded = true;
  });
}

export function articleHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  'listArticles' | 'getArticle' | 'importFile' | 'importText' | 'deleteArticle' | 'setMemo'
> {
  const { store } = ctx;
  return {
    async listArticles() {
      const counts = new Map<string, number>();
      for (const a of store.data.annotations)
        counts.set(a.articleId, (counts.get(a.articleId) ?? 0) + 1);
      return store.data.articles
        .map((a) => summarise(a, counts.get(a.id) ?? 0))
        .sort((a, b) => b.importedAt.localeCompare(a.importedAt));
    },

    async getArticle({ id }) {
      return findArticle(store.data, id);
    },

    async importFile({ fileName, bytes }) {
      const { doc, format, source } = importFile(fileName, bytes);
      return addArticle(ctx, doc, format, source);
    },

    async importText({ text, title, source }) {
      const doc = importPastedText(text, title?.trim() || undefined);
      return addArticle(ctx, doc, 'pasted', source?.trim() || 'Pasted text');
    },

    async deleteArticle({ id }) {
      findArticle(store.data, id);
      let deletedAnnotations = 0;
      await store.update((data) => {
        const before = data.annotations.length;
        data.annotations = data.annotations.filter((a) => a.articleId !== id);
        deletedAnnotations = before - data.annotations.length;
        data.articles = data.articles.filter((a) => a.id !== id);
      });
      return { deletedAnnotations };
    },

    async setMemo({ articleId, memo }) {
      findArticle(store.data, articleId);
      await store.update((data) => {
        findArticle(data, articleId).memo = memo;
      });
      return { memo };
    },
  };
}
