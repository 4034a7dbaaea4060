// Which record of ours each record of theirs is. Articles: an earlier merge's match, the same id
// (here or deleted here), else the content hash of the first revision's body (imported on both
// sides). Tags: an earlier match, the same id, else the same name under the same parent, which is
// a question (one code, or two?) unless answered before. Annotations: by id alone.
import { tagKey, type Tag } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import type { NotebookState } from '../store/notebook-data';
import type { Meeting } from './peer';

export interface Matches {
  /** Their article id → ours. */
  articles: Map<string, string>;
  /** Their tag id → ours. */
  tags: Map<string, string>;
  /** Their tags named as one of ours is under the same parent, with another id: to ask. */
  tagPaths: Array<{ theirs: Tag; ours: Tag }>;
}

/** How a same-path question was answered: one code (their tag is ours), or two. */
export type TagPathAnswer = 'one' | 'two';

export function matchRecords(
  ours: NotebookState,
  theirs: NotebookState,
  meeting: Meeting,
  answer: (theirTagId: string) => TagPathAnswer,
): Matches {
  const articles = matchArticles(ours, theirs, meeting);
  const tags = new Map<string, string>();
  const tagPaths: Matches['tagPaths'] = [];
  const ourTree = new TagTree(ours.tags.values());
  const taken = new Set<string>();
  const known = (id: string) => ours.tags.has(id) || ours.tombstones.has(id);
  // Parents first, so a child is looked for under the tag its parent became.
  for (const tag of new TagTree(theirs.tags.values()).ordered()) {
    const alias = meeting.alias('tags', tag.id);
    if (alias !== undefined) {
      tags.set(tag.id, alias);
      taken.add(alias);
      continue;
    }
    if (known(tag.id)) {
      tags.set(tag.id, tag.id);
      taken.add(tag.id);
      continue;
    }
    const parent =
      tag.parentId === undefined ? undefined : (tags.get(tag.parentId) ?? tag.parentId);
    const namesake = ourTree
      .children(parent)
      .find(
        (t) => tagKey(t.name) === tagKey(tag.name) && !taken.has(t.id) && !theirs.tags.has(t.id),
      );
    if (namesake) {
      tagPaths.push({ theirs: tag, ours: namesake });
      if (answer(tag.id) === 'one') {
        tags.set(tag.id, namesake.id);
        taken.add(namesake.id);
        continue;
      }
    }
    tags.set(tag.id, tag.id);
  }
  return { articles, tags, tagPaths };
}

function matchArticles(ours: NotebookState, theirs: NotebookState, meeting: Meeting) {
  const matched = new Map<string, string>();
  const taken = new Set<string>();
  const byFirstBody = new Map<string, string[]>();
  for (const article of ours.articles.values()) {
    const hash = article.revisions[0]?.bodyHash;
    if (hash === undefined) continue;
    const list = byFirstBody.get(hash);
    if (list) list.push(article.id);
    else byFirstBody.set(hash, [article.id]);
  }
  const pending = [];
  for (const article of theirs.articles.values()) {
    const alias = meeting.alias('articles', article.id);
    const id =
      alias ??
      (ours.articles.has(article.id) || ours.tombstones.has(article.id) ? article.id : undefined);
    if (id === undefined) pending.push(article);
    else {
      matched.set(article.id, id);
      taken.add(id);
    }
  }
  // By content only once every id has claimed its own: an article of ours that one of theirs
  // is by id is not also another of theirs by content.
  for (const article of pending) {
    const hash = article.revisions[0]?.bodyHash;
    const candidate = (hash === undefined ? [] : (byFirstBody.get(hash) ?? [])).find(
      (id) => !taken.has(id) && !theirs.articles.has(id),
    );
    const id = candidate ?? article.id;
    matched.set(article.id, id);
    taken.add(id);
  }
  return matched;
}
