// What each writing call is called in "Undo …" and "Redo …": the analyst's words for what they
// did, not the call's name. A call not named here is not the analyst's change (undo and redo
// themselves, reads) and makes no history step.
import type { CallInput, CallName } from '../../shared/contract';

type Labeller = { [K in CallName]?: string | ((input: CallInput<K>) => string) };

const LABELS: Labeller = {
  importFile: 'Import article',
  importText: 'Paste article',
  updateArticleDetails: 'Edit details',
  setArticleAttributes: 'Edit attributes',
  deleteArticle: 'Delete article',
  editArticle: 'Edit text',
  reimportArticle: 'Re-import article',
  rereadOriginal: 'Read original again',
  setMemo: 'Edit memo',
  createAnnotation: 'Add annotation',
  updateAnnotation: 'Edit annotation',
  deleteAnnotation: 'Delete annotation',
  tagAnnotations: (input) =>
    `${input.removeTagIds.length > 0 && input.addTagNames.length === 0 ? 'Untag' : 'Tag'} ${input.ids.length} annotation${input.ids.length === 1 ? '' : 's'}`,
  deleteAnnotations: (input) =>
    `Delete ${input.ids.length} annotation${input.ids.length === 1 ? '' : 's'}`,
  restoreAnnotation: 'Restore annotation',
  codeHits: (input) => `Code ${input.hits.length} hit${input.hits.length === 1 ? '' : 's'}`,
  acceptPlacement: 'Accept placement',
  reattachAnnotation: 'Re-attach annotation',
  createTag: 'Create tag',
  updateTag: (input) =>
    input.name !== undefined
      ? 'Rename tag'
      : input.parentId !== undefined
        ? 'Move tag'
        : input.color !== undefined
          ? 'Recolour tag'
          : 'Change tag guidance',
  mergeTags: 'Merge tags',
  splitTag: 'Split tag',
  deleteTag: 'Delete tag',
  // setAnalyst makes no step: who is coding is a setting, not analysis. Undoing the first-run
  // answer would leave a notebook whose new records name nobody.
  bringInConflictedCopy: 'Bring in conflicted copy',
  importProject: 'Import REFI-QDA project',
  importAnnotations: 'Import annotations',
  adjudicate: (input) =>
    ({
      a: 'Keep first coder’s passage',
      b: 'Keep second coder’s passage',
      both: 'Keep both passages',
      neither: 'Keep neither passage',
      edit: 'Keep edited passage',
    })[input.choice],
  copyAgreedPassages: 'Copy agreed passages',
  applyMerge: 'Merge notebook',
  resolveSyncConflicts: 'Resolve sync conflicts',
};

/** The step's label for a call, or undefined when the call makes no history step. */
export function labelOf<K extends CallName>(name: K, input: CallInput<K>): string | undefined {
  const label = LABELS[name] as string | ((input: CallInput<K>) => string) | undefined;
  return typeof label === 'function' ? label(input) : label;
}

/**
 * Steps that merge with the one before when they change the same thing: a memo is saved as it
 * is typed, and undo should take back the typing, not one keystroke's save.
 */
export function mergeKeyOf<K extends CallName>(name: K, input: CallInput<K>): string | undefined {
  if (name === 'setMemo') return `memo:${(input as CallInput<'setMemo'>).articleId}`;
  return undefined;
}
