// Brings the store and the replica into agreement for a batch of documents, one decision each
// (decide.ts): the store's changes written into the replica, the server's changes committed to
// the store in one commit. Runs inside the notebook's write queue, so nothing else writes the
// store between reading it and committing to it.
import type { ArticleRecord, Tombstone } from '../../shared/model';
import type { Change, NotebookStore } from '../store';
import { decide, type Decision, type Side } from './decide';
import {
  DELETED,
  bodyHashOf,
  docFromState,
  docIdsOf,
  keyOf,
  recordHash,
  stateHash,
  type DocKey,
  type NotebookDoc,
} from './documents';
import { incomingChanges, type Incoming } from './incoming';
import type { KnownRevisions } from './known';
import { branchOf, pushBodies } from './outgoing';
import type { Replica } from './replica';
import type { Twins } from './twins';

export interface SettleContext {
  store: NotebookStore;
  replica: Replica;
  known: KnownRevisions;
  notebookId: string;
  /** Commits changes that came from the server (not the analyst's: no undo step, no echo). */
  commitIncoming: (changes: Change[]) => Promise<void>;
  /** The articles met under two ids (twins.ts). */
  twins: Twins;
  /** Documents the replica reported with more than one leaf since they were last settled. */
  otherLeaves?: ReadonlySet<string>;
}

export interface SettleResult {
  /** Documents to settle again: a write the replica refused (it moved on), a branch just made. */
  again: string[];
  /** Documents whose winning revision has conflicts, and those that have none now. */
  conflicted: string[];
  clear: string[];
  /** Documents not applied, with why. */
  rejected: Array<{ docId: string; rev: string; reason: string }>;
  /** Documents waiting for another (an annotation for its article, an article for its body). */
  waiting: Array<{ docId: string; on: string }>;
  /** Documents committed to the store (their waiters may go now). */
  applied: string[];
}

type Row = {
  key: string;
  side: Side;
  doc?: NotebookDoc & { _conflicts?: string[] };
  deleted: boolean;
};

export async function settle(
  docIds: readonly string[],
  ctx: SettleContext,
  skip: (docId: string, rev: string) => boolean,
): Promise<SettleResult> {
  const result: SettleResult = {
    again: [],
    conflicted: [],
    clear: [],
    rejected: [],
    waiting: [],
    applied: [],
  };
  const keys = docIds.filter((id) => keyOf(id) !== undefined);
  // A body arriving is news only to what waits for it (the caller's).
  for (const id of docIds) if (bodyHashOf(id)) result.applied.push(id);
  if (keys.length === 0) return result;
  const rows = await readRows(ctx.replica, keys);
  const { state } = ctx.store;

  const pushes: NotebookDoc[] = [];
  const pushHashes = new Map<string, string>();
  const branches: Array<NotebookDoc & { _rev: string }> = [];
  const applies: Array<{ key: DocKey; row: Row }> = [];
  for (const row of rows) {
    const key = keyOf(row.key)!;
    const here = stateHash(state, key);
    const known = ctx.known.get(row.key);
    const decision = decide(here, known, row.side);
    if (row.doc?._conflicts?.length || deleteAgainstEdit(decision.kind, here, row, key, ctx)) {
      result.conflicted.push(row.key);
    } else {
      result.clear.push(row.key);
    }
    if (decision.kind === 'none') {
      ctx.known.set(row.key, decision.known);
    } else if (decision.kind === 'push') {
      const doc = docFromState(state, key);
      pushes.push(decision.parent ? { ...doc, _rev: decision.parent } : doc);
      pushHashes.set(row.key, here);
    } else if (decision.kind === 'branch') {
      branches.push(branchOf(docFromState(state, key), decision.parent, ctx.notebookId));
    } else if (!skip(row.key, row.side.rev!)) {
      applies.push({ key, row });
    }
  }

  await pushBodies(
    pushes.flatMap((doc) =>
      'record' in doc && doc.collection === 'articles' ? [doc.record as ArticleRecord] : [],
    ),
    ctx.replica,
    ctx.store,
  );
  if (pushes.length > 0) {
    const written = await ctx.replica.bulkDocs(pushes as never[]);
    written.forEach((outcome, i) => {
      const id = pushes[i]!._id;
      if ('ok' in outcome && outcome.ok) {
        ctx.known.set(id, { rev: outcome.rev, hash: pushHashes.get(id)! });
      } else {
        // The replica moved on since it was read (the server's change came in): decide again.
        result.again.push(id);
      }
    });
  }
  if (branches.length > 0) {
    await pushBodies(
      branches.flatMap((doc) =>
        'record' in doc && doc.collection === 'articles' ? [doc.record as ArticleRecord] : [],
      ),
      ctx.replica,
      ctx.store,
    );
    await ctx.replica.bulkDocs(branches as never[], { new_edits: false });
    for (const doc of branches) {
      ctx.known.set(doc._id, { rev: doc._rev, hash: doc.hash });
      // Whichever side CouchDB made the winner, the store must hold it: decide again.
      result.again.push(doc._id);
    }
  }
  if (applies.length > 0) await apply(applies, ctx, result);
  return result;
}

