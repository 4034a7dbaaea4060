// One article imported on two machines (the bundled sample, a PDF the team shares) has an id on
// each. Sync matches them by their text, as a merge does: two articles with the same revisions (the
// same body hashes, in order, so revision numbers and every passage's place agree) are one, and
// both machines settle on the smaller id, so they choose alike without asking each other.
//   - The machine holding the other id moves its copy there, with its annotations and
//     adjudications, and sends that as its own change (the old id's delete, the records pointed
//     at the kept id).
//   - A machine holding the kept id takes the other id's article as its own, and every record that
//     arrives naming the other id as naming its own.
// Tags are matched the same way by their place in the tree: two tags of one name under one parent
// (the same code, made on each machine) are one, kept under the smaller id, the other's annotations,
// children and adjudications moved to it.
// The pairs are kept in the replica's _local documents (never replicated), so a record naming the
// other id that arrives after that record was deleted is still placed.
import {
  tagKey,
  type Adjudication,
  type Annotation,
  type ArticleRecord,
  type Tag,
} from '../../shared/model';
import type { Change, NotebookState } from '../store';
import { recordHash } from './documents';
import { getLocal, type Replica } from './replica';

const TWINS_ID = 'sync-twins';

/** Two machines' copies of one article or tag settle on the smaller id: the same choice on both. */
export const keptIdOf = (a: string, b: string) => (a < b ? a : b);

/** An article's text as sync compares it: every revision's body hash, in order. */
const textKeyOf = (article: ArticleRecord) => article.revisions.map((r) => r.bodyHash).join(' ');

/** `record` without `keys`: a copy's content, as two machines' copies are compared by it. */
function without<T extends object, K extends keyof T>(record: T, keys: readonly K[]): Omit<T, K> {
  const rest: Partial<T> = { ...record };
  for (const key of keys) delete rest[key];
  return rest as Omit<T, K>;
}

/**
 * What the analyst wrote about an article, without when or by whom each copy was made or changed,
 * or from which file: each copy's revisions were made at its own import, perhaps from a file of
 * another name.
 */
const contentOf = (article: ArticleRecord) => ({
  ...without(article, [
    'id',
    'importedAt',
    'updatedAt',
    'updatedBy',
    'memoUpdatedAt',
    'memoUpdatedBy',
    'revisions',
  ]),
  revisions: article.revisions.map(({ number, reason, bodyHash }) => [number, reason, bodyHash]),
});

/** Whether two copies of an article say the same in everything the analyst wrote. */
export const sameContent = (a: ArticleRecord, b: ArticleRecord) =>
  recordHash(contentOf(a)) === recordHash(contentOf(b));

export class Twins {
  /** The other id → the kept id, for every pair met. */
  readonly #keptFor = new Map<string, string>();
  #rev: string | undefined;
  #changed = false;

  private constructor(private readonly replica: Replica) {}

  static async load(replica: Replica): Promise<Twins> {
    const twins = new Twins(replica);
    const kept = await getLocal<{ pairs: Record<string, string> }>(replica, TWINS_ID);
    if (kept) {
      twins.#rev = kept._rev;
      for (const [other, keptId] of Object.entries(kept.pairs ?? {})) {
        if (typeof keptId === 'string') twins.#keptFor.set(other, keptId);
      }
    }
    return twins;
  }

  /**
   * Finds, for an article, the one here that holds the same text under another id (the smallest
   * such id). The articles are indexed on first use: call it again once the store has changed.
   */
  twinFinder(state: NotebookState): (article: ArticleRecord) => ArticleRecord | undefined {
    let byText: Map<string, ArticleRecord[]> | undefined;
    return (article) => {
      if (!byText) {
        byText = new Map();
        for (const candidate of state.articles.values()) {
          if (candidate.recovered) continue;
          const key = textKeyOf(candidate);
          byText.set(key, [...(byText.get(key) ?? []), candidate]);
        }
      }
      let found: ArticleRecord | undefined;
      for (const candidate of byText.get(textKeyOf(article)) ?? []) {
        if (candidate.id === article.id) continue;
        if (!found || candidate.id < found.id) found = candidate;
      }
      return found;
    };
  }

