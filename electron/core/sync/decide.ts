// What to do with one document, from three facts: the store's record now (its hash), what the
// store and the replica last agreed on (known.ts), and the replica's winning revision now. Pure,
// so every case is tested on its own (tests/unit/core/sync/decide.test.ts).
import type { Known } from './known';
import { DELETED } from './documents';

/** A side as the decision sees it: a revision (none: never in the replica) and a content hash. */
export interface Side {
  rev?: string;
  hash: string;
}

export type Decision =
  /** In agreement; `known` is what to remember (undefined: forget, nothing on either side). */
  | { kind: 'none'; known: Known | undefined }
  /** Only the store changed: write its record on top of the replica's revision (none: new). */
  | { kind: 'push'; parent?: string }
  /** Only the replica changed: take its winning revision into the store. */
  | { kind: 'apply' }
  /**
   * Both changed since they agreed: write the store's record as a branch of the revision they
   * agreed on, so CouchDB holds both and reports a conflict (none agreed: a second root).
   */
  | { kind: 'branch'; parent?: string };

const NEVER: Known | undefined = undefined;

export function decide(store: string, known: Known | undefined, replica: Side): Decision {
  if (store === replica.hash) {
    return { kind: 'none', known: replica.rev ? { rev: replica.rev, hash: store } : NEVER };
  }
  const agreed = known ?? { rev: undefined, hash: DELETED };
  const local = store !== agreed.hash;
  const remote = replica.rev !== agreed.rev;
  if (!local && !remote) return { kind: 'none', known };
  if (local && !remote) return { kind: 'push', ...(replica.rev && { parent: replica.rev }) };
  if (!local) return { kind: 'apply' };
  return { kind: 'branch', ...(agreed.rev && { parent: agreed.rev }) };
}
