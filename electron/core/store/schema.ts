// The runtime check a notebook read from disk must pass: the type of every field, so damaged data
// is refused at the door instead of crashing a handler later.
import { z } from 'zod';
import type { NotebookData } from './notebook-data';

// Rules between records (offsets inside the text, tag ids that exist) are deliberately not checked:
// breaking one is the core's to repair, never a reason to set a whole notebook aside.
const id = z.string().min(1);
const offset = z.number().int().min(0);
const timestamp = z.string();

const block = z.object({
  type: z.enum(['heading', 'paragraph', 'quote', 'list-item', 'code']),
  level: z.number().int().min(1).optional(),
  start: offset,
  end: offset,
});

const mark = z.object({
  type: z.enum(['em', 'strong', 'code', 'link']),
  start: offset,
  end: offset,
  href: z.string().optional(),
});

const article = z.object({
  id,
  title: z.string(),
  text: z.string(),
  blocks: z.array(block),
  marks: z.array(mark),
  source: z.string(),
  format: z.enum(['text', 'markdown', 'html', 'pasted']),
  importedAt: timestamp,
  memo: z.string(),
});

const annotation = z.object({
  id,
  articleId: id,
  selectors: z.tuple([
    z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset }),
    z.object({
      type: z.literal('TextQuoteSelector'),
      exact: z.string(),
      prefix: z.string(),
      suffix: z.string(),
    }),
  ]),
  tagIds: z.array(id),
  comment: z.string(),
  createdAt: timestamp,
  updatedAt: timestamp,
  anchor: z.enum(['anchored', 'moved', 'orphaned']),
});

const tag = z.object({
  id,
  name: z.string(),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  description: z.string(),
  createdAt: timestamp,
});

// Unknown keys are stripped rather than refused: refusing would set aside a whole notebook over
// one stray field, which costs the analyst far more than the field is worth.
export const notebookSchema = z.object({
  version: z.literal(1),
  articles: z.array(article),
  annotations: z.array(annotation),
  tags: z.array(tag),
  sampleSeeded: z.boolean(),
});

// Fails to compile when the model and the schema drift apart, even by one optional field: a field
// the schema doesn't know would otherwise be stripped, silently, on the next save. (Mutual
// `extends` is too weak for that; this is the exact-identity check.)
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;
export type SchemaMatchesModel = Assert<Same<z.output<typeof notebookSchema>, NotebookData>>;
