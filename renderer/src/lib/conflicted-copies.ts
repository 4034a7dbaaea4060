// The words for a sync tool's conflicted copy: what it holds that the notebook lacks, and what
// bringing it in did (added, left out and why, the copy's new name).
import type { BroughtIn, ConflictedCopy, RecordCounts } from '../../../electron/shared/contract';
import { agree, count, list } from './words';

/** "1 article, 3 annotations and 2 tags", leaving out kinds with none; '' when all are 0. */
export function recordCounts(counts: Partial<RecordCounts>): string {
  return list(
    (
      [
        [counts.articles ?? 0, 'article'],
        [counts.annotations ?? 0, 'annotation'],
        [counts.tags ?? 0, 'tag'],
      ] as const
    )
      .filter(([n]) => n > 0)
      .map(([n, noun]) => count(n, noun)),
  );
}

const TOOLS: Record<ConflictedCopy['tool'], string> = {
  dropbox: 'Dropbox',
  onedrive: 'OneDrive',
  syncthing: 'Syncthing',
  nextcloud: 'Nextcloud or ownCloud',
  'google-drive': 'Google Drive',
  icloud: 'iCloud Drive',
};

/** "Dropbox left this copy of your notebook file" / "...of a journal of saved changes". */
export function copyOrigin(copy: Pick<ConflictedCopy, 'tool' | 'of'>): string {
  const of = copy.of === 'notebook' ? 'your notebook file' : 'a journal of saved changes';
  return `${TOOLS[copy.tool]} left this copy of ${of} when two computers changed it at once.`;
}

/** What bringing the copy in would add, or that it adds nothing. */
export function holdsText(copy: Pick<ConflictedCopy, 'missing'>): string {
  const held = recordCounts(copy.missing);
  return held
    ? `It holds ${held} that this notebook lacks. Bringing it in adds only those; nothing already in the notebook is changed.`
    : 'It holds nothing that this notebook lacks. Bringing it in adds nothing; it only renames the copy, so it is not offered again.';
}

/** What bringInConflictedCopy did, sentence by sentence. */
export function broughtInText(result: BroughtIn): {
  added: string;
  skipped: string | null;
  reasons: string[];
  renamed: string;
} {
  const added = recordCounts(result.added);
  const { articles, annotations, reasons } = result.skipped;
  const left = recordCounts({ articles, annotations });
  return {
    added: added ? `Brought in ${added}.` : 'Nothing was brought in: the notebook had it all.',
    skipped: left ? `${left} ${agree(articles + annotations, 'was')} left out:` : null,
    reasons: left ? reasons : [],
    renamed: `The copy is kept, renamed “${result.renamedTo}”, so it is not offered again.`,
  };
}
