// The runtime checks for everything the store reads or is asked to write: notebook.json, journal
// lines, bodies and commits. Commits are checked with the same rules as loads, so anything a
// commit accepted will load again.
import { z } from 'zod';
import { ARTICLE_FORMATS, TEXT_ENCODINGS } from '../../shared/import-formats';
import {
  ADJUDICATION_CHOICES,
  ANALYST_ROLES,
  ANCHOR_STATES,
  BLOCK_TYPES,
  CODEBOOK_OPERATIONS,
  PLACE_KINDS,
  TOMBSTONE_COLLECTIONS,
  type Adjudication,
  type Annotation,
  type ArticleBody,
  type Analyst,
  type ArticleRecord,
  type CodebookEvent,
  type Peer,
  type Tag,
  type Tombstone,
} from '../../shared/model';
import { isCanonicalAnnotation } from './fast-check';
import { COLLECTIONS, type Change, type JournalEntry, type NotebookData } from './notebook-data';

// Rules between records (offsets inside the text, tag ids that exist) are deliberately not checked:
// breaking one is the core's to repair, never a reason to set a whole notebook aside.
const id = z.string().min(1);
const offset = z.number().int().min(0);
const timestamp = z.string();

export const block = z.object({
  type: z.enum(BLOCK_TYPES),
  level: z.number().int().min(1).optional(),
  // Any integer: an ordered list may start at 0 or count down past it.
  number: z.number().int().optional(),
  header: z.literal(true).optional(),
  start: offset,
  end: offset,
});

const markType = z.enum(['em', 'strong', 'code', 'link']);
const revisionReason = z.enum(['import', 'edit', 'reimport']);
const collection = z.enum(COLLECTIONS);
const color = z.string().regex(/^#[0-9a-fA-F]{6}$/);

export const mark = z.object({
  type: markType,
  start: offset,
  end: offset,
  href: z.string().optional(),
});

export const place = z.object({
  kind: z.enum(PLACE_KINDS),
  label: z.string().min(1),
  start: offset,
});

export const bodySchema = z.object({
  text: z.string(),
  blocks: z.array(block),
  marks: z.array(mark),
  places: z.array(place).min(1).optional(),
});

export const articleFormat = z.enum(ARTICLE_FORMATS);
const encodingNames = TEXT_ENCODINGS.map((e) => e.name) as [
  (typeof TEXT_ENCODINGS)[number]['name'],
  ...(typeof TEXT_ENCODINGS)[number]['name'][],
];

export const bodyHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

const articleRecord = z.object({
  id,
  title: z.string(),
  // Added after format 2 first shipped: older files have no details, and that is not damage.
  authors: z.array(z.string()).default([]),
  published: z.string().default(''),
  source: z.string(),
  // Added with the formats issue, defaulted the same way.
  publication: z.string().default(''),
  url: z.string().default(''),
  doi: z.string().default(''),
  format: articleFormat,
  encoding: z.enum(encodingNames).optional(),
  importedAt: timestamp,
  memo: z.string(),
  memoUpdatedAt: timestamp.optional(),
  memoUpdatedBy: id.optional(),
  // Added with the analysis views; older records have none.
  attributes: z.record(z.string(), z.string()).default({}),
  revisions: z.array(
    z.object({
      number: z.number().int().min(1),
      createdAt: timestamp,
      reason: revisionReason,
      bodyHash: bodyHashSchema,
      original: z.object({ hash: bodyHashSchema, name: z.string().min(1) }).optional(),
    }),
  ),
  recovered: z.literal(true).optional(),
  updatedAt: timestamp.optional(),
  updatedBy: id.optional(),
});

export const selectors = z.tuple([
  z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string(),
    suffix: z.string(),
  }),
]);

const annotation = z.object({
  id,
  articleId: id,
  selectors,
  revision: z.number().int().min(1),
  tagIds: z.array(id),
  comment: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  anchor: z.enum(ANCHOR_STATES),
  candidate: z.object({ start: offset, end: offset }).optional(),
  createdBy: id.optional(),
  updatedBy: id.optional(),
});

