// The one definition of every renderer-to-main call: its name, the zod schema its input must
// pass, the type of its result, and what it does. Preload, main's IPC layer, the browser host
// and the renderer's api module are all typed from this object; nothing is declared twice.
import { z } from 'zod';
import {
  LIMITS,
  type Annotation,
  type Article,
  type ArticleSummary,
  type ExportFile,
  type Tag,
  type TagWithCount,
} from './model';

/** Phantom marker that carries a call's result type; it holds no value at run time. */
const returns = <T>() => undefined as unknown as T;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const offset = z.number().int().min(0);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #rrggbb');
const tagName = z.string().trim().min(1, 'a tag needs a name').max(LIMITS.tagName);
const comment = z.string().max(LIMITS.comment);
const isoDate = z.string().max(40);
/** A file the analyst picked: its bare name (never a path) and its bytes. */
const pickedFile = {
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name), 'a file name, not a path'),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= LIMITS.importBytes, {
    message: 'the file is larger than 50 MB',
  }),
};

const annotationShape = z.object({
  id,
  articleId: id,
  revision: z.number().int().min(1),
  candidate: z.object({ start: offset, end: offset }).optional(),
  selectors: z.tuple([
    z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
    z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string().max(LIMITS.importBytes),
      prefix: z.string().max(1000),
      suffix: z.string().max(1000),
    }),
  ]),
  tagIds: z.array(id).max(500),
  comment,
  createdAt: isoDate,
  updatedAt: isoDate,
  anchor: z.enum(['anchored', 'moved', 'fuzzy', 'orphaned']),
});

export const exportFormat = z.enum(['markdown', 'csv', 'w3c']);

/** Where an export went: saved by a native dialog (Electron), cancelled, or handed back for the browser to download. */
export type ExportOutcome =
  { kind: 'saved'; path: string } | { kind: 'cancelled' } | { kind: 'download'; file: ExportFile };

/** What a new revision did to the article's annotations. */
export interface RevisionOutcome {
  article: ArticleSummary;
  anchored: number;
  moved: number;
  fuzzy: number;
  orphaned: number;
}

export interface Startup {
  /** Things the analyst must hear about at start, e.g. a damaged notebook restored from backup. */
  notices: string[];
}

