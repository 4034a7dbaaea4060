// The bench data as the notebook stores it: the article record, its reader view, the codebook and
// the 10,000 annotations, all with fixed ids and dates so every run writes the same notebook.
import { createHash } from 'node:crypto';
import {
  TAG_PALETTE,
  type Annotation,
  type Article,
  type ArticleBody,
  type ArticleRecord,
  type Tag,
} from '../../electron/shared/model';
import type { BenchData } from './generate';

export const ARTICLE_ID = '0b5e7c1a-3d2f-4e6a-9c8b-bench0000001';
const EPOCH = Date.UTC(2024, 5, 11, 9, 0, 0);
const stamp = (seconds: number) => new Date(EPOCH + seconds * 1000).toISOString();

export interface BenchRecords {
  record: ArticleRecord;
  article: Article;
  tags: Tag[];
  annotations: Annotation[];
}

/**
 * The hash the bench puts in the record. The store computes its own address in putBody; the data
 * dir builder uses that one, so this is only for the in-memory records (export, naive files).
 */
export const bodyHashOf = (body: ArticleBody) =>
  createHash('sha256').update(JSON.stringify(body)).digest('hex');

export function benchRecords(data: BenchData, bodyHash = bodyHashOf(data.body)): BenchRecords {
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
  const annotations: Annotation[] = data.passages.map((p, i) => ({
    id: p.id,
    articleId: ARTICLE_ID,
    selectors: p.selectors,
    revision: 1,
    tagIds: p.tagIndexes.map((t) => tags[t]!.id),
    comment: p.comment,
    createdAt: stamp(100 + i),
    updatedAt: stamp(100 + i),
    anchor: 'anchored',
  }));
  return { record, article, tags, annotations };
}

/** Reading order, as the service lists annotations: by start, the longer passage first. */
export const inReadingOrder = (annotations: Annotation[]) =>
  [...annotations].sort(
    (a, b) =>
      a.selectors[0].start - b.selectors[0].start || b.selectors[0].end - a.selectors[0].end,
  );
