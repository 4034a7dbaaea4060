// The notebook as the merge will leave it, built up from ours: the records each outcome takes
// from theirs (or deletes), an article taken from theirs with its revisions after ours, and then
// made whole: nothing kept may point at a record that is gone, so a deleted article or tag that
// kept work still needs stays (and the analyst is told).
import type { Annotation, ArticleRecord, Revision, Tag } from '../../shared/model';
import type { NotebookState } from '../store/notebook-data';
import { currentBodyHash } from './content-hash';
import type { Pairs } from './pairs';
import type { Collection } from './peer';

type Records = {
  tags: Map<string, Tag>;
  articles: Map<string, ArticleRecord>;
  annotations: Map<string, Annotation>;
};

export class ResultState implements Records {
  readonly tags: Map<string, Tag>;
  readonly articles: Map<string, ArticleRecord>;
  readonly annotations: Map<string, Annotation>;
  /** Ids whose record now is their version (whole, or an article's details and text). */
  readonly fromTheirs = new Set<string>();
  /** Ids of theirs left out (texts neither side can read): not remembered as seen. */
  readonly skipped = new Set<string>();
  /** For an annotation of theirs (or a copy of one): the id of its article in their notebook. */
  readonly #theirArticle = new Map<string, string>();

  constructor(
    private readonly ours: NotebookState,
    private readonly pairs: Pairs,
  ) {
    this.tags = new Map(ours.tags);
    this.articles = new Map(ours.articles);
    this.annotations = new Map(ours.annotations);
  }

  /** Their version of record `id` (absent: they deleted it, so it goes). */
  take(collection: Collection, id: string, record: Tag | ArticleRecord | Annotation | undefined) {
    const map = this[collection] as Map<string, typeof record>;
    if (!record) {
      map.delete(id);
      this.fromTheirs.delete(id);
      return;
    }
    if (collection === 'articles') {
      const mine = this.ours.articles.get(id);
      map.set(id, mine ? takeArticle(mine, record as ArticleRecord) : record);
    } else {
      map.set(id, record);
    }
    if (collection === 'annotations') {
      const source = this.pairs.annotations.get((record as Annotation).id)?.theirOwn;
      const own = source ?? this.pairs.annotations.get(id)?.theirOwn;
      if (own) this.#theirArticle.set(id, own.articleId);
    }
    this.fromTheirs.add(id);
  }

  /** A copy of their annotation `of`, under a new id, beside ours. */
  copy(of: string, record: Annotation) {
    this.annotations.set(record.id, record);
    this.fromTheirs.add(record.id);
    const own = this.pairs.annotations.get(of)?.theirOwn;
    if (own) this.#theirArticle.set(record.id, own.articleId);
  }

  theirArticleOf(annotation: Annotation): string {
    return this.#theirArticle.get(annotation.id) ?? annotation.articleId;
  }

