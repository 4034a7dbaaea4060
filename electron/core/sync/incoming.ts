// A document from the server as changes to the store: checked with the store's own schemas (a
// document that doesn't pass is not applied, and is counted), its article's bodies fetched from
// the replica and stored first, an annotation held back until its article is in the notebook.
import type { ArticleBody, ArticleRecord, Tag, Tombstone } from '../../shared/model';
import type { Change, NotebookState, NotebookStore } from '../store';
import { canonicalBody } from '../store/bodies';
import { loadValidators } from '../store/schema-loader';
import {
  BODY_ATTACHMENT,
  DOC_VERSION,
  bodyDocIdOf,
  docIdOf,
  type DocKey,
  type NotebookDoc,
} from './documents';
import type { Replica } from './replica';
import {
  keptIdOf,
  moveArticleChanges,
  moveTagChanges,
  namesakeHere,
  sameContent,
  sameTagContent,
  type Twins,
} from './twins';

export type Incoming =
  /** Changes to commit (none: the store already has it so); a remote delete's tombstone. */
  | { kind: 'changes'; changes: Change[]; tombstone?: Tombstone }
  /**
   * Their article is ours under another id, kept as ours (twins.ts): nothing to commit.
   */
  | { kind: 'twin'; keptId: string }
  /**
   * Their article is ours under another id, kept as theirs: ours moves there. `agreed`: the two
   * copies say the same, so the store now holds what the replica does; otherwise it holds ours
   * under their id, for the conflict view to decide between.
   */
  | { kind: 'moved'; changes: Change[]; from: string; agreed: boolean }
  /** Not applied: why, in a few words. */
  | { kind: 'rejected'; reason: string }
  /** Not yet: the document (an article, a body) it needs first, by id. */
  | { kind: 'wait'; on: string };

export interface IncomingContext {
  state: NotebookState;
  store: NotebookStore;
  replica: Replica;
  /** Articles this batch brings in too (an annotation may come with its article). */
  arriving: ReadonlySet<string>;
  /** Places articles by their text (twins.ts); absent: every record is taken as it names. */
  twins?: { pairs: Twins; find: (article: ArticleRecord) => ArticleRecord | undefined };
}

export async function incomingChanges(
  key: DocKey,
  doc: NotebookDoc | { _deleted: true; tombstone?: unknown },
  ctx: IncomingContext,
): Promise<Incoming> {
  if ('_deleted' in doc && doc._deleted) {
    if (!ctx.state[key.collection].has(key.id)) return { kind: 'changes', changes: [] };
    const tombstone = await checkedTombstone(doc.tombstone, key);
    return {
      kind: 'changes',
      changes: [{ kind: 'delete', collection: key.collection, id: key.id }],
      ...(tombstone && { tombstone }),
    };
  }
  const record = doc as Partial<NotebookDoc> & { record?: unknown; v?: unknown };
  if (typeof record.v !== 'number' || record.v > DOC_VERSION) {
    return { kind: 'rejected', reason: 'made by a newer version of the app' };
  }
  if (record.collection !== key.collection) return { kind: 'rejected', reason: 'misnamed' };
  const { changeSchema } = await loadValidators();
  const checked = changeSchema.safeParse({
    kind: 'put',
    collection: key.collection,
    record: record.record,
  });
  if (!checked.success || checked.data.kind !== 'put' || checked.data.record.id !== key.id) {
    return { kind: 'rejected', reason: 'not a valid record' };
  }
  const change = checked.data;
  if (change.collection === 'annotations' || change.collection === 'adjudications') {
    const { articleId } = change.record;
    const here = ctx.twins
      ? ctx.twins.pairs.articleIdHere(ctx.state, ctx.arriving, articleId)
      : ctx.state.articles.has(articleId) || ctx.arriving.has(articleId)
        ? articleId
        : undefined;
    if (here === undefined && change.collection === 'annotations') {
      return { kind: 'wait', on: docIdOf('articles', articleId) };
    }
    // Named by another id of the article or of a tag: placed on the copies this notebook holds.
    const pairs = ctx.twins?.pairs;
    const keptTag = (id: string) => pairs?.keptIdFor(id) ?? id;
    const articleHere = here ?? articleId;
    if (change.collection === 'annotations') {
      const { tagIds } = change.record;
      if (articleHere !== articleId || tagIds.some((id) => keptTag(id) !== id)) {
        const record = {
          ...change.record,
          articleId: articleHere,
          tagIds: [...new Set(tagIds.map(keptTag))],
        };
        return { kind: 'changes', changes: [{ ...change, record }] };
      }
    } else if (articleHere !== articleId || keptTag(change.record.tagId) !== change.record.tagId) {
      const record = {
        ...change.record,
        articleId: articleHere,
        tagId: keptTag(change.record.tagId),
      };
      return { kind: 'changes', changes: [{ ...change, record }] };
    }
  }
  if (change.collection === 'tags' && ctx.twins)
    return placedTag(change.record, ctx.state, ctx.twins.pairs);
  if (change.collection === 'articles') {
    for (const revision of change.record.revisions) {
      const stored = await storeBody(revision.bodyHash, ctx);
      if (stored !== 'ok') return stored;
    }
    const twin = ctx.state.articles.has(key.id) ? undefined : ctx.twins?.find(change.record);
    if (twin && ctx.twins) return twinned(change.record, twin, ctx.state, ctx.twins.pairs);
  }
  return { kind: 'changes', changes: [change] };
}

