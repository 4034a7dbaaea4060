// Undo and redo, asked of the core's history (electron/core/history): every change the analyst
// made, in order, whichever view made it. What undo and redo would do next is read again after
// each change the core announces, so the labels ("Undo Merge tags") are always current; the views
// refresh themselves from the same announcements.
import type { HistoryState } from '../../../../electron/shared/contract';
import { call, onChanged } from '../api';
import { markStart } from '../perf';
import { coalesced } from './latest';
import { toasts } from './toasts.svelte';

export class History {
  state = $state.raw<HistoryState>({});

  refresh = coalesced(async () => {
    this.state = await call('getHistory', {});
  });

  /** Follows the core's changes; returns the unsubscribe. */
  connect(): () => void {
    void this.refresh();
    return onChanged(() => void this.refresh());
  }

  get nextUndo(): string | undefined {
    return this.state.undo;
  }

  get nextRedo(): string | undefined {
    return this.state.redo;
  }

  /** Undoes the last change; says what was undone, or that there is nothing to undo. */
  async undo(): Promise<boolean> {
    return this.#step('undo');
  }

  async redo(): Promise<boolean> {
    return this.#step('redo');
  }

  async #step(which: 'undo' | 'redo'): Promise<boolean> {
    // Ends once the open article's annotations are repainted after it (annotations.svelte.ts).
    markStart('nb:undo');
    try {
      const result = which === 'undo' ? await call('undo', {}) : await call('redo', {});
      const { undone, redone, ...state } = result as HistoryState & {
        undone?: string;
        redone?: string;
      };
      this.state = state;
      toasts.show(which === 'undo' ? `Undone: ${undone}.` : `Redone: ${redone}.`, {
        key: 'history',
      });
      return true;
    } catch (error) {
      toasts.error(error);
      return false;
    }
  }
}

export const undo = new History();
