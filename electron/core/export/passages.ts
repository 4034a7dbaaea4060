// What every format needs to know about one annotation: its passage, whether its position can be
// trusted, and its tags resolved against the codebook.
import { currentSpan, type Annotation, type Tag } from '../../shared/model';
import { pagesOf, placesOfKind, type Pages } from '../../shared/places';
import type { ExportArticle } from './types';

/** What a notebook-wide export calls itself, in its title and in place of a source. */
export const NOTEBOOK_TITLE = 'Research notebook';
export const NOTEBOOK_SOURCE = 'Research Notebook export';

export interface ExportPassage {
  annotation: Annotation;
  /** The annotated text; for an orphan, the quote as it was when the annotation was made. */
  passage: string;
  /** Orphans have no trustworthy position, so formats must not claim one. */
  orphaned: boolean;
  /** UTF-16 offsets into the article text; meaningless when orphaned. */
  start: number;
  end: number;
  /** In the annotation's own order; ids missing from the codebook (deleted tags) are skipped. */
  tags: Tag[];
  /** The pages it lies on, when the article has pages (a PDF) and the position is trusted. */
  pages?: Pages;
  /** Zero-based position of its first page in the article's page sequence (W3C's PageSelector). */
  pageIndex?: number;
}

export function tagIndex(tags: Tag[]): Map<string, Tag> {
  return new Map(tags.map((tag) => [tag.id, tag]));
}

export function passagesOf(item: ExportArticle, tags: Map<string, Tag>): ExportPassage[] {
  const { text, places } = item.article;
  // A page's position in the file's page sequence: the first place with its label (a PDF's
  // notes, gathered at the end, begin with their page's place again).
  const pageIndex = new Map<string, number>();
  placesOfKind(places, 'page').forEach((p, i) => {
    if (!pageIndex.has(p.label)) pageIndex.set(p.label, i);
  });
  return item.annotations.map((annotation) => {
    // Moved and fuzzy annotations sit at their candidate in the current revision; their
    // selectors still describe the revision they were made on.
    const span = currentSpan(annotation);
    const orphaned = span === null;
    const pages = span ? pagesOf(places, span) : undefined;
    return {
      annotation,
      passage: span ? text.slice(span.start, span.end) : annotation.selectors[1].exact,
      orphaned,
      start: span?.start ?? annotation.selectors[0].start,
      end: span?.end ?? annotation.selectors[0].end,
      tags: annotation.tagIds.flatMap((id) => tags.get(id) ?? []),
      ...(pages && { pages, pageIndex: pageIndex.get(pages.first)! }),
    };
  });
}

/** The article's web address: the one in its details, else its source when that is one. */
export function articleUrl(article: { url: string; source: string }): string | undefined {
  return article.url || webUrl(article.source);
}

/** The source as a normalised URL if it is absolute http(s), the only kind worth linking to. */
export function webUrl(source: string): string | undefined {
  try {
    const url = new URL(source.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
