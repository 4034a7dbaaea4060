// Search across the whole notebook, and "code all hits": the shapes of the questions and the
// answers. Types and one pure helper only; the core keeps the index (electron/core/search), the
// renderer draws the results (renderer/src/components/SearchPanel.svelte).
import type { NotebookFilter } from './analysis';
import type { Span } from './model';

/**
 * Where a hit was found. text: an article's current text (one paragraph); passage: an annotated
 * passage's words; comment: an annotation's comment; memo: an article's memo; tag: a tag's name,
 * path or guidance; article: an article's title, authors, publication or attributes.
 */
export const SEARCH_KINDS = ['text', 'passage', 'comment', 'memo', 'tag', 'article'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchQuery extends NotebookFilter {
  /**
   * Words to find, each by its beginning ("pipe" finds "pipeline"), all of them in one place;
   * a part in double quotes is a phrase, found as written (case and accents aside).
   */
  query: string;
  /** Only these kinds; absent: every kind. */
  kinds?: SearchKind[];
}

/** A line of text around a hit, with where the matched words are in it. */
export interface SearchContext {
  text: string;
  /** Offsets into `text` of each matched word or phrase. */
  matches: Span[];
  /** Text was left out before and after the line. */
  clippedStart: boolean;
  clippedEnd: boolean;
}

export interface SearchHit {
  kind: SearchKind;
  /** The article the hit is in, or describes (absent for a tag). */
  articleId?: string;
  annotationId?: string;
  tagId?: string;
  /** text and passage hits: where in the article's current text (a paragraph, or the passage). */
  span?: Span;
  context: SearchContext;
}

export interface SearchResults {
  query: string;
  /** Best first within each kind, kinds in SEARCH_KINDS order. At most SEARCH_LIMIT per kind. */
  hits: SearchHit[];
  /** How many were found per kind, before the limit. */
  counts: Record<SearchKind, number>;
}

export const SEARCH_LIMIT = 200;

/** How much of the text around an occurrence "code all hits" codes. */
export const HIT_SCOPES = ['hit', 'sentence', 'paragraph'] as const;
export type HitScope = (typeof HIT_SCOPES)[number];

/** One place in an article's text where the words occur, for "code all hits". */
export interface TextOccurrence {
  articleId: string;
  /** The revision the offsets count in; coding refuses a hit whose article changed since. */
  revision: number;
  /** The words themselves. */
  span: Span;
  /** The span the chosen scope codes (the hit, its sentence or its paragraph). */
  coded: Span;
  context: SearchContext;
  /** Tag ids the coded span already has as one annotation exactly there, if any. */
  alreadyTagged: string[];
}

export interface OccurrenceQuery extends NotebookFilter {
  query: string;
  scope: HitScope;
}

export interface Occurrences {
  query: string;
  scope: HitScope;
  occurrences: TextOccurrence[];
  /** More were found than CODE_HITS_LIMIT; the first ones are listed. */
  truncated: boolean;
}

/** At most this many occurrences are listed and coded in one step. */
export const CODE_HITS_LIMIT = 5000;

export interface CodeHitsRequest {
  hits: Array<{ articleId: string; revision: number; start: number; end: number }>;
  tagNames: string[];
}

export interface CodeHitsOutcome {
  /** New annotations made. */
  created: number;
  /** Existing annotations exactly on a hit that gained the tags. */
  tagged: number;
  /** Hits that already had every tag. */
  unchanged: number;
}