export const tagSchema = z.object({
  id,
  name: z.string(),
  color,
  description: z.string(),
  // The guidance and the tree came after format 2 first shipped: older tags are top-level and
  // have none, and that is not damage.
  whenToUse: z.string().default(''),
  whenNotToUse: z.string().default(''),
  example: z.string().default(''),
  parentId: id.optional(),
  createdAt: timestamp,
  createdBy: id.optional(),
  updatedAt: timestamp.optional(),
  updatedBy: id.optional(),
});

const analystSchema = z.object({
  id,
  name: z.string().min(1),
  initials: z.string(),
  color,
  createdAt: timestamp,
  role: z.enum(ANALYST_ROLES).optional(),
});

const tombstoneSchema = z.object({
  id,
  collection: z.enum(TOMBSTONE_COLLECTIONS),
  deletedAt: timestamp,
  deletedBy: id.optional(),
});

const adjudicationSchema = z.object({
  id: z.string().min(1).max(200),
  articleId: id,
  tagId: id,
  coders: z.tuple([id, id]),
  choice: z.enum(ADJUDICATION_CHOICES),
  annotationIds: z.array(id),
  at: timestamp,
  by: id.optional(),
});

const peerSchema = z.object({
  id,
  name: z.string(),
  metAt: timestamp,
  seen: z.record(z.string(), z.string()),
});

const codebookOperation = z.enum(CODEBOOK_OPERATIONS);
const count = z.number().int().min(0);

const codebookEventSchema = z.object({
  id,
  at: timestamp,
  by: id.optional(),
  operation: codebookOperation,
  tagId: id,
  path: z.string(),
  to: z.string().optional(),
  other: z.object({ tagId: id, path: z.string() }).optional(),
  annotations: count.optional(),
  deletedAnnotations: count.optional(),
  children: count.optional(),
});

// Unknown keys are stripped rather than refused: refusing would set aside a whole notebook over
// one stray field, which costs the analyst far more than the field is worth.
export const notebookSchema = z.object({
  version: z.literal(2),
  journalSeq: z.number().int().min(0),
  articles: z.array(articleRecord),
  annotations: z.array(annotation),
  tags: z.array(tagSchema),
  // Added after format 2 first shipped, defaulted like the articles' details.
  analysts: z.array(analystSchema).default([]),
  codebookLog: z.array(codebookEventSchema).default([]),
  // Added with the team issue, within format 2 like the ones above.
  tombstones: z.array(tombstoneSchema).default([]),
  adjudications: z.array(adjudicationSchema).default([]),
  peers: z.array(peerSchema).default([]),
  sampleSeeded: z.boolean(),
  analystId: id.optional(),
  notebookId: id.optional(),
});

const notebookWithoutAnnotations = notebookSchema.omit({ annotations: true });

/**
 * notebookSchema's verdict, quickly when every annotation is exactly in shape (as ours are when we
 * wrote them): those skip zod, which spends most of a cold start on them. Otherwise zod decides.
 */
export function checkNotebook(
  value: unknown,
): { success: true; data: NotebookData } | { success: false; reason: string; error: z.ZodError } {
  if (typeof value === 'object' && value !== null && 'annotations' in value) {
    const { annotations, ...rest } = value;
    if (Array.isArray(annotations) && annotations.every(isCanonicalAnnotation)) {
      const checked = notebookWithoutAnnotations.safeParse(rest);
      if (checked.success) return { success: true, data: { ...checked.data, annotations } };
    }
  }
  const checked = notebookSchema.safeParse(value);
  return checked.success
    ? { success: true, data: checked.data }
    : { success: false, reason: checked.error.message, error: checked.error };
}

