// Where re-anchoring put each annotation, as it travels back from the worker: three ints per
// annotation in one Int32Array per source (one copy of bytes to clone, where 10k small objects
// would be cloned one by one). Its own module, as the main thread reads these at every revision
// and must not load the worker's tasks (the importers) to do so.
import type { AnchorResult } from '../anchoring';

/** Where one annotation goes. */
export type Placement = Pick<AnchorResult, 'state' | 'start' | 'end'>;

/** A placement's state as a number (its index here), for placements packed three ints each. */
export const PLACEMENT_STATES = [
  'anchored',
  'moved',
  'fuzzy',
  'orphaned',
] as const satisfies readonly Placement['state'][];

/**
 * Each source's placements, in the order of its annotations: [state, start, end] per annotation,
 * -1 for no start or end (an orphan). One typed array is one copy of its bytes to clone.
 */
export type PackedPlacements = Int32Array[];

/** The placement of annotation `i` of a source. */
export function placementAt(packed: Int32Array, i: number): Placement {
  const state = PLACEMENT_STATES[packed[3 * i]!]!;
  const start = packed[3 * i + 1]!;
  const end = packed[3 * i + 2]!;
  return { state, ...(start >= 0 && { start }), ...(end >= 0 && { end }) };
}

export function packPlacements(results: readonly Placement[]): Int32Array {
  const packed = new Int32Array(results.length * 3);
  results.forEach(({ state, start, end }, i) => {
    packed[3 * i] = PLACEMENT_STATES.indexOf(state);
    packed[3 * i + 1] = start ?? -1;
    packed[3 * i + 2] = end ?? -1;
  });
  return packed;
}
