// Undo and redo for every change the analyst makes. Each writing call's commits are recorded with
// their inverses (the store works those out as it applies a commit); undo commits the inverse,
// redo the changes again, each as one new commit, so the journal, the snapshot and every view
// (through the core's "changed" event) follow as they do for any change. The history is the
// session's: it survives switching articles, not a restart.
import type { HistoryState } from '../../shared/contract';
import { conflict } from '../errors';
import type { ArticleRecord } from '../../shared/model';
import type { Change, NotebookStore } from '../store';

interface Step {
  /** What the analyst did, for "Undo Merge tags". */
  label: string;
  changes: Change[];
  inverse: Change[];
  /** Consecutive steps with the same key merge into one (a memo saved as it is typed). */
  mergeKey?: string;
}

/** How many steps back undo goes; the oldest fall off. */
const DEPTH = 100;

export class History {
  #undo: Step[] = [];
  #redo: Step[] = [];

  constructor(private readonly store: NotebookStore) {}

  /**
   * Records what a call committed, in order. Several commits make one step (undone together);
   * none makes no step. A step with the same mergeKey as the last one merges into it.
   */
  record(
    label: string,
    commits: ReadonlyArray<{ changes: Change[]; inverse: Change[] }>,
    mergeKey?: string,
  ) {
    if (commits.length === 0) return;
    // Most steps are one commit: its lists are kept as the store handed them over (no listener
    // changes them), where copying a revision's 10,000 changes held the loop a few ms more.
    const changes = commits.length === 1 ? commits[0]!.changes : commits.flatMap((c) => c.changes);
    // Undone last commit first: the inverses in reverse order.
    const inverse =
      commits.length === 1 ? commits[0]!.inverse : [...commits].reverse().flatMap((c) => c.inverse);
    const last = this.#undo.at(-1);
    if (mergeKey !== undefined && last?.mergeKey === mergeKey && this.#redo.length === 0) {
      // The older inverse puts back what was there before the first of them.
      last.changes = [...last.changes, ...changes];
      last.inverse = [...inverse, ...last.inverse];
    } else {
      this.#undo = [
        ...this.#undo.slice(-(DEPTH - 1)),
        { label, changes, inverse, ...(mergeKey && { mergeKey }) },
      ];
    }
    this.#redo = [];
  }

  /** Articles any step could bring back: their texts must outlive compaction (store.retain). */
  *articles(): Iterable<ArticleRecord> {
    for (const step of [...this.#undo, ...this.#redo]) {
      for (const change of [...step.changes, ...step.inverse]) {
        if (change.kind === 'put' && change.collection === 'articles') yield change.record;
      }
    }
  }

  state(): HistoryState {
    const undo = this.#undo.at(-1)?.label;
    const redo = this.#redo.at(-1)?.label;
    return { ...(undo && { undo }), ...(redo && { redo }) };
  }

  async undo(): Promise<{ undone: string } & HistoryState> {
    const step = this.#undo.at(-1);
    if (!step) throw conflict('Nothing to undo.');
    await this.store.commit(step.inverse);
    this.#undo.pop();
    delete step.mergeKey;
    this.#redo.push(step);
    return { undone: step.label, ...this.state() };
  }

  async redo(): Promise<{ redone: string } & HistoryState> {
    const step = this.#redo.at(-1);
    if (!step) throw conflict('Nothing to redo.');
    await this.store.commit(step.changes);
    this.#redo.pop();
    this.#undo.push(step);
    return { redone: step.label, ...this.state() };
  }
}
