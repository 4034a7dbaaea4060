// Each record's content as a short hash, in our notebook's ids: what a merge compares to tell
// whether a side changed a record since the two notebooks last met. Only what the analyst changes
// counts: who and when, where a passage sits in a revision and whether it waits for review are
// each notebook's own.
import { createHash } from 'node:crypto';
import type { Annotation, ArticleRecord, Tag } from '../../shared/model';

export const hashOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/** Our id for an id of theirs (the same id where no match said otherwise). */
export type IdMap = (id: string) => string;
const same: IdMap = (id) => id;

export const tagContent = (tag: Tag, tagId: IdMap = same) => ({
  name: tag.name,
  color: tag.color,
  description: tag.description,
  whenToUse: tag.whenToUse,
  whenNotToUse: tag.whenNotToUse,
  example: tag.example,
  parentId: tag.parentId === undefined ? null : tagId(tag.parentId),
});

export const currentBodyHash = (article: ArticleRecord) => article.revisions.at(-1)!.bodyHash;

export const articleContent = (article: ArticleRecord) => ({
  title: article.title,
  authors: article.authors,
  published: article.published,
  source: article.source,
  publication: article.publication,
  url: article.url,
  doi: article.doi,
  memo: article.memo,
  attributes: Object.entries(article.attributes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  format: article.format,
  text: currentBodyHash(article),
});

export const annotationContent = (
  annotation: Annotation,
  articleId: IdMap = same,
  tagId: IdMap = same,
) => ({
  articleId: articleId(annotation.articleId),
  quote: annotation.selectors[1].exact,
  tagIds: [...new Set(annotation.tagIds.map(tagId))].sort(),
  comment: annotation.comment,
});

export const tagHash = (tag: Tag, tagId?: IdMap) => hashOf(tagContent(tag, tagId));
export const articleHash = (article: ArticleRecord) => hashOf(articleContent(article));
export const annotationHash = (annotation: Annotation, articleId?: IdMap, tagId?: IdMap) =>
  hashOf(annotationContent(annotation, articleId, tagId));
