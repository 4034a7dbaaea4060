// The inverse of a commit: the changes that put every record and setting it touches back as it
// was just before. Worked out from the state before the commit is applied; a record a commit
// touches twice is put back as it was before the first touch.
import type { Change, NotebookState } from './notebook-data';

/**
 * The inverse built one change at a time, so a big commit's can be worked out a slice at a time
 * (the state may not change meanwhile: the store does this inside its commit queue).
 */
export class Inverse {
  readonly changes: Change[] = [];
  readonly #seen = new Set<string>();

  constructor(private readonly state: NotebookState) {}

  add(change: Change): void {
    const { state, changes: inverse } = this;
    const seen = this.#seen;
    if (change.kind === 'meta') {
      const key = `meta:${change.key}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (change.key === 'sampleSeeded') {
        inverse.push({ kind: 'meta', key: 'sampleSeeded', value: state.meta.sampleSeeded });
      } else if (change.key === 'notebookId') {
        // A notebook's id, once given, is never taken back: other notebooks know it by then.
      } else if (state.meta.analystId !== undefined) {
        inverse.push({ kind: 'meta', key: 'analystId', value: state.meta.analystId });
      }
      // No analyst named before: nothing to put back (an id whose analyst is gone names no one).
      return;
    }
    const id = change.kind === 'put' ? change.record.id : change.id;
    const key = `${change.collection}:${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    const before = state[change.collection].get(id);
    if (before === undefined) {
      if (change.kind === 'put')
        inverse.push({ kind: 'delete', collection: change.collection, id });
    } else {
      inverse.push({ kind: 'put', collection: change.collection, record: before } as Change);
    }
  }
}
