// Sync in the window: the configuration and status as the core answers getSync, asked again on
// every progress event of task 'sync' (the core's word that the replication's state changed), and
// the conflicts the server reported, decided through the core.
import type { MergeChoice, MergeConflict } from '../../../../electron/shared/merge';
import type { SyncConfigInput, SyncInfo, SyncStatus } from '../../../../electron/shared/sync';
import { call, messageOf, onChanged, onProgress } from '../../lib/api';

export class SyncView {
  /** null until the core answered. */
  info = $state.raw<SyncInfo | null>(null);
  conflicts = $state.raw<MergeConflict[]>([]);
  #listening = 0;
  #stop: (() => void) | undefined;

  /** Starts following the core; returns a function that stops (the last one stops it). */
  follow(): () => void {
    if (this.#listening++ === 0) {
      const stops = [
        onProgress((progress) => {
          if (progress.task === 'sync') void this.refresh();
        }),
        // A commit (a sync's, an undo's) may change what a conflict's sides show.
        onChanged(() => {
          if (this.conflicts.length > 0) void this.loadConflicts();
        }),
      ];
      this.#stop = () => stops.forEach((stop) => stop());
      void this.refresh();
    }
    return () => {
      if (--this.#listening === 0) this.#stop?.();
    };
  }

  async refresh() {
    try {
      this.info = await call('getSync', {});
    } catch {
      // The window goes on without the indicator; the settings section says why when opened.
    }
  }

  /** Saves the configuration; the refusal's sentence, or null when saved. */
  async save(input: SyncConfigInput): Promise<string | null> {
    try {
      this.info = await call('setSync', input);
      return null;
    } catch (error) {
      return messageOf(error);
    }
  }

  async loadConflicts() {
    this.conflicts = await call('listSyncConflicts', {});
  }

  async resolve(choices: Record<string, MergeChoice>): Promise<number> {
    const { resolved } = await call('resolveSyncConflicts', { choices });
    await Promise.all([this.loadConflicts(), this.refresh()]);
    return resolved;
  }
}

export const syncView = new SyncView();

const STATE_WORDS: Record<SyncStatus['state'], string> = {
  off: 'Off',
  connecting: 'Connecting',
  syncing: 'Syncing',
  idle: 'Up to date',
  offline: 'Offline',
  error: 'Stopped',
};

export const stateWords = (status: SyncStatus) => STATE_WORDS[status.state];

/** "3 sent, 12 received", for the status line. */
export function countsWords(status: SyncStatus): string {
  return `${status.pushed} sent, ${status.pulled} received since the app started`;
}

export function conflictWords(count: number): string {
  return count === 1 ? '1 conflict to decide' : `${count} conflicts to decide`;
}
