// The bench data as the notebook stores it: the article record, its reader view, the codebook and
// the 10,000 annotations, and the small articles with theirs, all with fixed ids and dates so
// every run writes the same notebook.
import { createHash } from 'node:crypto';
import {
  TAG_PALETTE,
  type Analyst,
  type Annotation,
  type Article,
  type ArticleBody,
  type ArticleRecord,
  type Tag,
} from '../../electron/shared/model';
import type { BenchData, BenchPassage } from './generate';

export const ARTICLE_ID = '0b5e7c1a-3d2f-4e6a-9c8b-bench0000001';
const EPOCH = Date.UTC(2024, 5, 11, 9, 0, 0);
const stamp = (seconds: number) => new Date(EPOCH + seconds * 1000).toISOString();

export interface BenchRecords {
  record: ArticleRecord;
  article: Article;
  tags: Tag[];
  /** The big article's 10,000 (the small articles' are in `small`). */
  annotations: Annotation[];
  /** Who is coding: named, so the window doesn't ask on first run (as after any first session). */
  analyst: Analyst;
  /** Imported before the big article, so the library lists it above them. */
  small: Array<{ record: ArticleRecord; article: Article; annotations: Annotation[] }>;
}

/** The small article number `i` (from 0): ids of the same shape as ARTICLE_ID. */
export const smallArticleId = (i: number) =>
  `0b5e7c1a-3d2f-4e6a-9c8b-small${String(i + 1).padStart(7, '0')}`;

/**
 * The hash the bench puts in the record. The store computes its own address in putBody; the data
 * dir builder uses that one, so this is only for the in-memory records (export, naive files).
 */
export const bodyHashOf = (body: ArticleBody) =>
  createHash('sha256').update(JSON.stringify(body)).digest('hex');

export function benchRecords(
  data: BenchData,
  bodyHash = bodyHashOf(data.body),
  smallHashes = data.small.map((a) => bodyHashOf(a.body)),
): BenchRecords {
  const record: ArticleRecord = {
    id: ARTICLE_ID,
    title: data.title,
    authors: [],
    published: '',
    source: 'https://example.org/bench/regional-economy-digest',
    publication: '',
    url: '',
    doi: '',
    format: 'text',
    importedAt: stamp(0),
    memo: '',
    attributes: {},
    revisions: [{ number: 1, createdAt: stamp(0), reason: 'import', bodyHash }],
  };
  const article: Article = { ...record, ...data.body, revision: 1 };
  const tags: Tag[] = data.tagNames.map((name, i) => ({
    id: `7a9d0000-0000-4000-a000-${String(i).padStart(12, '0')}`,
    name,
    color: TAG_PALETTE[i % TAG_PALETTE.length]!,
    description: i % 3 === 0 ? `Passages about ${name}.` : '',
    whenToUse: '',
    whenNotToUse: '',
    example: '',
    createdAt: stamp(1 + i),
  }));
  const annotationOf = (articleId: string, p: BenchPassage, seconds: number): Annotation => ({
    id: p.id,
    articleId,
    selectors: p.selectors,
    revision: 1,
    tagIds: p.tagIndexes.map((t) => tags[t]!.id),
    comment: p.comment,
    createdAt: stamp(seconds),
    updatedAt: stamp(seconds),
    anchor: 'anchored',
  });
  const annotations = data.passages.map((p, i) => annotationOf(ARTICLE_ID, p, 100 + i));
  let made = annotations.length;
  const small = data.small.map((s, i) => {
    const id = smallArticleId(i);
    const importedAt = stamp(-86_400 * (data.small.length - i));
    const smallRecord: ArticleRecord = {
      ...record,
      id,
      title: s.title,
      source: `https://example.org/bench/brief-${i + 1}`,
      importedAt,
      attributes: s.attributes,
      revisions: [
        { number: 1, createdAt: importedAt, reason: 'import', bodyHash: smallHashes[i]! },
      ],
    };
    return {
      record: smallRecord,
      article: { ...smallRecord, ...s.body, revision: 1 },
      annotations: s.passages.map((p) => annotationOf(id, p, 100 + made++)),
    };
  });
  const analyst: Analyst = {
    id: '5e1f0000-0000-4000-a000-bench0analyst',
    name: 'Bench Analyst',
    initials: 'BA',
    color: TAG_PALETTE[0]!,
    createdAt: stamp(-86_400 * (data.small.length + 1)),
  };
  return { record, article, tags, annotations, small, analyst };
}

/** Reading order, as the service lists annotations: by start, the longer passage first. */
export const inReadingOrder = (annotations: Annotation[]) =>
  [...annotations].sort(
    (a, b) =>
      a.selectors[0].start - b.selectors[0].start || b.selectors[0].end - a.selectors[0].end,
  );
