// The running sync of one notebook: the replica opened, what the store committed while the app
// wasn't syncing found again (by each record's hash against what was last agreed), the store's
// commits written out as they happen, the replica's changes (the server's, as replication brings
// them) committed in batches through the notebook's write queue, and the status kept for the window.
import type { MergeChoice, MergeConflict } from '../../shared/merge';
import type { SyncState, SyncStatus } from '../../shared/sync';
import type { Change, NotebookStore } from '../store';
import { timeSlicer } from '../turns';
import { SyncConflicts } from './conflicts';
import {
  DELETED,
  SYNCED_COLLECTIONS,
  docIdOf,
  docIdsOf,
  keyOf,
  recordHash,
  stateHash,
} from './documents';
import { KnownRevisions } from './known';
import { replicate, type Remote, type Replication } from './replication';
import { getLocal, loadPouch, openReplica, type Replica } from './replica';
import { settle, type SettleResult } from './settle';
import { Twins } from './twins';

export interface EngineContext {
  store: NotebookStore;
  notebookId: string;
  /** Runs a task in the notebook's write queue (where the writing calls run). */
  runWrite: <T>(task: () => Promise<T>) => Promise<T>;
  newId: () => string;
  now: () => Date;
  /** Hears every change of the status. */
  onStatus: (status: SyncStatus) => void;
  /** Documents sent and received before this start (the status counts since the app started). */
  counted?: { pushed: number; pulled: number };
}

/** Documents settled in one turn of the write queue. */
const BATCH = 500;
/**
 * How often a long drain writes down what was agreed. Between two writes a crash only makes the
 * next start compare more: a record both sides hold the same is agreed again by its hash.
 */
const KNOWN_EVERY_MS = 2000;
const FEED_ID = 'sync-feed';

export class SyncEngine {
  readonly #ctx: EngineContext;
  readonly #replica: Replica;
  readonly #known: KnownRevisions;
  readonly #conflicts: SyncConflicts;
  readonly #twins: Twins;
  readonly #dirty = new Set<string>();
  /** Documents the replica reported with more than one leaf: a losing side (a delete?) came. */
  readonly #otherLeaves = new Set<string>();
  /** What waits for a document (an annotation for its article, an article for a body), by it. */
  readonly #waiting = new Map<string, Set<string>>();
  /** Revisions not applied, and why: not tried again until the server has a newer one. */
  readonly #rejected = new Map<string, { rev: string; reason: string }>();
  #applying = false;
  #closed = false;
  #draining: Promise<void> | undefined;
  #feedSeq: number | string;
  #feedRev: string | undefined;
  #feed: { cancel(): void } | undefined;
  #replication: Replication | undefined;
  #stopCommits: () => void;
  /** As last reported. */
  #status: SyncStatus = { state: 'connecting', pushed: 0, pulled: 0, conflicts: 0 };
  #pushed = 0;
  #pulled = 0;
  #lastSyncedAt: string | undefined;
  #replicationState: Exclude<SyncState, 'off'> = 'connecting';
  #replicationMessage: string | undefined;
  #denied = 0;
  #failure: string | undefined;

