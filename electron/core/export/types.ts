// The input every exporter reads: the articles, their chosen annotations, and the codebook.
import type { ReviewExportChoice } from '../../shared/interchange';
import type {
  Analyst,
  ArticleFormat,
  Annotation,
  Article,
  CodebookEvent,
  ExportFormat,
  Tag,
  TagWithCount,
} from '../../shared/model';

/**
 * An article as the exporters read it: its details and text. Never its blocks or marks, so an
 * export's input (sent to a worker) leaves those behind.
 */
export type ExportedArticle = Omit<Article, 'blocks' | 'marks'>;

export interface ExportArticle {
  article: ExportedArticle;
  /** Already filtered (by tag, if asked) and in reading order. */
  annotations: Annotation[];
}

export interface ExportRequest {
  format: ExportFormat;
  scope: 'article' | 'notebook';
  articles: ExportArticle[];
  /** The whole codebook, to resolve tagIds to names. */
  tags: Tag[];
  /** The tags the export was filtered by, if any, so the file can say so. */
  tagFilter?: Tag[];
  /** Passed in, never read from the clock, so output is reproducible. */
  exportedAt: Date;
  /**
   * Titles of articles a notebook export had to leave out (their text could not be read).
   * Markdown says so in a closing line; CSV and JSON-LD have no room for it (the outcome says it).
   */
  leftOut?: string[];
  /**
   * For the codebook formats: the tree with counts, its change log, and who is who. A REFI-QDA
   * project reads its tree and analysts from here too.
   */
  codebook?: CodebookExport;
  /** For a REFI-QDA project: the original files it carries (Word, PDF), by article id. */
  originals?: Record<string, ExportOriginal>;
  /** For a REFI-QDA project: what it does with annotations awaiting review (default: leave out). */
  awaitingReview?: ReviewExportChoice;
}

/** An article's original file, byte for byte, as the notebook kept it. */
export interface ExportOriginal {
  format: ArticleFormat;
  name: string;
  bytes: Uint8Array;
}

export interface CodebookExport {
  /** Parents before children, siblings by name, as listTags gives them. */
  tags: TagWithCount[];
  log: CodebookEvent[];
  analysts: Analyst[];
}
