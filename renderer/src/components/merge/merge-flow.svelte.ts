// Merging another analyst's notebook, from the command to the report: the host asks which folder
// and the core previews it; the analyst decides each conflict (ours by default), applies, and sees
// what came in, or the core's refusal in its words. The records reach every view by the changed
// event; undo takes the whole merge back as one step.
import type { MergeChoice, MergePreview, MergeReport } from '../../../../electron/shared/merge';
import { call, messageOf } from '../../lib/api';

export type MergeStep =
  | { kind: 'reading' }
  | { kind: 'ready'; preview: MergePreview }
  | { kind: 'applying'; preview: MergePreview }
  | { kind: 'done'; preview: MergePreview; report: MergeReport }
  | { kind: 'failed'; message: string; preview?: MergePreview };

export class MergeFlow {
  step = $state.raw<MergeStep | null>(null);
  choices = $state<Record<string, MergeChoice>>({});

  async start() {
    if (this.step?.kind === 'applying') return;
    this.step = { kind: 'reading' };
    this.choices = {};
    try {
      const answer = await call('previewMerge', {});
      this.step = 'kind' in answer ? null : { kind: 'ready', preview: answer };
    } catch (error) {
      this.step = { kind: 'failed', message: messageOf(error) };
    }
  }

  choose(id: string, choice: MergeChoice) {
    this.choices[id] = choice;
  }

  async apply() {
    const step = this.step;
    if (step?.kind !== 'ready') return;
    const { preview } = step;
    this.step = { kind: 'applying', preview };
    try {
      const report = await call('applyMerge', {
        token: preview.token,
        choices: { ...this.choices },
      });
      this.step = { kind: 'done', preview, report };
    } catch (error) {
      this.step = { kind: 'failed', message: messageOf(error), preview };
    }
  }

  close() {
    if (this.step?.kind !== 'applying') this.step = null;
  }
}

export const mergeFlow = new MergeFlow();