/**
 * Their tag as this notebook places it: under its parent's kept id, and one with a tag of its name
 * already there (twins.ts), whichever id stays.
 */
function placedTag(theirs: Tag, state: NotebookState, pairs: Twins): Incoming {
  const parentId =
    theirs.parentId === undefined
      ? undefined
      : (pairs.keptIdFor(theirs.parentId) ?? theirs.parentId);
  const placed: Tag = { ...theirs, ...(parentId !== undefined && { parentId }) };
  const namesake = namesakeHere(state, placed, parentId);
  if (!namesake)
    return { kind: 'changes', changes: [{ kind: 'put', collection: 'tags', record: placed }] };
  if (keptIdOf(placed.id, namesake.id) === namesake.id) {
    pairs.pair(placed.id, namesake.id);
    // What here names their tag (its copy, if it was taken in as a tag of its own; annotations and
    // children that came before it) goes to ours.
    const held = state.tags.get(placed.id) ?? placed;
    const changes = moveTagChanges(state, held, namesake, pairs).filter(
      (change) => change.kind !== 'delete' || state.tags.has(change.id),
    );
    if (changes.length === 1) return { kind: 'twin', keptId: namesake.id };
    return { kind: 'moved', changes, from: held.id, agreed: true };
  }
  pairs.pair(namesake.id, placed.id);
  const agreed = sameTagContent(placed, namesake);
  const kept = agreed ? placed : { ...namesake, id: placed.id };
  return {
    kind: 'moved',
    changes: moveTagChanges(state, namesake, kept, pairs),
    from: namesake.id,
    agreed,
  };
}

/** Their article `theirs` is `ours` under another id: which id stays, and what moves. */
function twinned(
  theirs: ArticleRecord,
  ours: ArticleRecord,
  state: NotebookState,
  pairs: Twins,
): Incoming {
  const keptId = keptIdOf(theirs.id, ours.id);
  if (keptId === ours.id) {
    pairs.pair(theirs.id, ours.id);
    return { kind: 'twin', keptId };
  }
  pairs.pair(ours.id, theirs.id);
  const agreed = sameContent(theirs, ours);
  const kept = agreed ? theirs : { ...ours, id: theirs.id };
  return { kind: 'moved', changes: moveArticleChanges(state, ours, kept), from: ours.id, agreed };
}

/** The remote tombstone, when it is one for this record in shape. */
async function checkedTombstone(value: unknown, key: DocKey): Promise<Tombstone | undefined> {
  if (value === undefined) return undefined;
  const { changeSchema } = await loadValidators();
  const checked = changeSchema.safeParse({ kind: 'put', collection: 'tombstones', record: value });
  if (!checked.success || checked.data.kind !== 'put' || checked.data.collection !== 'tombstones')
    return undefined;
  const stone = checked.data.record;
  return stone.id === key.id && stone.collection === key.collection ? stone : undefined;
}

/** Puts body `hash` in the store from the replica, unless the store has it already. */
async function storeBody(hash: string, ctx: IncomingContext): Promise<'ok' | Incoming> {
  try {
    await ctx.store.getBody(hash);
    return 'ok';
  } catch {
    // Not here (or unreadable here): the replica's copy repairs it.
  }
  let bytes: Buffer;
  try {
    bytes = await ctx.replica.getAttachment(bodyDocIdOf(hash), BODY_ATTACHMENT);
  } catch (error) {
    if ((error as { status?: number }).status === 404) {
      return { kind: 'wait', on: bodyDocIdOf(hash) };
    }
    throw error;
  }
  const text = bytes.toString('utf8');
  const { bodySchema } = await loadValidators();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'rejected', reason: 'an article text that is not valid' };
  }
  const checked = bodySchema.safeParse(parsed);
  if (!checked.success) return { kind: 'rejected', reason: 'an article text that is not valid' };
  const canonical = canonicalBody(checked.data as ArticleBody);
  if (canonical.hash !== hash) {
    return { kind: 'rejected', reason: 'an article text that doesn’t match its hash' };
  }
  await ctx.store.putBody(canonical);
  return 'ok';
}
