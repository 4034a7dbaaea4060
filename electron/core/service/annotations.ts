// Annotations: a passage of one article with tags and a comment, plus the review of annotations a
// revision displaced. Validation happens before anything is committed, so a refused call changes
// nothing.
import { compareReadingOrder, type Annotation } from '../../shared/model';
import type { Handlers } from '../../shared/contract';
import { describePassage } from '../anchoring/selectors';
import { conflict, NotebookError, notFound } from '../errors';
import type { Change, NotebookState } from '../store';
import { currentRevision, findArticle, loadArticleById } from './articles';
import { isoNow, type ServiceContext } from './context';
import { resolveTagNames } from './tags';
import { createdByNow, currentAnalystId } from './analysts';
import { blindFilter } from './visibility';

function findAnnotation(state: NotebookState, id: string): Annotation {
  const annotation = state.annotations.get(id);
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

const put = (record: Annotation): Change => ({ kind: 'put', collection: 'annotations', record });

export function annotationHandlers(
  ctx: ServiceContext,
): Pick<
  Handlers,
  | 'listAnnotations'
  | 'getAnnotations'
  | 'createAnnotation'
  | 'updateAnnotation'
  | 'deleteAnnotation'
  | 'tagAnnotations'
  | 'deleteAnnotations'
  | 'restoreAnnotation'
  | 'acceptPlacement'
  | 'reattachAnnotation'
> {
  const { store } = ctx;
  const { state } = store;

  /** Pins an annotation to [start, end) of its article's current revision: anchored, no review. */
  async function pin(annotation: Annotation, start: number, end: number): Promise<Annotation> {
    const article = await loadArticleById(ctx, annotation.articleId);
    assertPassage(article.text, start, end);
    const { candidate: _dropped, ...rest } = annotation;
    const pinned: Annotation = {
      ...rest,
      selectors: describePassage(article.text, start, end),
      revision: article.revision,
      anchor: 'anchored',
      updatedAt: isoNow(ctx),
    };
    await store.commit([put(pinned)]);
    return pinned;
  }

  return {
    async listAnnotations({ articleId }) {
      findArticle(state, articleId);
      const visible = await blindFilter(ctx);
      return [...state.annotations.values()]
        .filter((a) => a.articleId === articleId && (!visible || visible(a)))
        .sort(compareReadingOrder);
    },

    // Blind coding: another coder's annotation is as good as absent (a view patching itself by
    // these ids drops it), which is how turning blind coding on reaches the views.
    async getAnnotations({ ids }) {
      const visible = await blindFilter(ctx);
      return ids.flatMap((id) => {
        const annotation = state.annotations.get(id);
        return annotation && (!visible || visible(annotation)) ? annotation : [];
      });
    },

    async createAnnotation({ articleId, start, end, tagNames, comment }) {
      const article = await loadArticleById(ctx, articleId);
      assertPassage(article.text, start, end);
      const { tagIds, changes } = resolveTagNames(ctx, tagNames);
      const stamp = isoNow(ctx);
      const annotation: Annotation = {
        id: ctx.newId(),
        articleId,
        selectors: describePassage(article.text, start, end),
        revision: article.revision,
        tagIds,
        comment,
        createdAt: stamp,
        updatedAt: stamp,
        anchor: 'anchored',
        ...createdByNow(ctx),
      };
      await store.commit([...changes, put(annotation)]);
      return annotation;
    },

    async updateAnnotation({ id, tagNames, comment }) {
      const annotation = findAnnotation(state, id);
      const { tagIds, changes } = resolveTagNames(ctx, tagNames);
      const by = currentAnalystId(ctx);
      const updated: Annotation = {
        ...annotation,
        tagIds,
        comment,
        updatedAt: isoNow(ctx),
        ...(by !== undefined && { updatedBy: by }),
      };
      await store.commit([...changes, put(updated)]);
      return updated;
    },

    async deleteAnnotation({ id }) {
      const annotation = findAnnotation(state, id);
      await store.commit([{ kind: 'delete', collection: 'annotations', id }]);
      return annotation;
    },

    async tagAnnotations({ ids, addTagNames, removeTagIds }) {
      const chosen = [...new Set(ids)].map((id) => findAnnotation(state, id));
      const { tagIds: added, changes } = resolveTagNames(ctx, addTagNames);
      const removed = new Set(removeTagIds);
      const by = currentAnalystId(ctx);
      const stamp = isoNow(ctx);
      const updated: Annotation[] = [];
      for (const a of chosen) {
        const tagIds = [
          ...a.tagIds.filter((t) => !removed.has(t)),
          ...added.filter((t) => !a.tagIds.includes(t) && !removed.has(t)),
        ];
        const same = tagIds.length === a.tagIds.length && tagIds.every((t, i) => t === a.tagIds[i]);
        if (same) {
          updated.push(a);
          continue;
        }
        const next: Annotation = {
          ...a,
          tagIds,
          updatedAt: stamp,
          ...(by !== undefined && { updatedBy: by }),
        };
        updated.push(next);
        changes.push(put(next));
      }
      if (changes.length > 0) await store.commit(changes);
      return updated;
    },

    async deleteAnnotations({ ids }) {
      const chosen = [...new Set(ids)].map((id) => findAnnotation(state, id));
      await store.commit(
        chosen.map((a): Change => ({ kind: 'delete', collection: 'annotations', id: a.id })),
      );
      return { deleted: chosen.length };
    },

    async restoreAnnotation({ annotation }) {
      const record = findArticle(state, annotation.articleId);
      if (state.annotations.has(annotation.id)) {
        throw conflict('That annotation is already in the notebook.');
      }
      // The UI only restores what it just deleted; an anchored annotation must still match the
      // current revision, so a forged or stale payload can't point at the wrong text.
      if (annotation.anchor === 'anchored') {
        const article = await loadArticleById(ctx, record.id);
        const [position, quote] = annotation.selectors;
        const matches = article.text.slice(position.start, position.end) === quote.exact;
        if (annotation.revision !== currentRevision(record).number || !matches) {
          throw conflict('That annotation no longer matches its article.');
        }
      }
      if (!record.revisions.some((r) => r.number === annotation.revision)) {
        throw conflict('That annotation refers to a revision the article does not have.');
      }
      const restored: Annotation = {
        ...annotation,
        tagIds: annotation.tagIds.filter((t) => state.tags.has(t)),
      };
      await store.commit([put(restored)]);
      return restored;
    },

    async acceptPlacement({ id }) {
      const annotation = findAnnotation(state, id);
      if (!annotation.candidate) {
        throw conflict('That annotation has no proposed place to accept; re-attach it instead.');
      }
      return pin(annotation, annotation.candidate.start, annotation.candidate.end);
    },

    async reattachAnnotation({ id, start, end }) {
      return pin(findAnnotation(state, id), start, end);
    },
  };
}
