// The canonical data model shared by core, main, preload and renderer.
// Pure types and constants: no electron, no node:* (a lint rule keeps it that way).
import type { ArticleFormat, TextEncodingName } from './import-formats';

export type { ArticleFormat } from './import-formats';

/** A stretch of an article's text: [start, end) in UTF-16 code units. */
export interface Span {
  start: number;
  end: number;
}

/**
 * What a block is. A table-row's text is its cells' texts joined by tabs (an empty first or last
 * cell leaves its tab at the edge, so columns stay in place); a caption is a table's or a
 * figure's.
 */
export const BLOCK_TYPES = [
  'heading',
  'paragraph',
  'quote',
  'list-item',
  'code',
  'table-row',
  'caption',
] as const;
export type BlockType = (typeof BLOCK_TYPES)[number];

/** Offsets everywhere are UTF-16 code units into `Article.text` (what the DOM counts). */
export interface Block {
  type: BlockType;
  /** Heading level 1-6, or nesting depth (1-based) of a list item. */
  level?: number;
  /**
   * A list item's number in an ordered list, as the source numbers it (start, value). Drawn as
   * a marker, never part of the text. Only on the first block of an item.
   */
  number?: number;
  /** On a table-row of header cells (th, thead, a Markdown table's first row). */
  header?: true;
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

/** What kind of place a file divides itself into: a PDF's pages, an EPUB's chapters. */
export const PLACE_KINDS = ['page', 'chapter', 'section'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * Where a page, chapter or section begins in the text, with the label the file gives it ("iv",
 * "12", a chapter's title). A place runs to the next place of its kind (the last to the end).
 */
export interface Place {
  kind: PlaceKind;
  label: string;
  start: number;
}

/** What an importer produces: the article's content in the one coordinate system. */
export interface CanonicalDocument {
  title: string;
  text: string;
  blocks: Block[];
  marks: Mark[];
  /** Ordered by start; absent when the file has none (plain text, a web page). */
  places?: Place[];
  /** What the file says about itself beyond its title (front matter, a page's byline). */
  details?: Partial<Omit<ArticleDetails, 'title'>>;
}

/** What describes an article for a citation: taken from the file where it says, editable. */
export interface ArticleDetails {
  title: string;
  /** In the order given, each as written ("Leyla Aliyeva", "Smith, J."). */
  authors: string[];
  /** When it was published, as given: "2019-05-04", "May 2019", or "" when unknown. */
  published: string;
  /** Where the article came from: a URL, a file name, or what the analyst typed. */
  source: string;
  /** The journal, newspaper, site or publisher it appeared in; "" when unknown. */
  publication: string;
  /** Its web address (http or https only); "" when it has none. */
  url: string;
  /** Its DOI, bare and lower-case ("10.1000/xyz123"); "" when it has none. */
  doi: string;
}

/**
 * The details added with the formats issue: a caller that does not send them (an older window, a
 * script) leaves them as they are.
 */
export const CITATION_FIELDS = ['publication', 'url', 'doi'] as const;
export type CitationField = (typeof CITATION_FIELDS)[number];

export interface ArticleSummary extends ArticleDetails {
  id: string;
  format: ArticleFormat;
  importedAt: string;
  annotationCount: number;
  /** Annotations that are moved, fuzzy or orphaned after a revision and wait for the analyst. */
  needsReview: number;
  /** The current revision's number (1 = as first imported). */
  revision: number;
  /** See ArticleRecord. */
  attributes: ArticleAttributes;
}

/** Why a revision exists: the first import, an edit in the app, or a newer version imported over it. */
export type RevisionReason = 'import' | 'edit' | 'reimport';

export interface Revision {
  number: number;
  createdAt: string;
  reason: RevisionReason;
  /** Content address (sha-256 of the body) of this revision's text, blocks and marks. */
  bodyHash: string;
  /** The file this revision was imported from, kept as it was (absent for edits and pastes). */
  original?: OriginalFile;
}

/** A kept original: its bytes' sha-256 (its name in originals/) and the file's own name. */
export interface OriginalFile {
  hash: string;
  name: string;
}

/** The article as stored: metadata and revisions; bodies live beside the notebook file. */
export interface ArticleRecord extends ArticleDetails {
  id: string;
  format: ArticleFormat;
  /** The text encoding its file was decoded with, when it was a legacy (non-Unicode) one. */
  encoding?: TextEncodingName;
  importedAt: string;
  /** The analyst's own Markdown note about the article, exported with it. */
  memo: string;
  /** When the memo was last changed and by which analyst (absent before anyone did). */
  memoUpdatedAt?: string;
  memoUpdatedBy?: string;
  /** The analyst's own facts about the article (outlet, country, period): key to value. */
  attributes: ArticleAttributes;
  /** Oldest first; the last one is current. Old text is kept, never overwritten. */
  revisions: Revision[];
  /**
   * Made by the core, not imported: it gathers annotations whose own article was lost
   * (electron/core/store/orphans.ts), so the window explains it whatever its title becomes.
   */
  recovered?: true;
  /** When its details, memo or attributes last changed, and who changed them (merge tells sides by these). */
  updatedAt?: string;
  updatedBy?: string;
}

/**
 * Attributes by name. Names are one line, trimmed; two that differ only in case (or in Unicode
 * form) are one attribute, compared through attributeKeyOf. A value may be empty.
 */
export type ArticleAttributes = Record<string, string>;

/** An attribute's identity by name: "Country", " country" and "COUNTRY" are one attribute. */
export const attributeKeyOf = (name: string) => name.trim().normalize('NFC').toLocaleLowerCase();

/** What the reader gets: the record with its current revision's body. */
export interface Article extends ArticleRecord, ArticleBody {
  /** The current revision's number. */
  revision: number;
}

/** An article's content at one revision. */
export type ArticleBody = Pick<CanonicalDocument, 'text' | 'blocks' | 'marks' | 'places'>;

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

/**
 * How an annotation relates to its article's current revision.
 * anchored: its selectors describe the current revision exactly (no review needed);
 * moved: its exact quote was found, but not where the edits say it should be (review);
 * fuzzy: only an approximate match was found (review);
 * orphaned: not placed at all (review: re-attach or delete). Nothing is ever dropped.
 */
export const ANCHOR_STATES = ['anchored', 'moved', 'fuzzy', 'orphaned'] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

export interface Annotation {
  id: string;
  articleId: string;
  /** Describe the passage in revision `revision` (the current one when anchored). */
  selectors: AnnotationSelectors;
  revision: number;
  tagIds: string[];
  /** Markdown. */
  comment: string;
  createdAt: string;
  updatedAt: string;
  anchor: AnchorState;
  /** For moved and fuzzy annotations: where re-anchoring placed it in the current revision. */
  candidate?: Span;
  /** The analyst who made it (an Analyst id); absent on annotations made before analysts were. */
  createdBy?: string;
  /** The analyst who last changed its tags or comment, when someone did. */
  updatedBy?: string;
}

/** Where an annotation sits in the current revision, or null for an orphan. */
export function currentSpan(annotation: Annotation): Span | null {
  if (annotation.anchor === 'anchored') return annotation.selectors[0];
  return annotation.candidate ?? null;
}

export const needsReview = (annotation: Annotation) => annotation.anchor !== 'anchored';

/** Reading order by the current position; the longer passage first when two start together; orphans last. */
export function compareReadingOrder(a: Annotation, b: Annotation): number {
  const sa = currentSpan(a);
  const sb = currentSpan(b);
  if (!sa || !sb) return (sa ? 0 : 1) - (sb ? 0 : 1) || a.selectors[0].start - b.selectors[0].start;
  return sa.start - sb.start || sb.end - sa.end;
}

/**
 * `annotations` sorted by compareReadingOrder (in place, stable, as Array.sort), each one's place
 * read once rather than at every comparison: an article's 10k in a third of the time.
 */
export function sortInReadingOrder(annotations: Annotation[]): Annotation[] {
  const keyed = annotations.map((annotation) => {
    const span = currentSpan(annotation);
    return span
      ? { annotation, orphan: 0, start: span.start, end: span.end }
      : { annotation, orphan: 1, start: annotation.selectors[0].start, end: 0 };
  });
  keyed.sort((a, b) => a.orphan - b.orphan || a.start - b.start || b.end - a.end);
  for (let i = 0; i < keyed.length; i++) annotations[i] = keyed[i]!.annotation;
  return annotations;
}

/**
 * A tag's identity by name: trimmed, NFC and case-folded, so "Economy", "economy " and a
 * decomposed "ə" are one tag. The core and the renderer both compare names through this.
 * The same on every machine (a notebook moves between them), so not the system locale's lower
 * case; and the dotted capital İ folds to i, as Azerbaijani and Turkish write it ("NƏQLİYYAT" is
 * "Nəqliyyat"), not to i with a combining dot.
 */
export const tagKey = (name: string) =>
  name
    .trim()
    .normalize('NFC')
    .toLowerCase()
    .replace(/i\u0307/g, 'i');

export interface Tag {
  id: string;
  /** Unique among its siblings (by tagKey); never contains TAG_PATH_SEPARATOR. */
  name: string;
  /** #rrggbb */
  color: string;
  /** The definition: what the tag stands for. */
  description: string;
  /** When to use it, when not to, and an example: the codebook's guidance for coders. */
  whenToUse: string;
  whenNotToUse: string;
  example: string;
  /** The tag it sits under; absent at the top of the tree. */
  parentId?: string;
  createdAt: string;
  /** The analyst who created it, when one was known. */
  createdBy?: string;
  /** When its name, place, colour or guidance last changed, and who changed it. */
  updatedAt?: string;
  updatedBy?: string;
}

/** Between the names of a tag path typed in the tag field: `Economy/Energy`. */
export const TAG_PATH_SEPARATOR = '/';

/** The codebook's guidance fields, as the schemas and forms name them. */
export const TAG_GUIDANCE = ['description', 'whenToUse', 'whenNotToUse', 'example'] as const;
export type TagGuidance = (typeof TAG_GUIDANCE)[number];
export type TagGuidanceFields = Pick<Tag, TagGuidance>;

/** The tag's names from the top of the tree down to it; a cycle (damage) stops the walk. */
export function tagPathOf(tag: Tag, byId: ReadonlyMap<string, Tag>): string[] {
  const names = [tag.name];
  const seen = new Set([tag.id]);
  for (
    let up = tag.parentId && byId.get(tag.parentId);
    up;
    up = up.parentId && byId.get(up.parentId)
  ) {
    if (seen.has(up.id)) break;
    seen.add(up.id);
    names.unshift(up.name);
  }
  return names;
}

export const joinTagPath = (names: readonly string[]) => names.join(TAG_PATH_SEPARATOR);

/** A typed path's names, trimmed, empty segments dropped (`a//b/` is `a/b`). */
export const splitTagPath = (typed: string) =>
  typed
    .split(TAG_PATH_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Who is coding: asked once on first run, editable in settings. Records name analysts by id, so
 * a renamed analyst stays the author of everything they did.
 */
export interface Analyst {
  id: string;
  name: string;
  /** Up to four letters, shown where a name would not fit. */
  initials: string;
  /** #rrggbb */
  color: string;
  createdAt: string;
  /**
   * consensus: not a person but the layer adjudication writes into (electron/core/service/
   * adjudication.ts); it codes nothing by itself and exports like any coder.
   */
  role?: AnalystRole;
}

export const ANALYST_ROLES = ['consensus'] as const;
export type AnalystRole = (typeof ANALYST_ROLES)[number];

/** The initials a name suggests: the first letter of its first and last words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '';
  const first = [...words[0]!][0]!;
  const last = words.length > 1 ? [...words[words.length - 1]!][0]! : '';
  return (first + last).toLocaleUpperCase();
}

/** What happened to the codebook, for its change log. */
export const CODEBOOK_OPERATIONS = [
  'create',
  'rename',
  'move',
  'merge',
  'split',
  'recolour',
  'describe',
  'delete',
] as const;
export type CodebookOperation = (typeof CODEBOOK_OPERATIONS)[number];

/**
 * One entry of the codebook's change log. Paths are written as they were at the time, so the log
 * still reads after the tags are renamed, moved or gone.
 */
export interface CodebookEvent {
  id: string;
  at: string;
  /** The analyst, when one was known. */
  by?: string;
  operation: CodebookOperation;
  tagId: string;
  /** The tag's path when it happened (before a rename, move or delete). */
  path: string;
  /** rename: the new name; move: the new parent's path ('' for the top); recolour: the colour. */
  to?: string;
  /** merge: the tag merged into; split: the tag made from it. */
  other?: { tagId: string; path: string };
  /** How many annotations it changed (merge, split, delete) or deleted (delete with passages). */
  annotations?: number;
  deletedAnnotations?: number;
  /** delete: the child tags lifted to the deleted tag's parent; merge: moved under the target. */
  children?: number;
}

/**
 * What a delete leaves behind, so a merge or a sync can tell "they deleted it" from "we never had
 * it". The store writes one with every delete of an article, annotation or tag, and removes it when
 * the record is put back (an undo, a merge), so a record and its tombstone never both exist.
 */
export interface Tombstone {
  /** The deleted record's id. */
  id: string;
  collection: TombstoneCollection;
  deletedAt: string;
  /** The analyst coding when it was deleted, when one was named. */
  deletedBy?: string;
}

export const TOMBSTONE_COLLECTIONS = ['articles', 'annotations', 'tags'] as const;
export type TombstoneCollection = (typeof TOMBSTONE_COLLECTIONS)[number];

/**
 * One adjudicated disagreement between two coders: what was chosen, and the consensus annotations
 * that choice made (none for "neither"). Kept so a decided disagreement is not asked again, and a
 * "neither" is remembered although it made nothing.
 */
export interface Adjudication {
  /** The disagreement's key (see Disagreement in shared/agreement.ts). */
  id: string;
  articleId: string;
  tagId: string;
  /** The two coders compared (Analyst ids), in the order the view showed them. */
  coders: [string, string];
  choice: AdjudicationChoice;
  /** The consensus layer's annotations this decision made. */
  annotationIds: string[];
  at: string;
  /** Who adjudicated (an Analyst id), when one was named. */
  by?: string;
}

/**
 * Another notebook this one has merged with (by folder), and what the two agreed on then: each
 * record's content hash at that meeting, so the next merge can tell which side changed a record
 * since, without trusting either machine's clock.
 */
export interface Peer {
  /** The other notebook's id (its meta notebookId). */
  id: string;
  /** Its folder's name when they last met, to show. */
  name: string;
  metAt: string;
  /** `<collection>:<id>` to the record's content hash as both sides held it after the merge. */
  seen: Record<string, string>;
}

/** keep A's passage, B's, both, neither, or an edited span. */
export const ADJUDICATION_CHOICES = ['a', 'b', 'both', 'neither', 'edit'] as const;
export type AdjudicationChoice = (typeof ADJUDICATION_CHOICES)[number];

export interface TagWithCount extends Tag {
  /** Annotations that have this tag. */
  count: number;
  /** Annotations that have this tag or one below it, each counted once: the tree's roll-up. */
  total: number;
  /** Its names from the top of the tree down, joined: `Economy/Energy`. */
  path: string;
  /** Annotations whose only tag this is: the ones deleting the tag with their annotations removes. */
  onlyTag: number;
}

/**
 * markdown: notes for Obsidian; csv: one row per passage, for Excel; csv-long: one row per
 * passage and tag, for R and pandas; w3c: W3C Web Annotation JSON-LD; refi-qdpx / refi-qdc:
 * the REFI-QDA (QDA-XML 1.0) project and codebook, for NVivo, ATLAS.ti, MAXQDA, QualCoder.
 */
export const EXPORT_FORMATS = [
  'markdown',
  'csv',
  'csv-long',
  'w3c',
  'csl-json',
  'bibtex',
  'codebook-markdown',
  'codebook-csv',
  'refi-qdpx',
  'refi-qdc',
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** Formats that carry the articles' references only: their texts are never read for them. */
export const REFERENCE_FORMATS: readonly ExportFormat[] = ['csl-json', 'bibtex'];
/** Formats that carry the codebook alone (tags, guidance, change log): no article is read. */
export const CODEBOOK_FORMATS: readonly ExportFormat[] = [
  'codebook-markdown',
  'codebook-csv',
  'refi-qdc',
];
/** The REFI-QDA exchange formats: what they can't hold is said before exporting (see interchange.ts). */
export const INTERCHANGE_FORMATS: readonly ExportFormat[] = ['refi-qdpx', 'refi-qdc'];

/** A rendered export, before a host decides where it goes. */
/**
 * An export as the host saves or downloads it: its bytes (UTF-8, made in a core worker), so a
 * file of many megabytes crosses threads and processes as one block, never as a string the main
 * thread must join, encode or escape.
 */
export interface ExportFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Limits the UI, the importers and the IPC schemas agree on. */
export const LIMITS = {
  importBytes: 50 * 1024 * 1024,
  tagName: 80,
  tagDescription: 2000,
  /** How deep the codebook may nest: deeper trees are unreadable in every tool we know. */
  tagDepth: 8,
  analystName: 100,
  analystInitials: 4,
  comment: 100_000,
  memo: 1_000_000,
  title: 500,
  source: 2000,
  author: 300,
  authors: 100,
  published: 100,
  publication: 500,
  url: 2000,
  doi: 300,
  attributeKey: 80,
  attributeValue: 500,
  attributes: 100,
  searchQuery: 500,
  /** A figure or table the window saves (SVG, PNG, CSV). */
  figureBytes: 20 * 1024 * 1024,
  /** How many tags or articles one request may name (a report's choice, an import's conflicts). */
  listedIds: 10_000,
} as const;

/** Palette offered for new tags; a new tag gets the colour fewest tags have (ties: this order). */
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
