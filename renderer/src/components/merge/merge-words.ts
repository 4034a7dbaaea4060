// The words of a merge: counts as a sentence, and what each choice means for each kind of conflict.
import type {
  MergeChoice,
  MergeConflictKind,
  MergeCounts,
} from '../../../../electron/shared/merge';
import { count, list } from '../../lib/words';

/** "2 articles, 5 annotations and 1 tag", leaving out kinds with none; '' when all are 0. */
export function countsText(counts: MergeCounts): string {
  return list(
    (
      [
        [counts.articles, 'article'],
        [counts.annotations, 'annotation'],
        [counts.tags, 'tag'],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, noun]) => count(n, noun)),
  );
}

export const KIND_LABEL: Record<MergeConflictKind, string> = {
  article: 'Article',
  annotation: 'Annotation',
  tag: 'Tag',
  'tag-path': 'Same tag name',
};

export function choiceLabel(kind: MergeConflictKind, choice: MergeChoice): string {
  if (kind === 'tag-path') {
    return { ours: 'One code, ours', theirs: 'One code, theirs', both: 'Two codes' }[choice];
  }
  return { ours: 'Keep ours', theirs: 'Take theirs', both: 'Keep both' }[choice];
}
