// What every part of the notebook service shares: the store, and the clock and id source passed in
// so tests can pin them.
import type { NotebookStore } from '../store';

export interface ServiceContext {
  store: NotebookStore;
  now: () => Date;
  newId: () => string;
}

export const isoNow = (ctx: ServiceContext) => ctx.now().toISOString();