  private constructor(
    ctx: EngineContext,
    replica: Replica,
    known: KnownRevisions,
    conflicts: SyncConflicts,
    twins: Twins,
    feed: { since: number | string; rev?: string },
  ) {
    this.#ctx = ctx;
    this.#replica = replica;
    this.#known = known;
    this.#conflicts = conflicts;
    this.#twins = twins;
    this.#feedSeq = feed.since;
    this.#pushed = ctx.counted?.pushed ?? 0;
    this.#pulled = ctx.counted?.pulled ?? 0;
    this.#feedRev = feed.rev;
    this.#stopCommits = ctx.store.onCommit(({ changes }) => {
      if (this.#applying || this.#closed) return;
      this.#mark(docIdsOf(changes));
    });
  }

  /** Opens the replica and starts replicating with `remote`. */
  static async start(ctx: EngineContext, remote: Remote): Promise<SyncEngine> {
    const PouchDB = await loadPouch();
    const replica = await openReplica(ctx.store.dataDir);
    let engine: SyncEngine;
    try {
      const [known, conflicts, twins, feed] = await Promise.all([
        KnownRevisions.load(replica),
        SyncConflicts.load(replica),
        Twins.load(replica),
        getLocal<{ since: number | string }>(replica, FEED_ID),
      ]);
      engine = new SyncEngine(ctx, replica, known, conflicts, twins, {
        since: feed?.since ?? 0,
        ...(feed && { rev: feed._rev }),
      });
    } catch (error) {
      await replica.close().catch(() => undefined);
      throw error;
    }
    await engine.#reconcile();
    engine.#listen();
    engine.#replication = replicate(PouchDB, replica, remote, {
      state: (state, message) => {
        engine.#replicationState = state;
        engine.#replicationMessage = message;
        if (state === 'idle') engine.#lastSyncedAt = ctx.now().toISOString();
        engine.#report();
      },
      written: (direction, count) => {
        if (direction === 'push') engine.#pushed += count;
        else engine.#pulled += count;
        engine.#report();
      },
      denied: (count) => {
        engine.#denied += count;
        engine.#report();
      },
    });
    engine.#report();
    return engine;
  }

  status(): SyncStatus {
    return { ...this.#status };
  }

  listConflicts(): Promise<MergeConflict[]> {
    return this.#conflicts.list(this.#ctx.store.state);
  }

  /** Decides conflicts; call from inside the write queue (a writing call's handler). */
  async resolve(choices: Record<string, MergeChoice>): Promise<number> {
    const resolved = await this.#conflicts.resolve(choices, {
      store: this.#ctx.store,
      known: this.#known,
      newId: this.#ctx.newId,
    });
    this.#report();
    return resolved;
  }

  /** Stops replicating and closes the replica, once the batch under way is done. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#stopCommits();
    this.#feed?.cancel();
    await this.#replication?.cancel();
    await this.#draining?.catch(() => undefined);
    await this.#known.save().catch(() => undefined);
    await this.#replica.close();
  }

  /** Whatever the store holds that differs from what was last agreed: committed while not syncing. */
  async #reconcile() {
    const { state } = this.#ctx.store;
    const slicer = timeSlicer();
    const found: string[] = [];
    for (const collection of SYNCED_COLLECTIONS) {
      for (const [id, record] of state[collection]) {
        const docId = docIdOf(collection, id);
        if (this.#known.get(docId)?.hash !== recordHash(record)) found.push(docId);
        if (slicer.due()) await slicer.pause();
      }
    }
    for (const [docId, known] of this.#known.entries()) {
      const key = keyOf(docId);
      if (key && known.hash !== DELETED && stateHash(state, key) === DELETED) found.push(docId);
    }
    this.#mark(found);
  }

  /** The replica's changes: the server's as replication writes them (and echoes of ours). */
  #listen() {
    const feed = this.#replica.changes({
      since: this.#feedSeq,
      live: true,
      return_docs: false,
      // Every leaf, not only the winner: a conflicting revision that loses is news too.
      style: 'all_docs',
    });
    feed.on(
      'change',
      (change: { id: string; seq: number | string; changes: Array<{ rev: string }> }) => {
        this.#latestSeq = change.seq;
        // Our own write coming back: nothing to do.
        const [only, ...more] = change.changes;
        if (more.length === 0 && this.#known.get(change.id)?.rev === only?.rev) return;
        if (more.length > 0) this.#otherLeaves.add(change.id);
        this.#mark([change.id]);
      },
    );
    feed.on('error', (error: unknown) => {
      if (!this.#closed) console.error('The sync replica’s changes feed failed', error);
    });
    this.#feed = feed;
  }

  #latestSeq: number | string | undefined;

  #mark(docIds: Iterable<string>) {
    for (const id of docIds) this.#dirty.add(id);
    this.#kick();
  }

  #kick() {
    if (this.#dirty.size === 0 || this.#closed || this.#draining) return;
    this.#draining = this.#drain().finally(() => {
      this.#draining = undefined;
      this.#report();
      this.#kick();
    });
    this.#report();
  }

  async #drain() {
    let pause = 0;
    let saved = performance.now();
    while (this.#dirty.size > 0 && !this.#closed) {
      const batch = [...this.#dirty].slice(0, BATCH);
      for (const id of batch) this.#dirty.delete(id);
      const seq = this.#dirty.size === 0 ? this.#latestSeq : undefined;
      try {
        const result = await this.#ctx.runWrite(async () => {
          if (this.#closed) return undefined;
          const settled = await settle(
            batch,
            this.#settleContext(),
            (docId, rev) => this.#rejected.get(docId)?.rev === rev,
          );
          await this.#conflicts.note(settled.conflicted, settled.clear, this.#twins);
          for (const id of batch) this.#otherLeaves.delete(id);
          // Before the next batch relies on them: a record naming a moved article's old id.
          await this.#twins.save();
          return settled;
        });
        if (!result) return;
        if (this.#dirty.size === 0 || performance.now() - saved > KNOWN_EVERY_MS) {
          await this.#known.save();
          saved = performance.now();
        }
        this.#failure = undefined;
        pause = 0;
        this.#take(result);
        if (seq !== undefined && this.#dirty.size === 0 && this.#waiting.size === 0) {
          await this.#saveFeed(seq);
        }
      } catch (error) {
        if (this.#closed) return;
        for (const id of batch) this.#dirty.add(id);
        this.#failure = `Changes could not be brought into the notebook: ${(error as Error).message}`;
        console.error('Sync could not settle a batch', error);
        this.#report();
        pause = Math.min(Math.max(pause * 2, 1000), 30_000);
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  #settleContext() {
    return {
      store: this.#ctx.store,
      replica: this.#replica,
      known: this.#known,
      notebookId: this.#ctx.notebookId,
      twins: this.#twins,
      otherLeaves: this.#otherLeaves,
      commitIncoming: async (changes: Change[]) => {
        this.#applying = true;
        try {
          await this.#ctx.store.commit(changes);
        } finally {
          this.#applying = false;
        }
      },
    };
  }

  #take(result: SettleResult) {
    for (const id of result.again) this.#dirty.add(id);
    for (const { docId, rev, reason } of result.rejected)
      this.#rejected.set(docId, { rev, reason });
    for (const id of result.applied) {
      this.#rejected.delete(id);
      const waiters = this.#waiting.get(id);
      if (waiters) {
        this.#waiting.delete(id);
        for (const waiter of waiters) this.#dirty.add(waiter);
      }
    }
    for (const { docId, on } of result.waiting) {
      const waiters = this.#waiting.get(on) ?? new Set<string>();
      waiters.add(docId);
      this.#waiting.set(on, waiters);
    }
  }

  async #saveFeed(since: number | string) {
    try {
      const written = await this.#replica.put({
        _id: `_local/${FEED_ID}`,
        ...(this.#feedRev && { _rev: this.#feedRev }),
        since,
      });
      this.#feedRev = written.rev;
      this.#feedSeq = since;
    } catch (error) {
      // Only a longer read of the feed at the next start.
      console.error('Sync could not note how far it got', error);
    }
  }

  #report() {
    if (this.#closed) return;
    const busy = this.#dirty.size > 0 || this.#draining !== undefined;
    let state: SyncState = this.#replicationState;
    if (busy && (state === 'idle' || state === 'connecting')) state = 'syncing';
    const messages = [
      state === 'offline' || state === 'error' ? this.#replicationMessage : undefined,
      this.#failure,
      this.#rejected.size > 0
        ? `${this.#rejected.size} change${this.#rejected.size === 1 ? '' : 's'} from the server ${this.#rejected.size === 1 ? 'was' : 'were'} not applied: not a valid record for this version of the app.`
        : undefined,
      this.#denied > 0
        ? `The server refused ${this.#denied} change${this.#denied === 1 ? '' : 's'} from here.`
        : undefined,
    ].filter((m): m is string => m !== undefined);
    const next: SyncStatus = {
      state,
      ...(this.#lastSyncedAt && { lastSyncedAt: this.#lastSyncedAt }),
      pushed: this.#pushed,
      pulled: this.#pulled,
      conflicts: this.#conflicts.count,
      ...(messages.length > 0 && { message: messages.join(' ') }),
    };
    const before = this.#status;
    this.#status = next;
    if (
      before.state !== next.state ||
      before.lastSyncedAt !== next.lastSyncedAt ||
      before.pushed !== next.pushed ||
      before.pulled !== next.pulled ||
      before.conflicts !== next.conflicts ||
      before.message !== next.message
    ) {
      this.#ctx.onStatus(this.status());
    }
  }
}