  /** Our live revisions' bodies: the ones our folder surely has. */
  #ourBodies(): Set<string> {
    const hashes = new Set<string>();
    for (const article of this.ours.articles.values()) {
      for (const r of article.revisions) hashes.add(r.bodyHash);
    }
    return hashes;
  }

  /**
   * Articles of theirs whose texts neither folder can read are not taken: ours stays as it is,
   * or theirs does not come in.
   */
  async refuseUnreadable(text: (hash: string) => Promise<string | undefined>, problems: string[]) {
    const known = this.#ourBodies();
    for (const id of [...this.fromTheirs]) {
      const article = this.articles.get(id);
      if (!article || !this.pairs.articles.has(id)) continue;
      const needed = article.revisions.filter((r) => !known.has(r.bodyHash));
      const readable = await Promise.all(needed.map((r) => text(r.bodyHash)));
      if (readable.every((t) => t !== undefined)) continue;
      const mine = this.ours.articles.get(id);
      if (mine) this.articles.set(id, mine);
      else this.articles.delete(id);
      this.fromTheirs.delete(id);
      this.skipped.add(id);
      problems.push(
        mine
          ? `The other notebook’s text of “${article.title}” can’t be read there, so the article stays as it is here.`
          : `The text of “${article.title}” can’t be read in the other notebook, so it did not come in.`,
      );
    }
  }

  /** Puts back what kept records need; drops only what can't be had from either side. */
  close(problems: string[]) {
    const kept = new Set<string>();
    let lost = 0;
    let changed = true;
    const restore = (collection: 'articles' | 'tags', id: string): boolean => {
      const map = this[collection] as Map<string, Tag | ArticleRecord>;
      if (map.has(id)) return true;
      const pair = this.pairs[collection].get(id);
      const record = pair?.theirs && !this.skipped.has(id) ? pair.theirs : pair?.ours;
      if (!record) return false;
      if (record === pair?.theirs) this.take(collection, id, record);
      else {
        map.set(id, record);
        this.fromTheirs.delete(id);
      }
      kept.add('title' in record ? `“${record.title}”` : `the tag “${record.name}”`);
      changed = true;
      return true;
    };
    while (changed) {
      changed = false;
      for (const annotation of [...this.annotations.values()]) {
        if (
          !this.articles.has(annotation.articleId) &&
          !restore('articles', annotation.articleId)
        ) {
          this.annotations.delete(annotation.id);
          this.fromTheirs.delete(annotation.id);
          this.skipped.add(annotation.id);
          lost++;
          continue;
        }
        const tagIds = annotation.tagIds.filter((t) => this.tags.has(t) || restore('tags', t));
        if (tagIds.length !== annotation.tagIds.length) {
          this.annotations.set(annotation.id, { ...annotation, tagIds });
        }
      }
      for (const tag of [...this.tags.values()]) {
        if (tag.parentId === undefined || this.tags.has(tag.parentId)) continue;
        if (restore('tags', tag.parentId)) continue;
        const { parentId: _gone, ...top } = tag;
        this.tags.set(tag.id, top);
      }
    }
    if (kept.size > 0) {
      problems.push(
        `Deleted in one notebook but still used by work kept from the other, so kept: ${[...kept].join(', ')}.`,
      );
    }
    if (lost > 0) {
      problems.push(
        `${lost} of their annotation${lost === 1 ? ' is' : 's are'} on an article whose text can’t be read, so ${lost === 1 ? 'it' : 'they'} did not come in.`,
      );
    }
  }

  /** Bodies of the articles taken from theirs that none of our live revisions has. */
  bodiesNeeded(ours: NotebookState): string[] {
    void ours;
    const known = this.#ourBodies();
    const needed = new Set<string>();
    for (const id of this.fromTheirs) {
      for (const r of this.articles.get(id)?.revisions ?? []) {
        if (!known.has(r.bodyHash)) needed.add(r.bodyHash);
      }
    }
    return [...needed];
  }

  originalsNeeded(ours: NotebookState): string[] {
    const known = new Set<string>();
    for (const article of ours.articles.values()) {
      for (const r of article.revisions) if (r.original) known.add(r.original.hash);
    }
    const needed = new Set<string>();
    for (const id of this.fromTheirs) {
      for (const r of this.articles.get(id)?.revisions ?? []) {
        if (r.original && !known.has(r.original.hash)) needed.add(r.original.hash);
      }
    }
    return [...needed];
  }
}

/** Our article with their details, memo and attributes, and their text after ours if it differs. */
function takeArticle(ours: ArticleRecord, theirs: ArticleRecord): ArticleRecord {
  const {
    encoding: _e,
    memoUpdatedAt: _ma,
    memoUpdatedBy: _mb,
    updatedAt: _ua,
    updatedBy: _ub,
    ...base
  } = ours;
  return {
    ...base,
    title: theirs.title,
    authors: theirs.authors,
    published: theirs.published,
    source: theirs.source,
    publication: theirs.publication,
    url: theirs.url,
    doi: theirs.doi,
    memo: theirs.memo,
    attributes: theirs.attributes,
    format: theirs.format,
    ...(theirs.encoding !== undefined && { encoding: theirs.encoding }),
    ...(theirs.memoUpdatedAt !== undefined && { memoUpdatedAt: theirs.memoUpdatedAt }),
    ...(theirs.memoUpdatedBy !== undefined && { memoUpdatedBy: theirs.memoUpdatedBy }),
    ...(theirs.updatedAt !== undefined && { updatedAt: theirs.updatedAt }),
    ...(theirs.updatedBy !== undefined && { updatedBy: theirs.updatedBy }),
    revisions: revisionsAfter(ours.revisions, theirs.revisions),
  };
}

/**
 * Our revisions, then theirs we lack (numbered on from ours), so their text becomes current and
 * every older text either side annotated is still there to re-anchor from. Their current text
 * being one of our older ones comes again as a new revision.
 */
function revisionsAfter(ours: readonly Revision[], theirs: readonly Revision[]): Revision[] {
  const current = theirs.at(-1)!;
  if (current.bodyHash === ours.at(-1)!.bodyHash) return [...ours];
  const known = new Set(ours.map((r) => r.bodyHash));
  const extra = theirs.filter((r) => !known.has(r.bodyHash));
  if (!extra.includes(current)) extra.push(current);
  let number = ours.at(-1)!.number;
  return [...ours, ...extra.map((r) => ({ ...r, number: ++number }))];
}

export { currentBodyHash };
