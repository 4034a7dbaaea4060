// What a report is made from (gathered by the service, sent to a core worker) and what the
// renderers draw (the model, built in the worker): one shape each, shared by HTML and Word.
import type { Annotation, Place, Tag } from '../../shared/model';
import type { PackedAnnotations } from '../export/packed-annotations';

/** An article as a report reads it: what a citation line needs, and the text passages lie in. */
export interface ReportArticle {
  id: string;
  title: string;
  text: string;
  places?: Place[];
  attributes: Record<string, string>;
}

/** The renderers the worker runs; a PDF is the HTML printed by the host. */
export type ReportRender = 'html' | 'docx';

interface ReportOptions {
  render: ReportRender;
  title: string;
  /** What the file is named after (with the date): the analyst's title, or "Coded passages". */
  fileTitle: string;
  /** Passed in, never read from the clock, so output is reproducible. */
  generatedAt: Date;
  /** The whole codebook, to build the tree and resolve tag ids. */
  tags: Tag[];
  /** The tags asked for, each standing for its subtree; absent: every tag. */
  chosenTagIds?: string[];
  /** The titles of the articles asked for; absent: every article. */
  chosenArticles?: string[];
  codebook: boolean;
  figures: boolean;
  /** Titles of articles left out because their text could not be read. */
  leftOut?: string[];
}

/** What crosses to the worker: annotations packed (a cheap clone), in any order. */
export interface ReportInput extends ReportOptions {
  articles: Array<{ article: ReportArticle; annotations: PackedAnnotations }>;
}

/** The same with annotations unpacked: what buildReport reads. */
export interface ReportSource extends ReportOptions {
  articles: Array<{ article: ReportArticle; annotations: Annotation[] }>;
}

export interface ReportPassage {
  annotationId: string;
  /** The annotated text; for an orphan, its quote as it was when it was made. */
  text: string;
  articleTitle: string;
  /** "p. 4" or "pp. 4–5", where the article has pages and the position is trusted. */
  pages?: string;
  /** Markdown as the analyst wrote it; shown as text, never rendered as HTML. */
  comment: string;
  /** moved, fuzzy or orphaned: the review list holds it. */
  awaitingReview: boolean;
  /** Orphaned: no place in the current text, so no page either. */
  orphaned: boolean;
}

/** A tag of the report's tree with the passages coded with it (the tag itself, not below it). */
export interface ReportSection {
  tagId: string;
  path: string;
  name: string;
  color: string;
  /** Levels below the report's own top tags (0 for a tag chosen at the top of the report). */
  depth: number;
  /** By article title, then in reading order. */
  passages: ReportPassage[];
}

export interface CodebookEntry {
  path: string;
  color: string;
  depth: number;
  description: string;
  whenToUse: string;
  whenNotToUse: string;
  example: string;
}

export interface FrequencyBar {
  tagId: string;
  path: string;
  color: string;
  /** Passages coded with the tag itself. */
  own: number;
  /** With the tags below it, each passage once. */
  total: number;
  codedChars: number;
}

export interface CooccurrenceMatrix {
  tags: Array<{ tagId: string; path: string }>;
  /** counts[i][j]: overlaps of tags i and j; the diagonal, tag i's passages. */
  counts: number[][];
  /** Tags with passages beyond the ones drawn (the heat map keeps the most used). */
  omitted: number;
}

export interface ReportModel {
  title: string;
  /** yyyy-mm-dd, UTC: the day in the file name too. */
  date: string;
  generatedAt: string;
  /** Tag paths chosen, or undefined for every tag. */
  chosenTags?: string[];
  chosenArticles?: string[];
  passages: number;
  articles: number;
  sections: ReportSection[];
  codebook?: CodebookEntry[];
  figures?: { frequencies: FrequencyBar[]; cooccurrence: CooccurrenceMatrix };
  leftOut: string[];
}