/**
 * Whether a delete may have met an edit: CouchDB lets the edit win, and keeps the delete only as a
 * deleted leaf (`_deleted_conflicts`, which allDocs doesn't give), so the conflict list asks the
 * document itself (conflicts.ts). That is when both sides changed it (a branch, whichever side
 * deleted), when the server's record comes onto one deleted here, or when a losing leaf came to a
 * record held here. A record new to this notebook is never such a case, so a first sync asks
 * nothing more.
 */
function deleteAgainstEdit(
  decision: Decision['kind'],
  here: string,
  row: Row,
  key: DocKey,
  ctx: SettleContext,
): boolean {
  if (decision === 'branch') return true;
  if (row.deleted) return false;
  // The same winner with a new losing leaf: a delete that lost to the edit held here.
  if (decision === 'none') return here !== DELETED && (ctx.otherLeaves?.has(row.key) ?? false);
  if (decision !== 'apply' || here !== DELETED) return false;
  return ctx.known.get(row.key) !== undefined || ctx.store.state.tombstones.has(key.id);
}

async function readRows(replica: Replica, keys: string[]): Promise<Row[]> {
  const read = await replica.allDocs({ keys, include_docs: true, conflicts: true });
  return read.rows.map((row, i) => {
    const key = keys[i]!;
    if ('error' in row || !('value' in row)) return { key, side: { hash: DELETED }, deleted: true };
    const value = row.value as { rev: string; deleted?: boolean };
    if (value.deleted || !row.doc) {
      return { key, side: { rev: value.rev, hash: DELETED }, deleted: true };
    }
    const doc = row.doc as unknown as NotebookDoc & { _conflicts?: string[]; record?: unknown };
    // Hashed here, not taken from the document: a document's own claim decides nothing.
    const hash = 'record' in doc ? recordHash(doc.record) : `unreadable:${value.rev}`;
    return { key, side: { rev: value.rev, hash }, doc, deleted: false };
  });
}

