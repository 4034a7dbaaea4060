// The conflicts CouchDB reports (a document's `_conflicts`): kept as a list in the replica, shown
// side by side as a merge's are (ours: the winning revision, as the notebook holds it; theirs:
// the other), and decided by removing the losing revisions, after taking theirs if so chosen.
// Conflicts no one needs to see are settled at once: sides with the same content (two machines
// wrote the same thing), and records the conflict view doesn't show (analysts, the codebook's log,
// adjudications), where CouchDB's winner stands.
import type { MergeChoice, MergeConflict, MergeConflictKind, MergeSide } from '../../shared/merge';
import type { Annotation, ArticleRecord, Tag, Tombstone } from '../../shared/model';
import type { Change, NotebookState } from '../store';
import { conflict } from '../errors';
import { describeAnnotation, describeArticle, describeTag, differing } from './describe';
import {
  DELETED,
  keyOf,
  recordHash,
  stateHash,
  type DeletedDoc,
  type NotebookDoc,
  type RecordDoc,
} from './documents';
import { incomingChanges } from './incoming';
import type { KnownRevisions } from './known';
import type { Twins } from './twins';
import { getLocal, type Replica } from './replica';
import type { NotebookStore } from '../store';
import { loadValidators } from '../store/schema-loader';

const LIST_ID = 'sync-conflicts';

const KINDS: Partial<Record<string, MergeConflictKind>> = {
  articles: 'article',
  annotations: 'annotation',
  tags: 'tag',
};

/** A losing side: another version of the record, or a delete an analyst made (its tombstone). */
type Loser = (RecordDoc | DeletedDoc) & { _rev: string };

interface Sides {
  winner: RecordDoc & { _rev: string };
  losers: Loser[];
}

/**
 * A side's content hash, the ids of articles and tags met as twins read as the ones kept: a side
 * written before its machine placed it on the kept copies says the same as one written after.
 */
function hashOf(side: Loser, twins?: Twins): string {
  if (!('record' in side)) return DELETED;
  if (!twins || side.collection !== 'annotations') return recordHash(side.record);
  const annotation = side.record as Annotation;
  const kept = (id: string) => twins.keptIdFor(id) ?? id;
  return recordHash({
    ...annotation,
    articleId: kept(annotation.articleId),
    tagIds: [...new Set(annotation.tagIds.map(kept))],
  });
}

export class SyncConflicts {
  #ids = new Set<string>();
  #rev: string | undefined;

  private constructor(private readonly replica: Replica) {}

  static async load(replica: Replica): Promise<SyncConflicts> {
    const conflicts = new SyncConflicts(replica);
    const kept = await getLocal<{ ids: string[] }>(replica, LIST_ID);
    if (kept) {
      conflicts.#rev = kept._rev;
      conflicts.#ids = new Set(Array.isArray(kept.ids) ? kept.ids : []);
    }
    return conflicts;
  }

  get count() {
    return this.#ids.size;
  }

