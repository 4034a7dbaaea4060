// The runtime check of every call's input: only the dispatcher imports these. Each schema's
// output is checked at compile time to be exactly the input type the contract declares, so the
// two can't drift apart.
import { z } from 'zod';
import { bareDoi, webAddress } from '../../shared/citation';
import type { CallInput, CallName } from '../../shared/contract';
import { MERGE_CHOICES } from '../../shared/merge';
import { TEXT_ENCODINGS } from '../../shared/import-formats';
import {
  ANCHOR_STATES,
  attributeKeyOf,
  EXPORT_FORMATS,
  LIMITS,
  TAG_PATH_SEPARATOR,
} from '../../shared/model';
import { FIGURE_TYPES } from '../../shared/analysis';
import { CODE_CONFLICT_CHOICES, REVIEW_EXPORT_CHOICES } from '../../shared/interchange';
import { ANNOTATION_IMPORT_FORMATS } from '../../shared/annotation-import';
import { REPORT_FORMATS } from '../../shared/report';
import { READER_FONT_SIZES, READER_WIDTHS, THEMES } from '../../shared/settings';
import { CODE_HITS_LIMIT, HIT_SCOPES, SEARCH_KINDS } from '../../shared/search';
import { AGREEMENT_UNITS } from '../../shared/agreement';
import { ADJUDICATION_CHOICES } from '../../shared/model';

/** A REFI-QDA GUID, bare or braced, as the schema's GUIDType allows. */
const GUID_TEXT =
  /^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$/;
const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
const offset = z.number().int().min(0);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must look like #rrggbb');
/**
 * Trimmed text of one line, without control characters: a tag name (the CSV export separates
 * names by newline) or an analyst's name.
 */
const oneLineName = (what: string, empty: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, empty)
    .max(max)
    .refine((name) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(name), {
      message: `${what} is one line, without control characters`,
    });
const tagName = oneLineName('a tag name', 'a tag needs a name', LIMITS.tagName);
/** A tag's own name: one line, and no "/" (it separates the names of a path). */
const ownTagName = tagName.refine((name) => !name.includes(TAG_PATH_SEPARATOR), {
  message: 'a tag’s name can’t hold “/”: it separates the names of a path',
});
/** What the tag field takes: a name, or a path of names (`Economy/Energy`). */
const typedTag = oneLineName(
  'a tag name',
  'a tag needs a name',
  (LIMITS.tagName + 1) * LIMITS.tagDepth,
);
const guidance = {
  description: z.string().max(LIMITS.tagDescription).optional(),
  whenToUse: z.string().max(LIMITS.tagDescription).optional(),
  whenNotToUse: z.string().max(LIMITS.tagDescription).optional(),
  example: z.string().max(LIMITS.tagDescription).optional(),
};
const analystName = oneLineName('a name', 'say who is coding: a name', LIMITS.analystName);
const comment = z.string().max(LIMITS.comment);
const isoDate = z.string().max(40);
const agreementUnit = z.enum(AGREEMENT_UNITS);
const coderPair = z
  .tuple([id, id])
  .refine(([a, b]) => a !== b, { message: 'compare two different coders' });
/** `<articleId>:<tagId>:<start>-<end>` (see Disagreement.key). */
const disagreementKey = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}:[A-Za-z0-9_-]{1,64}:\d{1,10}-\d{1,10}$/, 'not a disagreement');
const encodingNames = TEXT_ENCODINGS.map((e) => e.name) as [
  (typeof TEXT_ENCODINGS)[number]['name'],
  ...(typeof TEXT_ENCODINGS)[number]['name'][],
];

/** A file the analyst picked: its bare name (never a path), its bytes, maybe an encoding. */
const pickedFile = {
  fileName: z
    .string()
    .min(1)
    .max(255)
    .refine((name) => !/[\\/]/.test(name), 'a file name, not a path'),
  bytes: z
    .custom<Uint8Array>((v) => v instanceof Uint8Array, 'the file’s bytes are missing')
    .refine((b) => b.byteLength <= LIMITS.importBytes, {
      message: 'the file is larger than 50 MB',
    }),
  encoding: z.enum(encodingNames).optional(),
};

const annotation = z.object({
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
  anchor: z.enum(ANCHOR_STATES),
  createdBy: id.optional(),
  updatedBy: id.optional(),
});

