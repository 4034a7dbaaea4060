// Undo of the analyst's last changes, newest first. Each entry knows how to put things back;
// for now deletes of annotations are what can be undone (global undo comes with history).
import { toasts } from './toasts.svelte';

export interface Undoable {
  /** What undoing does, for the button and the message ("Restore the deleted annotation"). */
  label: string;
  run: () => Promise<void>;
}

const DEPTH = 50;

export class UndoStack {
  #entries = $state.raw<Undoable[]>([]);

  get canUndo() {
    return this.#entries.length > 0;
  }

  get nextLabel(): string | undefined {
    return this.#entries.at(-1)?.label;
  }

  push(entry: Undoable) {
    this.#entries = [...this.#entries.slice(-(DEPTH - 1)), entry];
  }

  /** Undoes the newest entry; says so when there is nothing to undo. */
  async undo(): Promise<boolean> {
    const entry = this.#entries.at(-1);
    if (!entry) {
      toasts.show('Nothing to undo.');
      return false;
    }
    this.#entries = this.#entries.slice(0, -1);
    try {
      await entry.run();
    } catch (error) {
      toasts.error(error);
    }
    return true;
  }

  /** Forgets an entry that no longer makes sense (its undo was run from a message's button). */
  remove(entry: Undoable) {
    this.#entries = this.#entries.filter((e) => e !== entry);
  }
}

export const undo = new UndoStack();
