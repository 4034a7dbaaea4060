// What the two notebooks remember of their meetings (shared/model.ts Peer): each keeps, for the
// other, every record's content hash as the other held it after a merge, under its own ids, so a
// later merge tells which side changed a record since. Where the two sides' ids for a record
// differ (the same article imported on both sides; a tag both made under one path, decided to be
// one code), seen also holds `alias:<collection>:<their id>` → our id. A record they had deleted
// and we kept is `GONE`, so their old delete is not asked about again.
//
// Both memories count: ours of them (their records at our last merge, in our ids) and theirs of
// us (our records at their last merge of us, in their ids). A record B got from A when B merged A
// is in B's memory only, and tells A at A's next merge that A's record is as B last saw it.
import type { Peer } from '../../shared/model';
import type { NotebookState } from '../store/notebook-data';

export type Collection = 'articles' | 'annotations' | 'tags';

export const seenKey = (collection: Collection, id: string) => `${collection}:${id}`;
const aliasKey = (collection: Collection, id: string) => `alias:${collection}:${id}`;

/** A record the other notebook had deleted when we kept ours. */
export const GONE = 'gone';

type Seen = Peer['seen'];
const lookup = (seen: Seen | undefined, key: string) =>
  seen && Object.hasOwn(seen, key) ? seen[key] : undefined;

export interface Meeting {
  /** Our record of the other notebook; absent: this notebook never merged it. */
  peer: Peer | undefined;
  /** Their record of us; absent: they never merged this notebook. */
  theirPeer: Peer | undefined;
  /** Their record's hash as we saw it, by our id. */
  ourBase(collection: Collection, ourId: string): string | undefined;
  /** Our record's hash as they saw it, by their id. */
  theirBase(collection: Collection, theirId: string): string | undefined;
  /** Our id for a record of theirs matched before (by either side). */
  alias(collection: Collection, theirId: string): string | undefined;
  /** Their id for a record of ours matched before (by either side). */
  theirAlias(collection: Collection, ourId: string): string | undefined;
}

export function lastMeeting(
  ours: NotebookState,
  theirs: NotebookState,
  peerIds: { theirs: string; theirFolder: string; ourFolder: string },
): Meeting {
  const peer = ours.peers.get(peerIds.theirs) ?? ours.peers.get(peerIds.theirFolder);
  const ownId = ours.meta.notebookId;
  const theirPeer =
    (ownId !== undefined ? theirs.peers.get(ownId) : undefined) ??
    theirs.peers.get(peerIds.ourFolder);
  // Their aliases run the other way: their key names our id, their value their own.
  const reverse = new Map<string, string>();
  for (const [key, value] of Object.entries(theirPeer?.seen ?? {})) {
    if (!key.startsWith('alias:')) continue;
    const [, collection, id] = key.split(':');
    reverse.set(aliasKey(collection as Collection, value), id!);
  }
  const forward = new Map<string, string>();
  for (const [key, value] of Object.entries(peer?.seen ?? {})) {
    if (!key.startsWith('alias:')) continue;
    const [, collection, id] = key.split(':');
    forward.set(aliasKey(collection as Collection, value), id!);
  }
  return {
    peer,
    theirPeer,
    ourBase: (collection, ourId) => lookup(peer?.seen, seenKey(collection, ourId)),
    theirBase: (collection, theirId) => lookup(theirPeer?.seen, seenKey(collection, theirId)),
    alias: (collection, theirId) =>
      lookup(peer?.seen, aliasKey(collection, theirId)) ??
      reverse.get(aliasKey(collection, theirId)),
    theirAlias: (collection, ourId) =>
      forward.get(aliasKey(collection, ourId)) ??
      lookup(theirPeer?.seen, aliasKey(collection, ourId)),
  };
}

/** Builds a Peer's `seen`: hashes by our id, and the ids of theirs that differ from ours. */
export class SeenBuilder {
  readonly seen: Seen = {};

  record(collection: Collection, ourId: string, theirId: string, hash: string) {
    this.seen[seenKey(collection, ourId)] = hash;
    if (ourId !== theirId) this.seen[aliasKey(collection, theirId)] = ourId;
  }
}
