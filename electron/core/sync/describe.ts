// One side of a sync conflict in words, as the conflict view shows a merge's (shared/merge.ts
// MergeSide): a one-line label and the fields as lines, so the two sides can be read side by side.
import type { MergeSide } from '../../shared/merge';
import {
  joinTagPath,
  tagPathOf,
  type Annotation,
  type ArticleRecord,
  type Tag,
} from '../../shared/model';
import type { NotebookState } from '../store';

/** The longest a label or a line's value is shown. */
const SHOWN = 160;

const short = (text: string) => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SHOWN ? `${line.slice(0, SHOWN - 1)}…` : line;
};

const nameOf = (state: NotebookState, id: string | undefined) =>
  id === undefined ? undefined : (state.analysts.get(id)?.name ?? id);

function side(
  state: NotebookState,
  label: string,
  lines: string[],
  by: string | undefined,
  at: string | undefined,
): MergeSide {
  const changedBy = nameOf(state, by);
  return {
    present: true,
    label: short(label),
    lines,
    ...(changedBy !== undefined && { changedBy }),
    ...(at !== undefined && { changedAt: at }),
  };
}

export function describeTag(tag: Tag, state: NotebookState): MergeSide {
  const tags = new Map(state.tags);
  tags.set(tag.id, tag);
  const parent = tag.parentId ? tags.get(tag.parentId) : undefined;
  return side(
    state,
    joinTagPath(tagPathOf(tag, tags)),
    [
      `Name: ${short(tag.name)}`,
      `Under: ${parent ? short(joinTagPath(tagPathOf(parent, tags))) : '(the top)'}`,
      `Colour: ${tag.color}`,
      `Definition: ${short(tag.description)}`,
      `When to use: ${short(tag.whenToUse)}`,
      `When not to use: ${short(tag.whenNotToUse)}`,
      `Example: ${short(tag.example)}`,
    ],
    tag.updatedBy ?? tag.createdBy,
    tag.updatedAt ?? tag.createdAt,
  );
}

export function describeAnnotation(annotation: Annotation, state: NotebookState): MergeSide {
  const tags = annotation.tagIds.map((id) => {
    const tag = state.tags.get(id);
    return tag ? joinTagPath(tagPathOf(tag, state.tags)) : '(a tag not in this notebook)';
  });
  const [position, quote] = annotation.selectors;
  return side(
    state,
    `“${quote.exact}”`,
    [
      `Tags: ${tags.length > 0 ? tags.join(', ') : '(none)'}`,
      `Comment: ${short(annotation.comment) || '(none)'}`,
      `Passage: characters ${position.start}–${position.end} of revision ${annotation.revision}`,
      `Coder: ${nameOf(state, annotation.createdBy) ?? '(not named)'}`,
    ],
    annotation.updatedBy ?? annotation.createdBy,
    annotation.updatedAt,
  );
}

export function describeArticle(article: ArticleRecord, state: NotebookState): MergeSide {
  const attributes = Object.entries(article.attributes)
    .map(([key, value]) => `${key}: ${value}`)
    .join('; ');
  return side(
    state,
    article.title,
    [
      `Title: ${short(article.title)}`,
      `Authors: ${short(article.authors.join('; ')) || '(none)'}`,
      `Published: ${article.published || '(not known)'}`,
      `Publication: ${short(article.publication) || '(none)'}`,
      `Source: ${short(article.source)}`,
      `URL: ${short(article.url) || '(none)'}`,
      `DOI: ${article.doi || '(none)'}`,
      `Attributes: ${short(attributes) || '(none)'}`,
      `Memo: ${short(article.memo) || '(none)'}`,
      `Revisions: ${article.revisions.length}`,
    ],
    article.updatedBy ?? article.memoUpdatedBy,
    article.updatedAt ?? article.memoUpdatedAt ?? article.importedAt,
  );
}

/** Only the lines that differ, so the eye goes to the difference (all of them if none do). */
export function differing(ours: MergeSide, theirs: MergeSide): [MergeSide, MergeSide] {
  const a = new Set(ours.lines);
  const b = new Set(theirs.lines);
  const onlyOurs = ours.lines.filter((line) => !b.has(line));
  const onlyTheirs = theirs.lines.filter((line) => !a.has(line));
  if (onlyOurs.length === 0 && onlyTheirs.length === 0) return [ours, theirs];
  return [
    { ...ours, lines: onlyOurs },
    { ...theirs, lines: onlyTheirs },
  ];
}