const oneLine = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) => s.replace(/\s+/g, ' ').trim());

const details = {
  title: oneLine(LIMITS.title).refine((t) => t !== '', 'an article needs a title'),
  authors: z
    .array(oneLine(LIMITS.author))
    .max(LIMITS.authors)
    .transform((names) => names.filter((n) => n !== '')),
  published: oneLine(LIMITS.published),
  source: oneLine(LIMITS.source),
  publication: oneLine(LIMITS.publication).optional(),
  // Empty clears it; anything else must be a web address, kept in its parsed form.
  url: oneLine(LIMITS.url)
    .refine(
      (u) => u === '' || webAddress(u) !== undefined,
      'a web address starts with http:// or https://',
    )
    .transform((u) => (u === '' ? '' : webAddress(u)!))
    .optional(),
  // Typed as the analyst finds it ("doi:10.…", "https://doi.org/10.…"), kept bare.
  doi: oneLine(LIMITS.doi)
    .refine(
      (d) => d === '' || bareDoi(d) !== undefined,
      'a DOI starts with 10. (like 10.1000/xyz123)',
    )
    .transform((d) => (d === '' ? '' : bareDoi(d)!))
    .optional(),
};

/** The narrowing that search and the analysis views share (NotebookFilter). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is written YYYY-MM-DD');
const notebookFilter = {
  articleIds: z.array(id).max(100_000).optional(),
  tagId: id.optional(),
  analystId: id.optional(),
  from: day.optional(),
  to: day.optional(),
  review: z.enum(['placed', 'waiting']).optional(),
};
const searchQuery = z.string().max(LIMITS.searchQuery);

/** An article's attributes: one-line keys (not empty) and one-line values. */
const attributeKey = oneLineName(
  'an attribute’s name',
  'an attribute needs a name',
  LIMITS.attributeKey,
);
const attributeValue = z
  .string()
  .max(LIMITS.attributeValue)
  .refine((v) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(v), {
    message: 'an attribute’s value is one line, without control characters',
  })
  .transform((v) => v.trim());
/**
 * Names are checked here, as typed: a record's own check of its keys says only "Invalid key", and
 * trimming would fold "Country" and "Country " into one key, silently keeping either value. Two
 * names for one attribute (attributeKeyOf) are refused.
 */
const checkAttributeNames = (raw: unknown, ctx: { issues: z.core.$ZodRawIssue[] }) => {
  if (typeof raw !== 'object' || raw === null) return raw;
  const seen = new Map<string, string>();
  for (const name of Object.keys(raw)) {
    const key = attributeKeyOf(name);
    const other = seen.get(key);
    const message =
      attributeKey.safeParse(name).error?.issues[0]?.message ??
      (key === '__proto__'
        ? '“__proto__” can’t name an attribute'
        : other !== undefined
          ? `“${other}” and “${name}” are one attribute (names are compared ignoring case): keep one`
          : undefined);
    if (message) {
      ctx.issues.push({ code: 'custom', message, input: raw });
      break;
    }
    seen.set(key, name);
  }
  return raw;
};
const attributes = z.preprocess(
  checkAttributeNames,
  z.record(attributeKey, attributeValue).refine((a) => Object.keys(a).length <= LIMITS.attributes, {
    message: `an article holds at most ${LIMITS.attributes} attributes`,
  }),
);

const none = z.object({}).strict() as unknown as z.ZodType<Record<string, never>>;