  /** Notes that `other` and `kept` are one article, kept as `kept`. */
  pair(other: string, kept: string) {
    if (this.#keptFor.get(other) === kept) return;
    this.#keptFor.set(other, kept);
    this.#changed = true;
  }

  /**
   * The id this notebook holds article `id` under (its kept twin's, when it has one), counting
   * the articles a batch is bringing in; undefined when it holds it under none.
   */
  articleIdHere(state: NotebookState, arriving: ReadonlySet<string>, id: string) {
    const held = (articleId: string) => state.articles.has(articleId) || arriving.has(articleId);
    const kept = this.#keptFor.get(id);
    if (kept !== undefined && held(kept)) return kept;
    return held(id) ? id : undefined;
  }

  /** The id a record named `id` is kept under, when `id` was met as another's twin. */
  keptIdFor(id: string): string | undefined {
    return this.#keptFor.get(id);
  }

  async save(): Promise<void> {
    if (!this.#changed) return;
    this.#changed = false;
    try {
      const written = await this.replica.put({
        _id: `_local/${TWINS_ID}`,
        ...(this.#rev && { _rev: this.#rev }),
        pairs: Object.fromEntries(this.#keptFor),
      });
      this.#rev = written.rev;
    } catch (error) {
      this.#changed = true;
      throw error;
    }
  }
}

/**
 * The changes that move article `from` here to `to` (the record to hold under the kept id): `to`
 * put, `from` removed, its annotations and adjudications pointed at the kept id. Nothing else
 * about them changes (not even when they were last changed), so the two machines' copies of each
 * record come out the same.
 */
export function moveArticleChanges(
  state: NotebookState,
  from: ArticleRecord,
  to: ArticleRecord,
): Change[] {
  const changes: Change[] = [{ kind: 'put', collection: 'articles', record: to }];
  for (const annotation of state.annotations.values()) {
    if (annotation.articleId !== from.id) continue;
    const record: Annotation = { ...annotation, articleId: to.id };
    changes.push({ kind: 'put', collection: 'annotations', record });
  }
  for (const adjudication of state.adjudications.values()) {
    if (adjudication.articleId !== from.id) continue;
    const record: Adjudication = { ...adjudication, articleId: to.id };
    changes.push({ kind: 'put', collection: 'adjudications', record });
  }
  changes.push({ kind: 'delete', collection: 'articles', id: from.id });
  return changes;
}

/**
 * What a tag says, without when or by whom each copy was made or changed, or its colour: each
 * machine gives a new tag the next colour of its own, and the kept copy's colour stands.
 */
const tagContentOf = (tag: Tag) =>
  without(tag, ['id', 'color', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);

/** Whether two copies of a tag say the same (name, place, guidance). */
export const sameTagContent = (a: Tag, b: Tag) =>
  recordHash(tagContentOf(a)) === recordHash(tagContentOf(b));

/** The tag here, other than `tag` itself, with its name under `parentId`. */
export function namesakeHere(
  state: NotebookState,
  tag: Tag,
  parentId: string | undefined,
): Tag | undefined {
  const key = tagKey(tag.name);
  for (const other of state.tags.values()) {
    if (other.id !== tag.id && other.parentId === parentId && tagKey(other.name) === key) {
      return other;
    }
  }
  return undefined;
}

/**
 * The changes that make tag `from` here one with `to` (the record to hold under the kept id): `to`
 * put, `from` removed, its annotations, adjudications and children moved to `to`; a child with a
 * namesake under `to` is one with it too, kept under the smaller id, and so on down.
 */
export function moveTagChanges(state: NotebookState, from: Tag, to: Tag, pairs: Twins): Change[] {
  // Each record changed once, whatever number of moves touch it.
  const tags = new Map<string, Tag>();
  const annotations = new Map<string, Annotation>();
  const adjudications = new Map<string, Adjudication>();
  const removed: string[] = [];
  const move = (loser: Tag, kept: Tag) => {
    tags.set(kept.id, kept);
    for (const annotation of state.annotations.values()) {
      const held = annotations.get(annotation.id) ?? annotation;
      if (!held.tagIds.includes(loser.id)) continue;
      const tagIds = [...new Set(held.tagIds.map((id) => (id === loser.id ? kept.id : id)))];
      annotations.set(annotation.id, { ...held, tagIds });
    }
    for (const adjudication of state.adjudications.values()) {
      if (adjudication.tagId === loser.id) {
        adjudications.set(adjudication.id, { ...adjudication, tagId: kept.id });
      }
    }
    for (const child of state.tags.values()) {
      if (child.parentId !== loser.id) continue;
      const namesake = namesakeHere(state, child, kept.id);
      if (!namesake) {
        tags.set(child.id, { ...(tags.get(child.id) ?? child), parentId: kept.id });
        continue;
      }
      const keepChild = keptIdOf(child.id, namesake.id) === child.id;
      const [childLoser, childKept] = keepChild ? [namesake, child] : [child, namesake];
      pairs.pair(childLoser.id, childKept.id);
      move(childLoser, { ...(tags.get(childKept.id) ?? childKept), parentId: kept.id });
    }
    tags.delete(loser.id);
    removed.push(loser.id);
  };
  move(from, to);
  return [
    ...[...tags.values()].map((record): Change => ({ kind: 'put', collection: 'tags', record })),
    ...[...annotations.values()].map((record): Change => ({
      kind: 'put',
      collection: 'annotations',
      record,
    })),
    ...[...adjudications.values()].map((record): Change => ({
      kind: 'put',
      collection: 'adjudications',
      record,
    })),
    ...removed.map((id): Change => ({ kind: 'delete', collection: 'tags', id })),
  ];
}
