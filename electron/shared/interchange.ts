// What the REFI-QDA formats (QDA-XML 1.0) can't hold, in the words the export dialog shows before
// anything is written: the core puts in what the schema has room for; this says what it leaves.
import type { ArticleFormat, ArticleSummary, ExportFormat } from './model';

/**
 * What a project does with annotations awaiting review (moved, fuzzy or orphaned by a revision):
 * they have no confirmed place in the current text, so they are either left out (and counted)
 * or written as notes on their article, never placed where re-anchoring merely guessed.
 */
export const REVIEW_EXPORT_CHOICES = ['leave-out', 'notes'] as const;
export type ReviewExportChoice = (typeof REVIEW_EXPORT_CHOICES)[number];
export const DEFAULT_REVIEW_EXPORT: ReviewExportChoice = 'leave-out';

export const REVIEW_CHOICE_TEXT: Record<ReviewExportChoice, string> = {
  'leave-out': 'Leave them out (the export counts them)',
  notes: 'Export them as notes on their article: quote, tags and comment, not placed in the text',
};

/** The articles an export will carry, as the library lists them. */
export type InterchangeScope = ReadonlyArray<
  Pick<ArticleSummary, 'revision' | 'needsReview' | 'format'>
>;

export interface InterchangeLoss {
  /** What the line is about (stable: a key for the list, and for tests). */
  topic:
    | 'revisions'
    | 'review'
    | 'formatting'
    | 'places'
    | 'originals'
    | 'details'
    | 'guidance'
    | 'log'
    | 'tag-history'
    | 'analysts';
  text: string;
}

/** Formats whose original file a project carries beside the text (see electron/core/interchange). */
export const ORIGINALS_KEPT: readonly ArticleFormat[] = ['docx', 'pdf'];
const ORIGINALS_LEFT: readonly ArticleFormat[] = ['epub', 'odt', 'html', 'markdown', 'text'];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const LOG: InterchangeLoss = {
  topic: 'log',
  text: 'The codebook’s change log: who created, renamed, moved, merged, split or deleted which tag, and when.',
};
const GUIDANCE: InterchangeLoss = {
  topic: 'guidance',
  text: 'Tags’ “when to use”, “when not to use” and example: they go into each code’s description, as labelled paragraphs after the definition.',
};

/** The lines of the dialog's "what this format will not keep", for a REFI-QDA format. */
export function interchangeLosses(
  format: ExportFormat,
  articles: InterchangeScope,
): InterchangeLoss[] {
  if (format === 'refi-qdc') {
    return [
      GUIDANCE,
      LOG,
      {
        topic: 'tag-history',
        text: 'Who made each tag and when, and how many passages each has (a codebook holds no passages).',
      },
    ];
  }
  if (format !== 'refi-qdpx') return [];
  const revised = articles.filter((a) => a.revision > 1).length;
  const waiting = articles.reduce((sum, a) => sum + a.needsReview, 0);
  const leftOriginals = articles.filter((a) => ORIGINALS_LEFT.includes(a.format)).length;
  const losses: InterchangeLoss[] = [
    {
      topic: 'revisions',
      text: `Revisions other than the current one: each source is its article’s current text${
        revised ? ` (${plural(revised, 'article has', 'articles have')} earlier revisions)` : ''
      }.`,
    },
    {
      topic: 'review',
      text: waiting
        ? `${plural(waiting, 'annotation awaits', 'annotations await')} review (moved, fuzzy or orphaned by a revision) and so ${waiting === 1 ? 'has' : 'have'} no confirmed place in the text. Choose what happens to ${waiting === 1 ? 'it' : 'them'}:`
        : 'Annotations awaiting review would have no confirmed place in the text; none of these articles has one.',
    },
    {
      topic: 'formatting',
      text: 'The articles’ formatting (headings, lists, emphasis, links, tables): sources are plain text.',
    },
    {
      topic: 'places',
      text: 'Page and chapter marks (a PDF’s pages, an EPUB’s chapters): passages keep their positions, not their page numbers.',
    },
  ];
  if (leftOriginals) {
    losses.push({
      topic: 'originals',
      text: `The original files of ${plural(leftOriginals, 'article', 'articles')} not from Word or PDF (EPUB, OpenDocument, web page, Markdown, text): the project carries their text only.`,
    });
  }
  losses.push(
    {
      topic: 'details',
      text: 'Article details (authors, date, publication, web address, DOI) have no fields in REFI-QDA: they go into each source’s description as labelled lines.',
    },
    GUIDANCE,
    LOG,
    { topic: 'analysts', text: 'Analysts’ colours (their names and initials go in).' },
  );
  return losses;
}

/** What the export says afterwards about annotations it left out. */
export const leftOutForReviewText = (count: number) =>
  `${plural(count, 'annotation', 'annotations')} awaiting review ${count === 1 ? 'was' : 'were'} left out of the project.`;
