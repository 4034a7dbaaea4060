// Annotations: a passage of one article with tags and a comment. Validation happens before the
// store is touched, so a refused call changes nothing.
import type { Annotation } from '../../shared/model';
import type { Handlers } from '../../shared/contract';
import { describePassage } from '../anchoring/selectors';
import { conflict, NotebookError, notFound } from '../errors';
import type { NotebookData } from '../store';
import { findArticle } from './articles';
import { isoNow, type ServiceContext } from './context';
import { resolveTagNames } from './tags';

/** Reading order: by start, the longer passage first when two start together. */
export const byReadingOrder = (a: Annotation, b: Annotation) =>
  a.selectors[0].start - b.selectors[0].start || b.selectors[0].end - a.selectors[0].end;

function findAnnotation(data: NotebookData, id: string): Annotation {
  const annotation = data.annotations.find((a) => a.id === id);
  if (!annotation) throw notFound('That annotation');
  return annotation;
}

function assertPassage(text: string, start: number, end: number) {
  if (start >= end || end > text.length) {
    throw new NotebookError('conflict', 'That selection is not inside the article any more.');
  }
  if (text.slice(start, end).trim() === '') {
    throw new NotebookError('conflict', 'Select some text to annotate, not only white space.');
  }
}

export function annotationHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'listAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'restoreAnnotation'
> {
  const { store } = ctx;
  return {
    async listAnnotations({ articleId }) {
      findArticle(store.data, articleId);
      return store.data.annotations.filter((a) => a.articleId === articleId).sort(byReadingOrder);
    },

    async createAnnotation({ articleId, start, end, tagNames, comment }) {
      const article = findArticle(store.data, articleId);
      assertPassage(article.text, start, end);
      const stamp = isoNow(ctx);
      const annotation: Annotation = {
        id: ctx.newId(),
        articleId,
        selectors: describePassage(article.text, start, end),
        tagIds: [],
        comment,
        createdAt: stamp,
        updatedAt: stamp,
        anchor: 'anchored',
      };
      await store.update((data) => {
        annotation.tagIds = resolveTagNames(ctx, data, tagNames);
        data.annotations.push(annotation);
      });
      return annotation;
    },

    async updateAnnotation({ id, tagNames, comment }) {
      findAnnotation(store.data, id);
      let updated!: Annotation;
      await store.update((data) => {
        const annotation = findAnnotation(data, id);
        annotation.tagIds = resolveTagNames(ctx, data, tagNames);
        annotation.comment = comment;
        annotation.updatedAt = isoNow(ctx);
        updated = { ...annotation };
      });
      return updated;
    },

    async deleteAnnotation({ id }) {
      const annotation = findAnnotation(store.data, id);
      await store.update((data) => {
        data.annotations = data.annotations.filter((a) => a.id !== id);
      });
      return annotation;
    },

    async restoreAnnotation({ annotation }) {
      const article = findArticle(store.data, annotation.articleId);
      if (store.data.annotations.some((a) => a.id === annotation.id)) {
        throw conflict('That annotation is already in the notebook.');
      }
      const [position, quote] = annotation.selectors;
      // Only an annotation that still matches its article comes back; the UI only restores what
      // it just deleted, so anything else is a forged or stale payload.
      if (
        annotation.anchor !== 'orphaned' &&
        article.text.slice(position.start, position.end) !== quote.exact
      ) {
        throw conflict('That annotation no longer matches its article.');
      }
      const knownTags = new Set(store.data.tags.map((t) => t.id));
      const restored: Annotation = {
        ...annotation,
        tagIds: annotation.tagIds.filter((t) => knownTags.has(t)),
      };
      await store.update((data) => void data.annotations.push(restored));
      return restored;
    },
  };
}