/** The server's side of these documents into the store: articles first, then tags, then the rest. */
async function apply(
  applies: Array<{ key: DocKey; row: Row }>,
  ctx: SettleContext,
  result: SettleResult,
): Promise<void> {
  const { state } = ctx.store;
  // Articles and tags first, a tag after its parent: what names them is placed on the copies they
  // settle on (twins.ts).
  const depth = tagDepths(applies);
  const rank = (a: { key: DocKey }) =>
    a.key.collection === 'articles'
      ? 0
      : a.key.collection === 'tags'
        ? 1 + depth(a.key.id)
        : Infinity;
  const ordered = [...applies].sort((x, y) => rank(x) - rank(y));
  const arriving = new Set<string>();
  const changes: Change[] = [];
  const tombstones: Tombstone[] = [];
  const taken: Array<{ key: DocKey; row: Row }> = [];
  /** Their articles held here under our id, differently: ours goes out as a conflicting side. */
  const disagreeing: string[] = [];
  const twins = { pairs: ctx.twins, find: ctx.twins.twinFinder(state) };
  /**
   * An article or tag moved in this batch (twins.ts): the next is placed once that is committed,
   * since a move rewrites records (an annotation's article, its tags) from the store as it is.
   */
  let moved = false;
  for (const item of ordered) {
    const { key, row } = item;
    if (moved && (key.collection === 'tags' || key.collection === 'articles')) {
      result.again.push(row.key);
      continue;
    }
    const doc = row.deleted ? await deletedDoc(ctx.replica, row) : row.doc!;
    const incoming: Incoming = await incomingChanges(key, doc, {
      state,
      store: ctx.store,
      replica: ctx.replica,
      arriving,
      twins,
    });
    if (incoming.kind === 'rejected') {
      result.rejected.push({ docId: row.key, rev: row.side.rev!, reason: incoming.reason });
    } else if (incoming.kind === 'wait') {
      result.waiting.push({ docId: row.key, on: incoming.on });
    } else if (incoming.kind === 'twin') {
      // Held here as ours: agreed as "none here", so only its next change is looked at again.
      taken.push(item);
    } else if (incoming.kind === 'moved') {
      moved = true;
      changes.push(...incoming.changes);
      arriving.add(key.id);
      taken.push(item);
      if (!incoming.agreed) disagreeing.push(row.key);
      // Our copy's records under their new id (and the old id's delete) go out as our changes.
      result.again.push(...docIdsOf(incoming.changes).filter((id) => id !== row.key));
    } else {
      changes.push(...incoming.changes);
      if (incoming.tombstone) tombstones.push(incoming.tombstone);
      if (key.collection === 'articles' && !row.deleted) arriving.add(key.id);
      taken.push(item);
    }
  }
  if (changes.length > 0) await ctx.commitIncoming(changes);
  // The store wrote its own tombstones for those deletes (this machine's time and analyst); the
  // server's say who deleted the record, and when.
  const stones = tombstones.filter((stone) => state.tombstones.has(stone.id));
  if (stones.length > 0) {
    await ctx.commitIncoming(
      stones.map((record) => ({ kind: 'put', collection: 'tombstones', record })),
    );
  }
  for (const { key, row } of taken) {
    ctx.known.set(row.key, { rev: row.side.rev!, hash: stateHash(state, key) });
    result.applied.push(row.key);
  }
  for (const docId of disagreeing) {
    // Never agreed: the next settle writes ours beside theirs, and CouchDB reports the conflict.
    ctx.known.set(docId, undefined);
    result.again.push(docId);
  }
}

/** How deep each tag of the batch sits below the batch's other tags (0: its parent isn't among them). */
function tagDepths(applies: ReadonlyArray<{ key: DocKey; row: Row }>): (id: string) => number {
  const parents = new Map<string, string | undefined>();
  for (const { key, row } of applies) {
    if (key.collection !== 'tags' || !row.doc || !('record' in row.doc)) continue;
    const { parentId } = row.doc.record as { parentId?: unknown };
    parents.set(key.id, typeof parentId === 'string' ? parentId : undefined);
  }
  return (id) => {
    let n = 0;
    // A loop in a damaged tree ends when it has gone round once.
    for (let at = parents.get(id); at !== undefined && parents.has(at) && n <= parents.size; n++) {
      at = parents.get(at);
    }
    return n;
  };
}

/** A deleted winner as written (with its tombstone); allDocs gives none for deleted ones. */
async function deletedDoc(
  replica: Replica,
  row: Row,
): Promise<{ _deleted: true; tombstone?: unknown }> {
  try {
    const doc = (await replica.get(row.key, { rev: row.side.rev! })) as { tombstone?: unknown };
    return { _deleted: true, tombstone: doc.tombstone };
  } catch {
    return { _deleted: true };
  }
}