// Discriminated, so a change is checked against its own shape only: a plain union tries the shapes
// in turn and builds an error for each miss, which cost most of a commit's CPU time.
export const changeSchema = z.discriminatedUnion('kind', [
  z.discriminatedUnion('collection', [
    z.object({ kind: z.literal('put'), collection: z.literal('articles'), record: articleRecord }),
    z.object({ kind: z.literal('put'), collection: z.literal('annotations'), record: annotation }),
    z.object({ kind: z.literal('put'), collection: z.literal('tags'), record: tagSchema }),
    z.object({ kind: z.literal('put'), collection: z.literal('analysts'), record: analystSchema }),
    z.object({
      kind: z.literal('put'),
      collection: z.literal('codebookLog'),
      record: codebookEventSchema,
    }),
    z.object({
      kind: z.literal('put'),
      collection: z.literal('tombstones'),
      record: tombstoneSchema,
    }),
    z.object({
      kind: z.literal('put'),
      collection: z.literal('adjudications'),
      record: adjudicationSchema,
    }),
    z.object({ kind: z.literal('put'), collection: z.literal('peers'), record: peerSchema }),
  ]),
  z.object({ kind: z.literal('delete'), collection, id }),
  z.discriminatedUnion('key', [
    z.object({ kind: z.literal('meta'), key: z.literal('sampleSeeded'), value: z.boolean() }),
    z.object({ kind: z.literal('meta'), key: z.literal('analystId'), value: id }),
    z.object({ kind: z.literal('meta'), key: z.literal('notebookId'), value: id }),
  ]),
]);

export const journalEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: timestamp.optional(),
  changes: z.array(changeSchema),
});

/**
 * The value lists a newer version of the app may extend (a new article format, block type, anchor
 * state, kind of change...). A value outside one of these is what a newer version wrote, not
 * damage; anything else that fails a check is damage.
 */
const EXTENSIBLE: readonly (readonly unknown[])[] = [
  articleFormat.options,
  encodingNames,
  revisionReason.options,
  ANCHOR_STATES,
  BLOCK_TYPES,
  CODEBOOK_OPERATIONS,
  markType.options,
  collection.options,
  ['put', 'delete', 'meta'],
  ['sampleSeeded', 'analystId', 'notebookId'],
  TOMBSTONE_COLLECTIONS,
  ADJUDICATION_CHOICES,
  ANALYST_ROLES,
];
const sameValues = (a: readonly unknown[], b: readonly unknown[]) =>
  a.length === b.length && a.every((v) => b.includes(v));

/**
 * True when every problem `error` found in `input` is a well-formed name outside one of the
 * EXTENSIBLE lists. A damaged byte could in theory turn one name into another plausible one; it
 * is far likelier that a newer app wrote it, and refusing to open changes nothing on disk.
 */
export function newerValuesOnly(error: z.ZodError, input: unknown): boolean {
  return (
    error.issues.length > 0 &&
    error.issues.every((issue) => {
      let allowed: readonly unknown[] | undefined;
      if (issue.code === 'invalid_value') allowed = issue.values;
      else if (issue.code === 'invalid_union' && 'options' in issue) {
        allowed = issue.options as unknown[];
      }
      if (!allowed || !EXTENSIBLE.some((list) => sameValues(list, allowed))) return false;
      const value = valueAt(input, issue.path);
      return typeof value === 'string' && /^[a-z][a-z0-9-]{0,39}$/i.test(value);
    })
  );
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

// Fails to compile when the model and the schemas drift apart, even by one optional field: a field
// the schema doesn't know would otherwise be stripped, silently, on the next save. (Mutual
// `extends` is too weak for that; this is the exact-identity check.)
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesModel = [
  Assert<Same<z.output<typeof notebookSchema>, NotebookData>>,
  Assert<Same<z.output<typeof articleRecord>, ArticleRecord>>,
  Assert<Same<z.output<typeof annotation>, Annotation>>,
  Assert<Same<z.output<typeof tagSchema>, Tag>>,
  Assert<Same<z.output<typeof analystSchema>, Analyst>>,
  Assert<Same<z.output<typeof codebookEventSchema>, CodebookEvent>>,
  Assert<Same<z.output<typeof tombstoneSchema>, Tombstone>>,
  Assert<Same<z.output<typeof adjudicationSchema>, Adjudication>>,
  Assert<Same<z.output<typeof peerSchema>, Peer>>,
  Assert<Same<z.output<typeof bodySchema>, ArticleBody>>,
  Assert<Same<z.output<typeof changeSchema>, Change>>,
  Assert<Same<z.output<typeof journalEntrySchema>, JournalEntry>>,
];
