// Bringing another analyst's work in (their notebook folder, or a sync) and the conflicts that
// leaves: the shapes the merge dialog and the conflict view are drawn from. The core works them out
// (electron/core/merge), the renderer shows them (renderer/src/components/merge).
//
// Articles match by the content hash of their first revision's body, tags by id and then by path,
// annotations by id. A record changed on one side since the two notebooks last met takes that
// side's version; a record changed on both sides differently is a conflict the analyst decides;
// a delete (a tombstone) against an unchanged record deletes it, against a changed one conflicts.

export interface MergeCounts {
  articles: number;
  annotations: number;
  tags: number;
}

/** What one side of a conflict holds, in words fit to show side by side. */
export interface MergeSide {
  /** Absent: this side deleted the record. */
  present: boolean;
  /** One line: the tag's path, the article's title, the annotation's quote. */
  label: string;
  /** What differs, as lines ("Tags: Economy, Energy", "Comment: …", "Colour: #f6c343"). */
  lines: string[];
  /** The analyst who made this side's last change (a name), and when (ISO), where known. */
  changedBy?: string;
  changedAt?: string;
}

export type MergeConflictKind = 'article' | 'annotation' | 'tag' | 'tag-path';

export interface MergeConflict {
  /** What a choice is keyed by. */
  id: string;
  kind: MergeConflictKind;
  /** tag-path: their tag has a path one of ours has, under another id (same code, or two?). */
  ours: MergeSide;
  theirs: MergeSide;
  /** Which choices make sense: a deleted side can't be kept "both"; a tag-path can be "both". */
  choices: MergeChoice[];
}

/** ours: keep ours; theirs: take theirs; both: keep both (a tag-path: two tags; a record: a copy). */
export const MERGE_CHOICES = ['ours', 'theirs', 'both'] as const;
export type MergeChoice = (typeof MERGE_CHOICES)[number];

export interface MergePreview {
  /** What applyMerge takes; one preview is held by the core until applied or replaced. */
  token: string;
  /** The other notebook: its folder's name and the analysts in it. */
  source: { name: string; analysts: string[] };
  /** When these two notebooks last met (a merge or sync between them); absent: never. */
  lastMet?: string;
  added: MergeCounts;
  updated: MergeCounts;
  deleted: MergeCounts;
  conflicts: MergeConflict[];
  /** Their annotations made on a revision other than ours, as re-anchoring will place them. */
  reanchor: { moved: number; fuzzy: number; orphaned: number };
  /** Sentences about what can't come in (unreadable bodies, a newer format's records). */
  problems: string[];
}

export interface MergeReport {
  added: MergeCounts;
  updated: MergeCounts;
  deleted: MergeCounts;
  /** Conflicts decided, by choice. */
  decided: Record<MergeChoice, number>;
  /** Their annotations now waiting in review (moved, fuzzy, orphaned). */
  toReview: number;
}
