// The canonical data model shared by core, main, preload and renderer.
// Pure types and constants: no electron, no node:* (a lint rule keeps it that way).

/** Offsets everywhere are UTF-16 code units into `Article.text` (what the DOM counts). */
export type BlockType = 'heading' | 'paragraph' | 'quote' | 'list-item' | 'code';

export interface Block {
  type: BlockType;
  /** Heading level 1-6, or nesting depth (1-based) of a list item. */
  level?: number;
  start: number;
  end: number;
}

export type MarkType = 'em' | 'strong' | 'code' | 'link';

export interface Mark {
  type: MarkType;
  start: number;
  end: number;
  /** Only on links, and only http:, https: or mailto: targets survive import. */
  href?: string;
}

/** What an importer produces: the article's content in the one coordinate system. */
export interface CanonicalDocument {
  title: string;
  text: string;
  blocks: Block[];
  marks: Mark[];
}

export type ArticleFormat = 'text' | 'markdown' | 'html' | 'pasted';

export interface ArticleSummary {
  id: string;
  title: string;
  /** Where the article came from: a file name, a URL found in the page, or what the analyst typed. */
  source: string;
  format: ArticleFormat;
  importedAt: string;
  annotationCount: number;
}

export interface Article extends CanonicalDocument {
  id: string;
  source: string;
  format: ArticleFormat;
  importedAt: string;
  /** The analyst's own Markdown note about the article, exported with it. */
  memo: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export type AnnotationSelectors = [TextPositionSelector, TextQuoteSelector];

/** anchored: exactly where it was made; moved: found elsewhere; orphaned: not found, needs review. */
export type AnchorState = 'anchored' | 'moved' | 'orphaned';

export interface Annotation {
  id: string;
  articleId: string;
  selectors: AnnotationSelectors;
  tagIds: string[];
  /** Markdown. */
  comment: string;
  createdAt: string;
  updatedAt: string;
  anchor: AnchorState;
}

export interface Tag {
  id: string;
  name: string;
  /** #rrggbb */
  color: string;
  description: string;
  createdAt: string;
}

export interface TagWithCount extends Tag {
  count: number;
}

export type ExportFormat = 'markdown' | 'csv' | 'w3c';

/** A rendered export, before a host decides where it goes. */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/** Limits the UI, the importers and the IPC schemas agree on. */
export const LIMITS = {
  importBytes: 50 * 1024 * 1024,
  tagName: 80,
  tagDescription: 2000,
  comment: 100_000,
  memo: 1_000_000,
  title: 500,
  source: 2000,
} as const;

/** Palette offered for new tags; chosen in turn so neighbouring tags differ. */
export const TAG_PALETTE = [
  '#f6c343',
  '#6cc4a4',
  '#7aa7f0',
  '#f08a7a',
  '#b38ff0',
  '#f0a35c',
  '#5fc3e4',
  '#d97bc2',
] as const;
