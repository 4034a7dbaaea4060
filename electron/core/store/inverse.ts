// The inverse of a commit: the changes that put every record and setting it touches back as it
// was just before. Worked out from the state before the commit is applied; a record a commit
// touches twice is put back as it was before the first touch.
import type { Change, NotebookState } from './notebook-data';

export function inverseOf(state: NotebookState, changes: readonly Change[]): Change[] {
  const inverse: Change[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    if (change.kind === 'meta') {
      const key = `meta:${change.key}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (change.key === 'sampleSeeded') {
        inverse.push({ kind: 'meta', key: 'sampleSeeded', value: state.meta.sampleSeeded });
      } else if (change.key === 'notebookId') {
        // A notebook's id, once given, is never taken back: other notebooks know it by then.
      } else if (state.meta.analystId !== undefined) {
        inverse.push({ kind: 'meta', key: 'analystId', value: state.meta.analystId });
      }
      // No analyst named before: nothing to put back (an id whose analyst is gone names no one).
      continue;
    }
    const id = change.kind === 'put' ? change.record.id : change.id;
    const key = `${change.collection}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const before = state[change.collection].get(id);
    if (before === undefined) {
      if (change.kind === 'put')
        inverse.push({ kind: 'delete', collection: change.collection, id });
    } else {
      inverse.push({ kind: 'put', collection: change.collection, record: before } as Change);
    }
  }
  return inverse;
}
