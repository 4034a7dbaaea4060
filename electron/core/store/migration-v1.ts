// Format 1 → 2, as a pure function: article text moves out of the lowdb file into content-addressed
// bodies, each article gets its first revision, and each annotation is pinned to that revision.
import { z } from 'zod';
import type { ArticleBody } from '../../shared/model';
import { canonicalBody } from './bodies';
import { articleFormat, block, mark, selectors, tagSchema } from './schema';
import type { NotebookData } from './notebook-data';

/** Format 1 as it was saved: articles with their text inline, annotations without a revision. */
export const notebookV1Schema = z.object({
  version: z.literal(1),
  articles: z.array(
    z.object({
      id: z.string().min(1),
      title: z.string(),
      text: z.string(),
      blocks: z.array(block),
      marks: z.array(mark),
      source: z.string(),
      format: articleFormat,
      importedAt: z.string(),
      memo: z.string(),
    }),
  ),
  annotations: z.array(
    z.object({
      id: z.string().min(1),
      articleId: z.string().min(1),
      selectors,
      tagIds: z.array(z.string().min(1)),
      comment: z.string(),
      createdAt: z.string(),
      updatedAt: z.string(),
      anchor: z.enum(['anchored', 'moved', 'orphaned']),
    }),
  ),
  tags: z.array(tagSchema),
  sampleSeeded: z.boolean(),
});

export type NotebookV1 = z.output<typeof notebookV1Schema>;

export interface UpgradedV1 {
  data: NotebookData;
  /** Bodies to write before the data, by hash (articles with the same text share one). */
  bodies: Map<string, ArticleBody>;
}

export function upgradeFromV1(old: NotebookV1): UpgradedV1 {
  const bodies = new Map<string, ArticleBody>();
  const articles = old.articles.map(({ text, blocks, marks, ...meta }) => {
    const { hash, body } = canonicalBody({ text, blocks, marks });
    bodies.set(hash, body);
    return {
      id: meta.id,
      title: meta.title,
      authors: [],
      published: '',
      source: meta.source,
      publication: '',
      url: '',
      doi: '',
      format: meta.format,
      importedAt: meta.importedAt,
      memo: meta.memo,
      attributes: {},
      revisions: [
        { number: 1, createdAt: meta.importedAt, reason: 'import' as const, bodyHash: hash },
      ],
    };
  });
  return {
    data: {
      version: 2,
      // Format 1 had no journal, so nothing is left to replay over it.
      journalSeq: 0,
      articles,
      // The only revision is the one the selectors were made against, so every anchor still holds.
      annotations: old.annotations.map((a) => ({ ...a, revision: 1 })),
      tags: old.tags.map((t) => ({ ...t, whenToUse: '', whenNotToUse: '', example: '' })),
      analysts: [],
      codebookLog: [],
      tombstones: [],
      adjudications: [],
      peers: [],
      sampleSeeded: old.sampleSeeded,
    },
    bodies,
  };
}
