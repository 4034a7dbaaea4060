// The conflicts CouchDB reports (a document's `_conflicts`): kept as a list in the replica, shown
// side by side as a merge's are (ours: the winning revision, as the notebook holds it; theirs:
// the other), and decided by removing the losing revisions, after taking theirs if so chosen.
// Conflicts no one needs to see are settled at once: sides with the same content (two machines
// wrote the same thing), and records the conflict view doesn't show (analysts, the codebook's log,
// adjudications), where CouchDB's winner stands.
import type { MergeChoice, MergeConflict, MergeConflictKind } from '../../shared/merge';
import type { Annotation, ArticleRecord, Tag } from '../../shared/model';
import type { Change, NotebookState } from '../store';
import { conflict } from '../errors';
import { describeAnnotation, describeArticle, describeTag, differing } from './describe';
import { keyOf, recordHash, stateHash, type NotebookDoc, type RecordDoc } from './documents';
import { incomingChanges } from './incoming';
import type { KnownRevisions } from './known';
import { getLocal, type Replica } from './replica';
import type { NotebookStore } from '../store';
import { loadValidators } from '../store/schema-loader';

const LIST_ID = 'sync-conflicts';

const KINDS: Partial<Record<string, MergeConflictKind>> = {
  articles: 'article',
  annotations: 'annotation',
  tags: 'tag',
};

interface Sides {
  winner: RecordDoc & { _rev: string };
  losers: Array<RecordDoc & { _rev: string }>;
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
  async note(conflicted: readonly string[], clear: readonly string[]): Promise<void> {
    let changed = false;
    for (const id of clear) changed = this.#ids.delete(id) || changed;
    for (const id of conflicted) {
      const sides = await this.#sides(id);
      if (!sides) {
        changed = this.#ids.delete(id) || changed;
        continue;
      }
      const worthShowing =
        KINDS[sides.winner.collection] !== undefined &&
        sides.losers.some((loser) => recordHash(loser.record) !== recordHash(sides.winner.record));
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
      const [ours, theirs] = differing(
        describe(sides.winner, state),
        describe(sides.losers[0]!, state),
      );
      listed.push({
        id,
        kind,
        ours,
        theirs,
        choices: kind === 'annotation' ? ['ours', 'theirs', 'both'] : ['ours', 'theirs'],
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
      if (choice === 'both' && key.collection !== 'annotations') {
        throw conflict('Only an annotation can be kept both ways; choose one side for the others.');
      }
      const record =
        choice === 'both'
          ? { ...theirs, record: { ...(theirs.record as Annotation), id: ctx.newId() } }
          : theirs;
      const incoming = await incomingChanges(
        choice === 'both' ? { collection: key.collection, id: record.record.id } : key,
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
        const written = await this.replica.put({
          _id: id,
          _rev: sides.winner._rev,
          v: theirs.v,
          collection: theirs.collection,
          record: theirs.record,
          hash: theirs.hash,
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
    let winner: RecordDoc & { _rev: string; _conflicts?: string[] };
    try {
      winner = (await this.replica.get(id, { conflicts: true })) as unknown as typeof winner;
    } catch {
      return undefined;
    }
    const revs = winner._conflicts ?? [];
    const checkedWinner = revs.length > 0 ? await checked(winner) : undefined;
    if (!checkedWinner) return undefined;
    const losers: Sides['losers'] = [];
    for (const rev of revs) {
      const loser = (await this.replica.get(id, { rev })) as unknown as NotebookDoc & {
        _rev: string;
      };
      // A side that is not a valid record can't be shown or taken: it goes as a loser does.
      const valid = await checked(loser);
      if (valid) losers.push(valid);
      else await this.replica.remove(id, rev);
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

function describe(doc: RecordDoc, state: NotebookState) {
  if (doc.collection === 'articles') return describeArticle(doc.record as ArticleRecord, state);
  if (doc.collection === 'annotations') return describeAnnotation(doc.record as Annotation, state);
  return describeTag(doc.record as Tag, state);
}
