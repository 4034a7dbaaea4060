// What the store and the replica last agreed on, per document: the replica's revision then, and
// the hash of the store's record then. It tells, after the fact, which side changed a record:
// the store (its hash moved on) or the server (the replica's winning revision moved on), or both
// (a conflict). Kept in the replica's _local documents (never replicated) in a fixed number of
// buckets, so a commit rewrites a few small documents, and an opening reads them all at once.
import { getLocal, type Replica } from './replica';

export interface Known {
  rev: string;
  /** The store's record hash at that revision (documents.ts DELETED for none). */
  hash: string;
}

const BUCKETS = 64;
const bucketId = (n: number) => `sync-known-${n}`;

/** FNV-1a: a document's bucket, the same on every run. */
function bucketOf(docId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < docId.length; i++) {
    h ^= docId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

type Bucket = { entries: Record<string, Known> };

export class KnownRevisions {
  /** By bucket, then document id. */
  readonly #buckets = Array.from({ length: BUCKETS }, () => new Map<string, Known>());
  readonly #changed = new Set<number>();
  readonly #revs = new Map<number, string>();

  private constructor(private readonly db: Replica) {}

  static async load(db: Replica): Promise<KnownRevisions> {
    const known = new KnownRevisions(db);
    const buckets = await Promise.all(
      Array.from({ length: BUCKETS }, (_, n) => getLocal<Bucket>(db, bucketId(n))),
    );
    buckets.forEach((bucket, n) => {
      if (!bucket) return;
      known.#revs.set(n, bucket._rev);
      for (const [docId, entry] of Object.entries(bucket.entries ?? {})) {
        if (typeof entry?.rev === 'string' && typeof entry.hash === 'string') {
          known.#buckets[n]!.set(docId, { rev: entry.rev, hash: entry.hash });
        }
      }
    });
    return known;
  }

  get(docId: string): Known | undefined {
    return this.#buckets[bucketOf(docId)]!.get(docId);
  }

  *entries(): Iterable<[string, Known]> {
    for (const bucket of this.#buckets) yield* bucket;
  }

  set(docId: string, known: Known | undefined) {
    const n = bucketOf(docId);
    const bucket = this.#buckets[n]!;
    const before = bucket.get(docId);
    if (before?.rev === known?.rev && before?.hash === known?.hash) return;
    if (known) bucket.set(docId, known);
    else bucket.delete(docId);
    this.#changed.add(n);
  }

  /** Writes the buckets that changed since the last save. */
  async save(): Promise<void> {
    if (this.#changed.size === 0) return;
    const numbers = [...this.#changed];
    this.#changed.clear();
    const docs = numbers.map((n) => {
      const entries = Object.fromEntries(this.#buckets[n]!);
      const rev = this.#revs.get(n);
      return { _id: `_local/${bucketId(n)}`, ...(rev && { _rev: rev }), entries };
    });
    try {
      const results = await this.db.bulkDocs(docs);
      results.forEach((result, i) => {
        const n = numbers[i]!;
        if ('ok' in result && result.ok) this.#revs.set(n, result.rev);
        else this.#changed.add(n);
      });
    } catch (error) {
      for (const n of numbers) this.#changed.add(n);
      throw error;
    }
  }
}
