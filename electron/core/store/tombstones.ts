// The tombstones a commit leaves: every delete of an article, annotation or tag writes one, and a
// put of a record that has one (an undo, a merge bringing it back) removes it, so a merge or a sync
// can tell "deleted here" from "never here" (see Tombstone in shared/model.ts). Worked out inside
// the store's queue, against the state the commit applies to, so no other commit can come between.
import {
  TOMBSTONE_COLLECTIONS,
  type Tombstone,
  type TombstoneCollection,
} from '../../shared/model';
import type { Change, NotebookState } from './notebook-data';

const tombstoned = new Set<string>(TOMBSTONE_COLLECTIONS);
const isTombstoned = (collection: string): collection is TombstoneCollection =>
  tombstoned.has(collection);

/**
 * The tombstone changes `changes` implies, in their order, to be applied after them. Built
 * fresh and in shape, so they need no schema check.
 */
export function tombstoneChangesFor(
  state: NotebookState,
  changes: readonly Change[],
  deletedAt: string,
): Change[] {
  const implied: Change[] = [];
  const putHere = new Set<string>();
  const stoneHere = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'meta' || !isTombstoned(change.collection)) continue;
    if (change.kind === 'put') {
      const { id } = change.record;
      putHere.add(id);
      if (state.tombstones.has(id) || stoneHere.delete(id)) {
        implied.push({ kind: 'delete', collection: 'tombstones', id });
      }
      continue;
    }
    const { id, collection } = change;
    // A delete of a record that isn't there deletes nothing, and leaves nothing behind.
    if (!state[collection].has(id) && !putHere.has(id)) continue;
    const record: Tombstone = { id, collection, deletedAt };
    const by = state.meta.analystId;
    if (by !== undefined) record.deletedBy = by;
    stoneHere.add(id);
    implied.push({ kind: 'put', collection: 'tombstones', record });
  }
  return implied;
}