  /**
   * Notes what a settle saw: documents with conflicts (those worth showing are kept) and
   * documents without.
   */
  async note(
    conflicted: readonly string[],
    clear: readonly string[],
    twins?: Twins,
  ): Promise<void> {
    let changed = false;
    for (const id of clear) {
      // A delete against an edit is no `_conflicts` of the winner's: asked of the document itself.
      if (this.#ids.has(id) && (await this.#sides(id))) continue;
      changed = this.#ids.delete(id) || changed;
    }
    for (const id of conflicted) {
      const sides = await this.#sides(id);
      if (!sides) {
        changed = this.#ids.delete(id) || changed;
        continue;
      }
      const worthShowing =
        KINDS[sides.winner.collection] !== undefined &&
        sides.losers.some((loser) => hashOf(loser, twins) !== hashOf(sides.winner as Loser, twins));
      if (worthShowing) {
        if (!this.#ids.has(id)) changed = true;
        this.#ids.add(id);
      } else {
        await this.#removeLosers(sides);
        changed = this.#ids.delete(id) || changed;
      }
    }
    if (changed) await this.#save();
  }

  async list(state: NotebookState): Promise<MergeConflict[]> {
    const listed: MergeConflict[] = [];
    for (const id of this.#ids) {
      const sides = await this.#sides(id);
      const kind = sides && KINDS[sides.winner.collection];
      if (!sides || !kind) continue;
      const winner = describe(sides.winner, state);
      const loser = sides.losers[0]!;
      const [ours, theirs] =
        'record' in loser
          ? differing(winner, describe(loser, state))
          : [winner, deletedSide(winner.label, loser.tombstone, state)];
      listed.push({
        id,
        kind,
        ours,
        theirs,
        choices:
          kind === 'annotation' && 'record' in loser
            ? ['ours', 'theirs', 'both']
            : ['ours', 'theirs'],
      });
    }
    return listed;
  }

  /**
   * Decides conflicts: the store's changes in one commit (one undo step: the caller is a writing
   * call), then the losing revisions removed from the replica.
   */
  async resolve(
    choices: Record<string, MergeChoice>,
    ctx: { store: NotebookStore; known: KnownRevisions; newId: () => string },
  ): Promise<number> {
    const { state } = ctx.store;
    const decided: Array<{ sides: Sides; choice: MergeChoice; change?: Change }> = [];
    for (const [id, choice] of Object.entries(choices)) {
      if (!this.#ids.has(id)) continue;
      const sides = await this.#sides(id);
      const key = keyOf(id);
      if (!sides || !key) continue;
      const theirs = sides.losers[0]!;
      if (choice === 'ours') {
        decided.push({ sides, choice });
        continue;
      }
      if (choice === 'both' && (key.collection !== 'annotations' || !('record' in theirs))) {
        throw conflict(
          'Only an annotation changed on both sides can be kept both ways; choose one side for the others.',
        );
      }
      const record =
        choice === 'both' && 'record' in theirs
          ? { ...theirs, record: { ...(theirs.record as Annotation), id: ctx.newId() } }
          : theirs;
      const incoming = await incomingChanges(
        'record' in record && choice === 'both'
          ? { collection: key.collection, id: record.record.id }
          : key,
        record,
        { state, store: ctx.store, replica: this.replica, arriving: new Set() },
      );
      if (incoming.kind !== 'changes') {
        throw conflict(
          'The other version can’t be taken: it needs a record this notebook doesn’t have yet, or it is not valid here. Keep this notebook’s version, or wait for sync to bring the rest.',
        );
      }
      decided.push({ sides, choice, ...(incoming.changes[0] && { change: incoming.changes[0] }) });
    }
    const changes = decided.flatMap((d) => (d.change ? [d.change] : []));
    if (changes.length > 0) await ctx.store.commit(changes);
    for (const { sides, choice } of decided) {
      const id = sides.winner._id;
      if (choice === 'theirs') {
        const key = keyOf(id)!;
        const theirs = sides.losers[0]!;
        // Theirs becomes the winner: their version, or their delete with its tombstone.
        const { v, collection } = theirs;
        const written = await this.replica.put({
          _id: id,
          _rev: sides.winner._rev,
          ...('record' in theirs
            ? { v, collection, record: theirs.record, hash: theirs.hash }
            : {
                _deleted: true,
                v,
                collection,
                hash: DELETED,
                ...(theirs.tombstone && { tombstone: theirs.tombstone }),
                decided: true,
              }),
        });
        ctx.known.set(id, { rev: written.rev, hash: stateHash(state, key) });
      }
      await this.#removeLosers(sides);
      this.#ids.delete(id);
    }
    await ctx.known.save();
    await this.#save();
    return decided.length;
  }

  /** The winner and the other leaves of a document, or undefined when it has no conflict now. */
  async #sides(id: string): Promise<Sides | undefined> {
    let winnerRev: string;
    let leaves: Array<Partial<DeletedDoc> & NotebookDoc & { _rev: string }>;
    try {
      // Every leaf, deleted ones too: CouchDB lets an edit win over a delete, and names the
      // delete in no `_conflicts`, so only the leaves show that someone deleted the record.
      winnerRev = (await this.replica.get(id))._rev;
      // PouchDB's types don't know open_revs: an array of { ok: leaf } or { missing: rev }.
      const open = (await this.replica.get(id, { open_revs: 'all' } as never)) as unknown as Array<
        { ok: (typeof leaves)[0] } | { missing: string }
      >;
      leaves = open.flatMap((leaf) => ('ok' in leaf ? [leaf.ok] : []));
    } catch {
      return undefined;
    }
    const others = leaves.filter((leaf) => leaf._rev !== winnerRev);
    const winnerLeaf = leaves.find((leaf) => leaf._rev === winnerRev);
    const checkedWinner = others.length > 0 && winnerLeaf ? await checked(winnerLeaf) : undefined;
    if (!checkedWinner) return undefined;
    const losers: Loser[] = [];
    for (const leaf of others) {
      if (leaf._deleted) {
        // A delete an analyst made carries its tombstone; a bare deleted leaf is a side decided
        // before (removed as a loser is), and so is the delete such a decision wrote.
        if (
          leaf.hash === DELETED &&
          !leaf.decided &&
          leaf.collection === checkedWinner.collection
        ) {
          losers.push({ ...(leaf as DeletedDoc), _id: id, _rev: leaf._rev });
        }
        continue;
      }
      // A side that is not a valid record can't be shown or taken: it goes as a loser does.
      const valid = await checked(leaf);
      if (valid) losers.push(valid);
      else await this.replica.remove(id, leaf._rev);
    }
    return losers.length > 0 ? { winner: checkedWinner, losers } : undefined;
  }

  async #removeLosers(sides: Sides) {
    await this.replica.bulkDocs(
      sides.losers.map((loser) => ({ _id: loser._id, _rev: loser._rev, _deleted: true })),
    );
  }

  async #save() {
    const written = await this.replica.put({
      _id: `_local/${LIST_ID}`,
      ...(this.#rev && { _rev: this.#rev }),
      ids: [...this.#ids],
    });
    this.#rev = written.rev;
  }
}

/** A leaf with its record as the store would take it, or undefined when it holds none. */
async function checked<D extends NotebookDoc & { _rev: string }>(
  doc: D,
): Promise<(RecordDoc & { _rev: string }) | undefined> {
  if (!('record' in doc)) return undefined;
  const key = keyOf(doc._id);
  if (!key || key.collection !== doc.collection) return undefined;
  const { changeSchema } = await loadValidators();
  const parsed = changeSchema.safeParse({
    kind: 'put',
    collection: key.collection,
    record: doc.record,
  });
  if (!parsed.success || parsed.data.kind !== 'put' || parsed.data.record.id !== key.id) {
    return undefined;
  }
  return { ...doc, record: parsed.data.record as RecordDoc['record'] };
}

/** The side that deleted the record: who and when, from its tombstone. */
function deletedSide(label: string, stone: Tombstone | undefined, state: NotebookState): MergeSide {
  const by = stone?.deletedBy === undefined ? undefined : state.analysts.get(stone.deletedBy)?.name;
  return {
    present: false,
    label,
    lines: ['Deleted'],
    ...((by ?? stone?.deletedBy) !== undefined && { changedBy: by ?? stone!.deletedBy }),
    ...(stone?.deletedAt !== undefined && { changedAt: stone.deletedAt }),
  };
}

function describe(doc: RecordDoc, state: NotebookState) {
  if (doc.collection === 'articles') return describeArticle(doc.record as ArticleRecord, state);
  if (doc.collection === 'annotations') return describeAnnotation(doc.record as Annotation, state);
  return describeTag(doc.record as Tag, state);
}