export const inputSchemas = {
  getStartup: none,
  listArticles: none,
  getArticle: z.object({ id }),
  getArticleRecord: z.object({ id }),
  previewImport: z.object(pickedFile),
  importFile: z.object({ ...pickedFile, allowDuplicate: z.boolean().optional() }),
  openOriginal: z.object({ id }),
  importText: z.object({
    text: z.string().max(LIMITS.importBytes),
    title: z.string().max(LIMITS.title).optional(),
    source: z.string().max(LIMITS.source).optional(),
  }),
  updateArticleDetails: z.object({ id, ...details }),
  setArticleAttributes: z.object({ id, attributes }),
  deleteArticle: z.object({ id }),
  editArticle: z.object({ id, text: z.string().max(LIMITS.importBytes) }),
  reimportArticle: z.object({ id, ...pickedFile }),
  rereadOriginal: z.object({ id }),
  setMemo: z.object({ articleId: id, memo: z.string().max(LIMITS.memo) }),
  listAnnotations: z.object({ articleId: id }),
  getAnnotations: z.object({ ids: z.array(id).max(10_000) }),
  createAnnotation: z.object({
    articleId: id,
    start: offset,
    end: offset,
    tagNames: z.array(typedTag).max(100),
    comment,
  }),
  updateAnnotation: z.object({ id, tagNames: z.array(typedTag).max(100), comment }),
  deleteAnnotation: z.object({ id }),
  tagAnnotations: z
    .object({
      ids: z.array(id).min(1, 'choose some annotations').max(100_000),
      addTagNames: z.array(typedTag).max(100),
      removeTagIds: z.array(id).max(500),
    })
    .refine(
      (v) => v.addTagNames.length + v.removeTagIds.length > 0,
      'say which tags to add or remove',
    ),
  deleteAnnotations: z.object({ ids: z.array(id).min(1, 'choose some annotations').max(100_000) }),
  restoreAnnotation: z.object({ annotation }),
  acceptPlacement: z.object({ id }),
  reattachAnnotation: z.object({ id, start: offset, end: offset }),
  listTags: none,
  createTag: z.object({
    name: ownTagName,
    parentId: id.optional(),
    color: color.optional(),
    ...guidance,
  }),
  updateTag: z.object({
    id,
    name: ownTagName.optional(),
    color: color.optional(),
    parentId: id.nullable().optional(),
    ...guidance,
  }),
  mergeTags: z
    .object({ sourceId: id, targetId: id })
    .refine((v) => v.sourceId !== v.targetId, 'a tag cannot be merged into itself'),
  splitTag: z.object({
    id,
    name: ownTagName,
    annotationIds: z.array(id).min(1, 'choose the annotations that go to the new tag').max(100_000),
  }),
  deleteTag: z.object({ id, annotations: z.enum(['keep', 'delete']) }),
  listCodebookLog: none,
  listAnalysts: none,
  getHistory: none,
  undo: none,
  redo: none,
  setAnalyst: z.object({
    name: analystName,
    initials: z
      .string()
      .trim()
      .min(1, 'initials need a letter')
      .max(LIMITS.analystInitials)
      .optional(),
    color: color.optional(),
  }),
  search: z.object({
    query: searchQuery,
    kinds: z.array(z.enum(SEARCH_KINDS)).max(SEARCH_KINDS.length).optional(),
    ...notebookFilter,
  }),
  findOccurrences: z.object({
    query: searchQuery.refine((q) => q.trim() !== '', 'type the words to find'),
    scope: z.enum(HIT_SCOPES),
    ...notebookFilter,
  }),
  codeHits: z.object({
    hits: z
      .array(
        z
          .object({ articleId: id, revision: z.number().int().min(1), start: offset, end: offset })
          .refine((h) => h.end > h.start, 'a hit covers some text'),
      )
      .min(1, 'tick the hits to code')
      .max(CODE_HITS_LIMIT),
    tagNames: z.array(typedTag).min(1, 'choose a tag to code the hits with').max(100),
  }),
  getAnalysis: z.object({
    ...notebookFilter,
    unit: z.enum(['overlap', 'paragraph']).optional(),
    attribute: attributeKey.optional(),
  }),
  getCoverage: z.object({ articleId: id, ...notebookFilter }),
  saveFigure: z.object({
    fileName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[\\/\u0000-\u001f]/.test(name), 'a file name, not a path'),
    mimeType: z.enum(FIGURE_TYPES),
    bytes: z
      .custom<Uint8Array>((v) => v instanceof Uint8Array, 'the figure’s bytes are missing')
      .refine((b) => b.byteLength <= LIMITS.figureBytes, {
        message: 'the figure is larger than 20 MB',
      }),
  }),
  exportNotes: z.object({
    articleId: id.optional(),
    format: z.enum(EXPORT_FORMATS),
    tagIds: z.array(id).max(500).optional(),
    awaitingReview: z.enum(REVIEW_EXPORT_CHOICES).optional(),
  }),
  previewProject: z.object(pickedFile),
  importProject: z.object({
    ...pickedFile,
    conflicts: z
      .record(z.string().regex(GUID_TEXT, 'not a GUID'), z.enum(CODE_CONFLICT_CHOICES))
      .refine((c) => Object.keys(c).length <= LIMITS.listedIds, { message: 'too many choices' })
      .optional(),
  }),
  importAnnotations: z.object({
    ...pickedFile,
    articleId: id.optional(),
    format: z.enum(ANNOTATION_IMPORT_FORMATS).optional(),
  }),
  exportReport: z.object({
    format: z.enum(REPORT_FORMATS),
    tagIds: z.array(id).max(LIMITS.listedIds).optional(),
    articleIds: z.array(id).max(LIMITS.listedIds).optional(),
    title: z
      .string()
      .trim()
      .max(LIMITS.title)
      .refine((t) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(t), {
        message: 'a title is one line, without control characters',
      })
      .optional(),
    codebook: z.boolean().optional(),
    figures: z.boolean().optional(),
  }),
  getSettings: none,
  setSettings: z
    .object({
      theme: z.enum(THEMES),
      readerFontSize: z.number().int().min(READER_FONT_SIZES.min).max(READER_FONT_SIZES.max),
      readerWidth: z.enum(READER_WIDTHS),
      spellCheck: z.boolean(),
      spellCheckLanguage: z
        .string()
        .regex(/^(?:[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)?$/, 'a language like en-GB or az'),
      updates: z.object({
        enabled: z.boolean(),
        feedUrl: z
          .string()
          .max(LIMITS.url)
          .refine(
            (u) => u === '' || /^https:\/\//.test(u),
            'an update feed is an https:// address',
          ),
      }),
      blindCoding: z.boolean(),
    })
    .partial(),
  moveNotebook: none,
  getDataFolder: none,
  listConflictedCopies: none,
  bringInConflictedCopy: z.object({
    name: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[\\/\u0000]/.test(name) && name !== '.' && name !== '..', {
        message: 'a file name, not a path',
      }),
  }),
  getArticleView: z.object({
    id,
    knownBodyHashes: z
      .array(z.string().regex(/^[0-9a-f]{64}$/, 'not a body hash'))
      .max(8)
      .optional(),
    annotations: z.boolean().optional(),
  }),
  getAgreement: z.object({
    coders: z.array(id).min(2, 'compare two coders or more').max(100).optional(),
    unit: agreementUnit.optional(),
    articleIds: z.array(id).max(LIMITS.listedIds).optional(),
    tagIds: z.array(id).max(LIMITS.listedIds).optional(),
  }),
  getDisagreements: z.object({
    coders: coderPair,
    unit: agreementUnit.optional(),
    articleId: id.optional(),
    tagId: id.optional(),
    includeDecided: z.boolean().optional(),
  }),
  adjudicate: z
    .object({
      key: disagreementKey,
      coders: coderPair,
      choice: z.enum(ADJUDICATION_CHOICES),
      span: z.object({ start: offset, end: offset }).optional(),
      unit: agreementUnit.optional(),
    })
    .refine((r) => r.choice !== 'edit' || r.span !== undefined, {
      message: 'an edited decision needs the span it keeps',
    })
    .refine((r) => r.span === undefined || r.span.start < r.span.end, {
      message: 'the kept span is empty',
    }),
  copyAgreedPassages: z.object({ coders: coderPair }),
  previewMerge: none,
  applyMerge: z.object({
    token: id,
    choices: z
      .record(z.string().max(200), z.enum(MERGE_CHOICES))
      .refine((c) => Object.keys(c).length <= LIMITS.listedIds, { message: 'too many choices' }),
  }),
  getSync: none,
  setSync: z.object({
    url: z.string().trim().max(LIMITS.url),
    username: z.string().max(200),
    password: z.string().max(1000).optional(),
    enabled: z.boolean(),
  }),
  listSyncConflicts: none,
  resolveSyncConflicts: z.object({
    choices: z
      .record(z.string().max(200), z.enum(MERGE_CHOICES))
      .refine((c) => Object.keys(c).length <= LIMITS.listedIds, { message: 'too many choices' }),
  }),
} as const;

// Fails to compile when a schema's output is not exactly its call's declared input (a missing
// call, an extra field, an optional that should not be).
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Mismatched = {
  [K in CallName]: Same<z.output<(typeof inputSchemas)[K]>, CallInput<K>> extends true ? never : K;
}[CallName];
export type SchemasMatchContract = [Mismatched] extends [never] ? true : Mismatched;
const _matches: SchemasMatchContract = true;
void _matches;
