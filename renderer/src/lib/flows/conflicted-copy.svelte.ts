// Bringing in a sync tool's conflicted copy, from the start-up notice to the report: read the
// copy afresh (the notebook may have changed since start), bring it in when the analyst says so,
// and keep what happened (or the core's refusal, in its words) for the dialog to show. The
// records it adds reach the library, the codebook and the open article by the changed event.
import type { BroughtIn, ConflictedCopy } from '../../../../electron/shared/contract';
import { call, messageOf } from '../api';
import { LatestRequest } from '../state/latest';

export type CopyStep =
  | { kind: 'reading'; name: string }
  /** Beside the notebook, as it is now (with `problem` it can't be brought in). */
  | { kind: 'ready'; copy: ConflictedCopy }
  /** No longer beside the notebook (brought in from another window, moved, deleted). */
  | { kind: 'gone'; name: string }
  | { kind: 'bringing'; copy: ConflictedCopy }
  | { kind: 'done'; copy: ConflictedCopy; result: BroughtIn }
  /** Reading or bringing in failed; `copy` when it had been read. */
  | { kind: 'failed'; name: string; copy?: ConflictedCopy; message: string };

export class ConflictedCopyFlow {
  step = $state.raw<CopyStep | null>(null);
  readonly #latest = new LatestRequest();

  /** Shows the copy named `name` as it is now. */
  async open(name: string) {
    const current = this.#latest.next();
    this.step = { kind: 'reading', name };
    try {
      const copy = (await call('listConflictedCopies', {})).find((c) => c.name === name);
      if (current()) this.step = copy ? { kind: 'ready', copy } : { kind: 'gone', name };
    } catch (error) {
      if (current()) this.step = { kind: 'failed', name, message: messageOf(error) };
    }
  }

  /** Brings the shown copy in; the step then holds the report, or the refusal. */
  async bringIn() {
    const step = this.step;
    if (step?.kind !== 'ready' || step.copy.problem) return;
    const current = this.#latest.next();
    const { copy } = step;
    this.step = { kind: 'bringing', copy };
    try {
      const result = await call('bringInConflictedCopy', { name: copy.name });
      if (current()) this.step = { kind: 'done', copy, result };
    } catch (error) {
      if (current())
        this.step = { kind: 'failed', name: copy.name, copy, message: messageOf(error) };
    }
  }

  /**
   * Closes the dialog. A bring-in already under way is not forgotten: its report (or refusal)
   * opens the dialog again when it arrives, since the notebook changes either way.
   */
  close() {
    if (this.step?.kind !== 'bringing') this.#latest.next();
    this.step = null;
  }
}

export const conflictedCopy = new ConflictedCopyFlow();
