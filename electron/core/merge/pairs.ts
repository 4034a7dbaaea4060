// Each record as the two notebooks hold it, in our ids, with the merge's verdict on it: the
// pairs the plan decides on. Their records are rewritten into our ids here (an article's id, an
// annotation's article and tags, a tag's parent), so the rest of the merge reads one id space.
import type { Annotation, ArticleRecord, Tag } from '../../shared/model';
import type { NotebookState } from '../store/notebook-data';
import { annotationHash, articleHash, tagHash } from './content-hash';
import type { Matches } from './matching';
import type { Collection, Meeting } from './peer';
import { verdictOf, type Verdict } from './three-way';

export interface Pair<T> {
  /** Our id. */
  id: string;
  ours: T | undefined;
  /** Theirs, rewritten into our ids. */
  theirs: T | undefined;
  /** Theirs as they hold it (their ids). */
  theirOwn: T | undefined;
  /** Their version's hash in our ids: what the Peer record keeps for next time. */
  theirHash: string | undefined;
  verdict: Verdict;
}

export interface Pairs {
  tags: Map<string, Pair<Tag>>;
  articles: Map<string, Pair<ArticleRecord>>;
  annotations: Map<string, Pair<Annotation>>;
  tagId: (theirId: string) => string;
  articleId: (theirId: string) => string;
}

export function pairRecords(
  ours: NotebookState,
  theirs: NotebookState,
  matches: Matches,
  meeting: Meeting,
): Pairs {
  const tagId = (id: string) => matches.tags.get(id) ?? id;
  const articleId = (id: string) => matches.articles.get(id) ?? id;
  const backTags = inverse(matches.tags);
  const backArticles = inverse(matches.articles);
  const theirTagId = (id: string) => backTags.get(id) ?? meeting.theirAlias('tags', id) ?? id;
  const theirArticleId = (id: string) =>
    backArticles.get(id) ?? meeting.theirAlias('articles', id) ?? id;
  const sides = { ours, theirs, meeting };
  const retag = (tag: Tag, id: string, map: (id: string) => string): Tag => {
    const { parentId, ...rest } = tag;
    return { ...rest, id, ...(parentId !== undefined && { parentId: map(parentId) }) };
  };
  const tags = pairUp<Tag>(
    'tags',
    ours.tags,
    theirs.tags,
    { ourIdOf: tagId, theirIdOf: theirTagId },
    (tag, id) => retag(tag, id, tagId),
    (tag) => tagHash(retag(tag, tag.id, theirTagId)),
    (tag) => tagHash(tag),
    sides,
  );
  const articles = pairUp<ArticleRecord>(
    'articles',
    ours.articles,
    theirs.articles,
    { ourIdOf: articleId, theirIdOf: theirArticleId },
    (article, id) => ({ ...article, id }),
    articleHash,
    articleHash,
    sides,
  );
  const annotations = pairUp<Annotation>(
    'annotations',
    ours.annotations,
    theirs.annotations,
    { ourIdOf: (id) => id, theirIdOf: (id) => id },
    (annotation) => ({
      ...annotation,
      articleId: articleId(annotation.articleId),
      tagIds: [...new Set(annotation.tagIds.map(tagId))],
    }),
    (annotation) => annotationHash(annotation, theirArticleId, theirTagId),
    (annotation) => annotationHash(annotation),
    sides,
  );
  return { tags, articles, annotations, tagId, articleId };
}

function inverse(map: ReadonlyMap<string, string>): Map<string, string> {
  const back = new Map<string, string>();
  for (const [theirs, ours] of map) if (!back.has(ours)) back.set(ours, theirs);
  return back;
}

function pairUp<T extends { id: string }>(
  collection: Collection,
  ourRecords: ReadonlyMap<string, T>,
  theirRecords: ReadonlyMap<string, T>,
  ids: { ourIdOf: (theirId: string) => string; theirIdOf: (ourId: string) => string },
  rewrite: (record: T, ourId: string) => T,
  /** A record of ours as hashed in their ids; a record in its own notebook's ids. */
  hashAsTheirs: (record: T) => string,
  hash: (record: T) => string,
  sides: { ours: NotebookState; theirs: NotebookState; meeting: Meeting },
): Map<string, Pair<T>> {
  const pairs = new Map<string, Pair<T>>();
  const blank = (id: string): Pair<T> => ({
    id,
    ours: undefined,
    theirs: undefined,
    theirOwn: undefined,
    theirHash: undefined,
    verdict: 'same',
  });
  for (const record of ourRecords.values())
    pairs.set(record.id, { ...blank(record.id), ours: record });
  for (const record of theirRecords.values()) {
    const id = ids.ourIdOf(record.id);
    const pair = pairs.get(id) ?? blank(id);
    const mapped = rewrite(record, id);
    pair.theirs = mapped;
    pair.theirOwn = record;
    pair.theirHash = hash(mapped);
    pairs.set(id, pair);
  }
  for (const pair of pairs.values()) {
    const theirId = pair.theirOwn?.id ?? ids.theirIdOf(pair.id);
    pair.verdict = verdictOf({
      ours: pair.ours && hash(pair.ours),
      theirs: pair.theirHash,
      oursAsTheirs: pair.ours && hashAsTheirs(pair.ours),
      theirsOwn: pair.theirOwn && hash(pair.theirOwn),
      ourBase: sides.meeting.ourBase(collection, pair.id),
      theirBase: sides.meeting.theirBase(collection, theirId),
      oursDeleted: sides.ours.tombstones.has(pair.id),
      theirsDeleted: sides.theirs.tombstones.has(theirId),
    });
  }
  return pairs;
}
