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

// ---------------------------------------------------------------------------------------------
// REFI-QDA in: what a project or codebook would bring (previewProject), and what it brought
// (importProject). The core reads the file off the main loop; see electron/core/interchange.

/** How a source of the project can come in: as an article, or not at all (and why). */
export type ProjectSourceKind = 'text' | 'pdf' | 'docx' | 'picture' | 'audio' | 'video' | 'other';

export interface ProjectSourceLine {
  /** The source's name in the project. */
  name: string;
  kind: ProjectSourceKind;
  /** How many codings it has (selections times their codes). */
  codings: number;
  /**
   * Set when it comes in onto an article already in the notebook (the same current text): that
   * article's id and title; its codings are added there instead of a second copy of the text.
   */
  matches?: { id: string; title: string };
  /** Why it can't come in (a picture, a missing file); absent when it can. */
  problem?: string;
}

/**
 * A code of the file that meets a tag of the notebook and differs from it: the same GUID with
 * another name, place, colour or description; or the same path with another colour or
 * description. The analyst chooses for each (importProject's `conflicts`).
 */
export interface CodeConflict {
  /** The code's GUID in the file: the key of the analyst's choice. */
  guid: string;
  /** How they met. */
  matchedBy: 'guid' | 'path';
  ours: { tagId: string; path: string; color: string; description: string };
  theirs: { path: string; color: string; description: string };
}

export const CODE_CONFLICT_CHOICES = ['keep-ours', 'take-theirs', 'keep-both'] as const;
/**
 * keep-ours: the notebook's tag stays as it is and the file's codings go onto it; take-theirs:
 * the tag takes the file's name, colour and description (its place too, where matched by GUID);
 * keep-both: the file's code comes in as a tag of its own beside ours (named "<name> (imported)").
 */
export type CodeConflictChoice = (typeof CODE_CONFLICT_CHOICES)[number];
export const DEFAULT_CODE_CONFLICT_CHOICE: CodeConflictChoice = 'keep-ours';

/** Something of the file that does not come in, counted, with the reason in words. */
export interface NotImported {
  /** What (stable, for the list and tests): e.g. 'picture-selection', 'audio-source', 'pdf-region'. */
  topic: string;
  count: number;
  /** A sentence for the analyst, e.g. "3 selections in pictures: the notebook holds text only." */
  text: string;
}

export interface ProjectPreview {
  kind: 'project' | 'codebook';
  /** The project's name, and the software that wrote it (its `origin`), where it says. */
  name?: string;
  origin?: string;
  sources: ProjectSourceLine[];
  counts: {
    codes: number;
    codings: number;
    notes: number;
    users: number;
    cases: number;
    variables: number;
  };
  conflicts: CodeConflict[];
  notImported: NotImported[];
  /** Tolerated departures from the schema, said plainly (a BOM, `Sources/` for `sources/`...). */
  tolerated: string[];
}

export interface ProjectImportReport {
  articles: { created: number; matched: number };
  tags: { created: number; matched: number; updated: number };
  /** Annotations placed exactly, and those whose selection could not be mapped (in review). */
  annotations: { placed: number; toReview: number };
  comments: number;
  memos: number;
  analysts: { created: number; matched: number };
  notImported: NotImported[];
  tolerated: string[];
}