export const contract = {
  /** Messages gathered while the notebook opened (recoveries, migrations). */
  getStartup: { input: z.object({}), result: returns<Startup>() },

  /** Every article, newest import first, with its annotation count. */
  listArticles: { input: z.object({}), result: returns<ArticleSummary[]>() },

  /** One article with its text, blocks, marks and memo. */
  getArticle: { input: z.object({ id }), result: returns<Article>() },

  /**
   * Import a file the analyst picked (.txt, .md, .html/.htm). The renderer sends the bytes and the
   * bare file name only, never a path. Empty, binary, oversized or unreadable files are refused.
   */
  importFile: {
    input: z.object({
      ...pickedFile,
    }),
    result: returns<ArticleSummary>(),
  },

  /** Import pasted plain text; the title defaults to its first line. */
  importText: {
    input: z.object({
      text: z.string().max(LIMITS.importBytes),
      title: z.string().max(LIMITS.title).optional(),
      source: z.string().max(LIMITS.source).optional(),
    }),
    result: returns<ArticleSummary>(),
  },

  /** Delete an article together with its annotations. */
  deleteArticle: { input: z.object({ id }), result: returns<{ deletedAnnotations: number }>() },

  /**
   * Save the analyst's edit of an article's text as a new revision (the old text is kept) and
   * re-anchor its annotations; moved, fuzzy and orphaned ones wait in the review list.
   */
  editArticle: {
    input: z.object({ id, text: z.string().max(LIMITS.importBytes) }),
    result: returns<RevisionOutcome>(),
  },

  /** Import a newer version of a file over an article, as a new revision (see editArticle). */
  reimportArticle: {
    input: z.object({ id, ...pickedFile }),
    result: returns<RevisionOutcome>(),
  },

  /** Replace an article's memo (Markdown). */
  setMemo: {
    input: z.object({ articleId: id, memo: z.string().max(LIMITS.memo) }),
    result: returns<{ memo: string }>(),
  },

  /** The annotations of one article in reading order. */
  listAnnotations: { input: z.object({ articleId: id }), result: returns<Annotation[]>() },

  /**
   * Annotate [start, end) of an article. Tags are given by name: an existing tag matches its name
   * case-insensitively, a new name creates a tag.
   */
  createAnnotation: {
    input: z.object({
      articleId: id,
      start: offset,
      end: offset,
      tagNames: z.array(tagName).max(100),
      comment,
    }),
    result: returns<Annotation>(),
  },

  /** Change an annotation's tags (by name, as in createAnnotation) and comment. */
  updateAnnotation: {
    input: z.object({ id, tagNames: z.array(tagName).max(100), comment }),
    result: returns<Annotation>(),
  },

  /** Delete an annotation; the result is what was deleted, so the UI can undo. */
  deleteAnnotation: { input: z.object({ id }), result: returns<Annotation>() },

  /** Undo a delete: put a deleted annotation back (tags deleted meanwhile are dropped). */
  restoreAnnotation: {
    input: z.object({ annotation: annotationShape }),
    result: returns<Annotation>(),
  },

  /** Review: accept where re-anchoring placed a moved or fuzzy annotation. */
  acceptPlacement: { input: z.object({ id }), result: returns<Annotation>() },

  /** Review: attach an annotation to a passage the analyst selected in the current revision. */
  reattachAnnotation: {
    input: z.object({ id, start: offset, end: offset }),
    result: returns<Annotation>(),
  },

  /** The codebook, by name, with the number of annotations per tag. */
  listTags: { input: z.object({}), result: returns<TagWithCount[]>() },

  /** Add a tag to the codebook; the colour defaults to the next in the palette. */
  createTag: {
    input: z.object({
      name: tagName,
      color: color.optional(),
      description: z.string().max(LIMITS.tagDescription).optional(),
    }),
    result: returns<Tag>(),
  },

  /** Rename, recolour or describe a tag. Names stay unique, ignoring case. */
  updateTag: {
    input: z.object({
      id,
      name: tagName.optional(),
      color: color.optional(),
      description: z.string().max(LIMITS.tagDescription).optional(),
    }),
    result: returns<Tag>(),
  },

  /** Move every annotation of `sourceId` to `targetId`, then delete the source tag. */
  mergeTags: {
    input: z
      .object({ sourceId: id, targetId: id })
      .refine((v) => v.sourceId !== v.targetId, 'a tag cannot be merged into itself'),
    result: returns<Tag>(),
  },

  /**
   * Delete a tag. `keep`: its annotations stay, without this tag. `delete`: annotations whose only
   * tag it is are deleted too; annotations with other tags just lose it.
   */
  deleteTag: {
    input: z.object({ id, annotations: z.enum(['keep', 'delete']) }),
    result: returns<{ deletedAnnotations: number }>(),
  },

  /** Export one article (or the whole notebook when articleId is absent), optionally only some tags. */
  exportNotes: {
    input: z.object({
      articleId: id.optional(),
      format: exportFormat,
      tagIds: z.array(id).max(500).optional(),
    }),
    result: returns<ExportOutcome>(),
  },
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** What a caller sends. */
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
/** What a handler receives, after parsing. */
export type ParsedInput<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = Contract[K]['result'];

export const CALL_NAMES = Object.keys(contract) as CallName[];

export interface CallError {
  /** invalid-input: the payload failed the schema; not-found, conflict, bad-file: refused by the core; internal: a bug. */
  code: 'invalid-input' | 'not-found' | 'conflict' | 'bad-file' | 'internal';
  /** A sentence fit to show the analyst. */
  message: string;
}

/** Every call answers with an envelope, so errors arrive as values the UI can show. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** What the preload exposes as `window.notebook` (and the browser host's bridge imitates). */
export type NotebookBridge = {
  [K in CallName]: (input: CallInput<K>) => Promise<Envelope<CallResult<K>>>;
} & {
  /** Subscribe to commands from the native menu; returns an unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
};

/** The handlers a host implements: parsed input in, result out (errors thrown as NotebookError). */
export type Handlers = {
  [K in CallName]: (input: ParsedInput<K>) => Promise<CallResult<K>>;
};

export const MENU_COMMANDS = ['import-file', 'paste-text', 'export', 'shortcuts'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** IPC channel names: one per call, namespaced so nothing else collides with them. */
export const channelFor = (name: CallName) => `notebook:${name}`;
export const MENU_CHANNEL = 'notebook-menu';
