// What the analysis views are drawn from: one answer per question the analyst asks of the coding
// (how often each tag is used, which tags go together, where a tag falls in an article, how tags
// spread over articles and over their attributes). Shapes only; the core computes them
// (electron/core/analysis), the renderer draws them (renderer/src/components/analysis).
//
// Counts are of passages (annotations) and of characters coded (UTF-16 code units, the store's
// offsets), with overlapping passages of one tag counted once. A passage that lost its place
// (orphaned) carries its tags but covers no text: it is counted as `unplaced`, never dropped.

/** Which annotations a view or a search looks at. Every field narrows; absent: no narrowing. */
export interface NotebookFilter {
  /** Only these articles. */
  articleIds?: string[];
  /** Only passages with this tag or one below it in the tree. */
  tagId?: string;
  /** Only passages this analyst made (an Analyst id). */
  analystId?: string;
  /** Only passages made on or after this day (`YYYY-MM-DD`, local to the analyst). */
  from?: string;
  /** Only passages made on or before this day (`YYYY-MM-DD`). */
  to?: string;
  /** placed: anchored where they were made; waiting: moved, fuzzy or orphaned (the review list). */
  review?: 'placed' | 'waiting';
}

export type CooccurrenceUnit = 'overlap' | 'paragraph';

export interface AnalysisQuery extends NotebookFilter {
  /** What makes two tags co-occur: overlapping passages (default) or a shared paragraph. */
  unit?: CooccurrenceUnit;
  /** An attribute key: adds the tag-by-attribute matrix over that key's values. */
  attribute?: string;
}

export interface PassageCounts {
  /** Passages with the tag that have a place in the text. */
  passages: number;
  /** Characters those passages cover, overlaps counted once. */
  codedChars: number;
  /** Passages with the tag that have no place now (orphaned). */
  unplaced: number;
}

/** One tag of the codebook as the charts name and order it. */
export interface AnalysisTag {
  id: string;
  /** `Economy/Energy`. */
  path: string;
  name: string;
  color: string;
  parentId?: string;
  /** 0 at the top of the tree. */
  depth: number;
  /** Its own passages (the tag itself). */
  own: PassageCounts;
  /** Its subtree's passages, each passage once (a passage with a tag and its child counts once). */
  total: PassageCounts;
}

export interface AnalysisArticle {
  id: string;
  title: string;
  attributes: Record<string, string>;
  /** The current text's length, for coverage as a share of the article. */
  length: number;
}

/** One cell of a tag-by-column matrix (column: an article, or an attribute's value). */
export interface MatrixCell extends PassageCounts {
  tagId: string;
  column: string;
}

export interface CooccurrencePair {
  /** The two tags, the smaller id first. */
  tags: [string, string];
  /** Overlapping pairs of passages, or paragraphs that hold both tags. */
  count: number;
  /** The passages behind the count, each once, for "list those passages". */
  annotationIds: string[];
}

export interface Analysis {
  /** Every tag, in the tree's order (parents first, siblings by name), used or not. */
  tags: AnalysisTag[];
  /** The articles the filter keeps, by title. */
  articles: AnalysisArticle[];
  /** Passages the filter keeps, each once. */
  passages: number;
  /** Tag by article, own counts; only cells with at least one passage. */
  byArticle: MatrixCell[];
  cooccurrence: {
    unit: CooccurrenceUnit;
    /** Per tag: its passages (overlap) or the paragraphs it is used in (paragraph). */
    diagonal: Array<{ tagId: string; count: number }>;
    /** Pairs that co-occur at least once, most first. */
    pairs: CooccurrencePair[];
  };
  /** Every attribute key the notebook's articles carry, with the values each takes, sorted. */
  attributes: Array<{ key: string; values: string[] }>;
  /**
   * With `attribute` asked: tag by that key's values, own counts (articles without the key are
   * the column "" ). Absent otherwise.
   */
  byAttribute?: { key: string; values: string[]; cells: MatrixCell[] };
}

/** Where each tag falls along one article: what the coverage strip draws. */
export interface Coverage {
  articleId: string;
  /** The current text's length. */
  length: number;
  /** Per tag used in the article (filter applied), its disjoint runs in text order. */
  tags: Array<{ tagId: string; runs: Array<{ start: number; end: number }>; codedChars: number }>;
}

/** What the window may save of a figure or a table (saveFigure). */
export const FIGURE_TYPES = ['image/svg+xml', 'image/png', 'text/csv'] as const;
export type FigureType = (typeof FIGURE_TYPES)[number];

export interface FigureFile {
  fileName: string;
  mimeType: FigureType;
  bytes: Uint8Array;
}
