// Export: gathers the chosen articles and annotations, and a core worker renders them (in reading
// order); the host decides where the file goes (native save dialog in Electron, a browser
// download in the browser host).
import type { Handlers } from '../../shared/contract';
import { DEFAULT_REVIEW_EXPORT, ORIGINALS_KEPT } from '../../shared/interchange';
import {
  CODEBOOK_FORMATS,
  REFERENCE_FORMATS,
  type Annotation,
  type ArticleRecord,
} from '../../shared/model';
import { UnreadableTextError } from '../errors';
import type { ExportedArticle } from '../export';
import { packAnnotations, type PackedAnnotations } from '../export/packed-annotations';
import type { ExportOriginal } from '../export/types';
import { placement } from '../interchange/sources';
import { currentRevision, findArticle, latestOriginal, loadArticle } from './articles';
import { workersOf, type ServiceContext } from './context';
import { timeSlicer } from '../turns';
import { findTag, tagHandlers } from './tags';
import { TagTree } from '../../shared/tag-tree';

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'exportNotes'> {
  const { state } = ctx.store;
  const tags = tagHandlers(ctx);
  return {
    async exportNotes({ articleId, format, tagIds, awaitingReview }) {
      if (CODEBOOK_FORMATS.includes(format)) {
        const file = await workersOf(ctx).run('renderExport', {
          format,
          scope: 'notebook',
          articles: [],
          tags: [...state.tags.values()],
          exportedAt: ctx.now(),
          codebook: {
            tags: await tags.listTags({}),
            log: [...state.codebookLog.values()],
            analysts: [...state.analysts.values()],
          },
        });
        return { kind: 'download', file };
      }
      const records = articleId ? [findArticle(state, articleId)] : [...state.articles.values()];
      // A REFI-QDA project is the coding as it stands: every passage, whatever tags were ticked.
      const project = format === 'refi-qdpx';
      const tagFilter =
        tagIds?.length && !project ? tagIds.map((id) => findTag(state, id)) : undefined;
      // A parent stands for its subtree: passages coded with a tag below it are passages about it.
      const tree = new TagTree(state.tags.values());
      const wanted = tagFilter
        ? new Set(tagFilter.flatMap((t) => [t.id, ...tree.descendants(t.id).map((d) => d.id)]))
        : undefined;
      const byArticle = new Map(records.map((r) => [r.id, [] as Annotation[]]));
      for (const a of state.annotations.values()) {
        if (wanted && !a.tagIds.some((t) => wanted.has(t))) continue;
        byArticle.get(a.articleId)?.push(a);
      }
      const selected: Array<{ article: ExportedArticle; annotations: PackedAnnotations }> = [];
      const leftOut: string[] = [];
      const originals: Record<string, ExportOriginal> = {};
      let waiting = 0;
      const slicer = timeSlicer();
      for (const record of records) {
        const annotations = byArticle.get(record.id)!;
        // Filtered by tag, a notebook export is about matching passages only: an article without
        // one is left out (and its body never read).
        if (wanted && !articleId && annotations.length === 0) continue;
        // References are the details alone: no text to read (or fail to read).
        if (REFERENCE_FORMATS.includes(format)) {
          const annotations = await packAnnotations([], slicer);
          const revision = currentRevision(record).number;
          selected.push({ article: { ...record, text: '', revision }, annotations });
          continue;
        }
        // The exporters read the text and the details, never blocks or marks: those stay here.
        let loaded;
        try {
          loaded = await loadArticle(ctx, record);
        } catch (error) {
          // One article whose text can't be read doesn't sink a whole-notebook export: it is left
          // out and named. Asked for by itself, it fails with the reason (and how to repair it).
          if (articleId || !(error instanceof UnreadableTextError)) throw error;
          leftOut.push(record.title);
          continue;
        }
        const { blocks: _blocks, marks: _marks, ...article } = loaded;
        selected.push({ article, annotations: await packAnnotations(annotations, slicer) });
        if (project) {
          const original = await originalOf(ctx, record);
          if (original) originals[record.id] = original;
          waiting += annotations.filter((a) => !placement(a, article.text.length)).length;
        }
      }
      const review = awaitingReview ?? DEFAULT_REVIEW_EXPORT;
      const file = await workersOf(ctx).run('renderExport', {
        format,
        scope: articleId ? 'article' : 'notebook',
        articles: selected,
        tags: [...state.tags.values()],
        ...(tagFilter && { tagFilter }),
        exportedAt: ctx.now(),
        ...(leftOut.length > 0 && { leftOut }),
        ...(project && {
          codebook: {
            tags: await tags.listTags({}),
            log: [],
            analysts: [...state.analysts.values()],
          },
          originals,
          awaitingReview: review,
        }),
      });
      const leftOutForReview = project && review === 'leave-out' ? waiting : 0;
      return {
        kind: 'download',
        file,
        ...(leftOut.length > 0 && { leftOut }),
        ...(leftOutForReview > 0 && { leftOutForReview }),
      };
    },
  };
}

/**
 * The original file a REFI-QDA source can carry (Word as its rich text, a PDF as the source
 * itself). The record's format is the format of its latest file. An original gone from the
 * folder leaves the source as text: the project still holds every passage.
 */
async function originalOf(
  ctx: ServiceContext,
  record: ArticleRecord,
): Promise<ExportOriginal | undefined> {
  const original = latestOriginal(record);
  if (!original || !ORIGINALS_KEPT.includes(record.format)) return undefined;
  try {
    return {
      format: record.format,
      name: original.name,
      bytes: await ctx.store.getOriginal(original.hash),
    };
  } catch {
    return undefined;
  }
}
