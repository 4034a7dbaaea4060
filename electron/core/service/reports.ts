// Reports of the coded material as HTML, PDF or Word (see the contract's exportReport): the
// chosen articles and their passages are gathered here, a core worker builds and draws the
// report, and a PDF is that HTML printed by the host's browser engine (ctx.printToPdf).
import type { Handlers } from '../../shared/contract';
import type { Annotation, ArticleRecord } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import { conflict, UnreadableTextError } from '../errors';
import { packAnnotations } from '../export/packed-annotations';
import type { ReportInput } from '../report/types';
import { findArticle, loadArticle } from './articles';
import { workersOf, type ServiceContext } from './context';
import { timeSlicer } from '../turns';
import { findTag } from './tags';

/** Said when a host without a browser engine is asked for a PDF. */
export const NO_PDF_PRINTER =
  'PDF needs the desktop app: this window has no way to print one. Choose HTML (and print it from your browser) or Word.';

const DEFAULT_TITLE = 'Coded passages';

const unique = <T>(items: readonly T[]) => [...new Set(items)];

export function reportHandlers(ctx: ServiceContext): Pick<Handlers, 'exportReport'> {
  const { state } = ctx.store;
  return {
    async exportReport(request) {
      // Refused before any work, and nothing is changed by a report anyway.
      const print = ctx.printToPdf;
      if (request.format === 'pdf' && !print) throw conflict(NO_PDF_PRINTER);
      const chosenTagIds = request.tagIds?.length ? unique(request.tagIds) : undefined;
      for (const id of chosenTagIds ?? []) findTag(state, id);
      const chosen = request.articleIds?.length
        ? unique(request.articleIds).map((id) => findArticle(state, id))
        : undefined;
      const records = chosen ?? [...state.articles.values()];

      const tree = new TagTree(state.tags.values());
      const wanted = chosenTagIds
        ? new Set(chosenTagIds.flatMap((id) => [id, ...tree.descendants(id).map((t) => t.id)]))
        : undefined;
      const byArticle = new Map(records.map((r) => [r.id, [] as Annotation[]]));
      for (const a of state.annotations.values()) {
        if (a.tagIds.length === 0 || (wanted && !a.tagIds.some((t) => wanted.has(t)))) continue;
        byArticle.get(a.articleId)?.push(a);
      }

      const slicer = timeSlicer();
      const articles: ReportInput['articles'] = [];
      const leftOut: string[] = [];
      for (const record of records) {
        const annotations = byArticle.get(record.id)!;
        // An article without a passage in the report adds nothing to it: its text stays unread.
        if (annotations.length === 0) continue;
        const article = await readable(ctx, record);
        if (!article) {
          leftOut.push(record.title);
          continue;
        }
        articles.push({ article, annotations: await packAnnotations(annotations, slicer) });
      }

      const generatedAt = ctx.now();
      // The file's name carries the date already: "coded-passages-2026-12-02.html".
      const fileTitle = request.title?.trim() || DEFAULT_TITLE;
      const title =
        request.title?.trim() || `${DEFAULT_TITLE}, ${generatedAt.toISOString().slice(0, 10)}`;
      const input: ReportInput = {
        render: request.format === 'docx' ? 'docx' : 'html',
        title,
        fileTitle,
        generatedAt,
        tags: [...state.tags.values()],
        ...(chosenTagIds && { chosenTagIds }),
        ...(chosen && { chosenArticles: chosen.map((r) => r.title) }),
        codebook: request.codebook ?? true,
        figures: request.figures ?? true,
        ...(leftOut.length > 0 && { leftOut }),
        articles,
      };
      const rendered = await workersOf(ctx).run('renderReport', input);
      const file =
        request.format === 'pdf'
          ? {
              fileName: rendered.fileName.replace(/\.html$/, '.pdf'),
              mimeType: 'application/pdf',
              bytes: await print!(new TextDecoder().decode(rendered.bytes)),
            }
          : rendered;
      return { kind: 'download', file, ...(leftOut.length > 0 && { leftOut }) };
    },
  };
}

/** The article as a report reads it, or undefined when its text can't be read (named instead). */
async function readable(ctx: ServiceContext, record: ArticleRecord) {
  try {
    const { id, title, text, places, attributes } = await loadArticle(ctx, record);
    return { id, title, text, attributes: { ...attributes }, ...(places && { places }) };
  } catch (error) {
    if (error instanceof UnreadableTextError) return undefined;
    throw error;
  }
}
