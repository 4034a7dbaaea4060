// The merge's rule for one record, from its hashes: ours and theirs now, and what the two
// notebooks' memories of their last meetings say (peer.ts): theirs as we saw it at our last merge
// of them, ours as they saw it at their last merge of us. A side whose record is as a meeting saw
// it has not changed it since; the other side's change is taken. Both changed differently is a
// conflict; a delete against an unchanged record deletes it, against a changed one is a conflict.
// A record only one side has, seen by no meeting, is that side's addition, unless the other
// side's tombstone says it had it and deleted it: that is asked too.
import { GONE } from './peer';

export type Verdict =
  /** Both hold the same, or neither holds it: nothing to do. */
  | 'same'
  /** Ours stands (ours changed, ours was added, or our delete stands). */
  | 'ours'
  /** Theirs is taken: put their version, or delete ours when they deleted it. */
  | 'theirs'
  | 'conflict';

export interface Sides {
  /** In our ids. */
  ours: string | undefined;
  theirs: string | undefined;
  /** The same records in their ids. */
  oursAsTheirs: string | undefined;
  theirsOwn: string | undefined;
  /** Our memory (our ids) and theirs (their ids). */
  ourBase: string | undefined;
  theirBase: string | undefined;
  /** A tombstone of the record on our side, and on theirs. */
  oursDeleted: boolean;
  theirsDeleted: boolean;
}

export function verdictOf(s: Sides): Verdict {
  if (s.ours === s.theirs) return 'same';
  const met = s.ourBase !== undefined || s.theirBase !== undefined;
  const oursKnown =
    s.ours !== undefined && (s.ours === s.ourBase || s.oursAsTheirs === s.theirBase);
  const theirsKnown =
    s.theirs !== undefined && (s.theirs === s.ourBase || s.theirsOwn === s.theirBase);
  if (s.ours !== undefined && s.theirs !== undefined) {
    if (!met) return 'conflict';
    if (theirsKnown) return 'ours';
    return oursKnown ? 'theirs' : 'conflict';
  }
  if (s.ours === undefined) {
    if (met && s.ourBase !== GONE) return theirsKnown ? 'ours' : 'conflict';
    return s.oursDeleted ? 'conflict' : 'theirs';
  }
  // Their delete was asked about before, and ours kept.
  if (s.ourBase === GONE) return 'ours';
  if (met) return oursKnown ? 'theirs' : 'conflict';
  return s.theirsDeleted ? 'conflict' : 'ours';
}
