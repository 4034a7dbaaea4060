// A conflict's two sides in words fit to show side by side (shared/merge.ts MergeSide): one line
// naming the record, the fields in which the sides differ, and who made each side's last change.
import type { MergeSide } from '../../shared/merge';
import {
  joinTagPath,
  tagPathOf,
  type Annotation,
  type ArticleRecord,
  type Tag,
  type Tombstone,
} from '../../shared/model';
import type { NotebookState } from '../store/notebook-data';

/** Long values are cut for the view: the whole record is still merged, whichever side wins. */
const LINE_CHARS = 160;
const cut = (text: string) => {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > LINE_CHARS ? `${one.slice(0, LINE_CHARS - 1)}…` : one;
};

type Field = [label: string, value: string];

/** The lines of fields whose values differ between the two sides (all of them when one is absent). */
function differing(mine: Field[], other: Field[] | undefined): string[] {
  return mine
    .filter(([, value], i) => other === undefined || other[i]?.[1] !== value)
    .map(([label, value]) => `${label}: ${value === '' ? '(none)' : cut(value)}`);
}

/** One side of the notebook, for naming its records. */
export interface SideView {
  state: NotebookState;
  /** Tag names by our id, for an annotation's tags and a tag's parent. */
  tagName: (ourTagId: string) => string;
}

const analystName = (view: SideView, id: string | undefined) =>
  id === undefined ? undefined : (view.state.analysts.get(id)?.name ?? undefined);

function who(view: SideView, by: string | undefined, at: string | undefined) {
  const name = analystName(view, by);
  return {
    ...(name !== undefined && { changedBy: name }),
    ...(at !== undefined && { changedAt: at }),
  };
}

export const deletedSide = (
  view: SideView,
  label: string,
  stone: Tombstone | undefined,
): MergeSide => ({
  present: false,
  label,
  lines: ['Deleted'],
  ...who(view, stone?.deletedBy, stone?.deletedAt),
});

export function tagFields(view: SideView, tag: Tag, parent: string | undefined): Field[] {
  return [
    ['Name', tag.name],
    ['Under', parent === undefined ? '(the top)' : view.tagName(parent)],
    ['Colour', tag.color],
    ['Definition', tag.description],
    ['When to use', tag.whenToUse],
    ['When not to use', tag.whenNotToUse],
    ['Example', tag.example],
  ];
}

export const tagPath = (state: NotebookState, tag: Tag) => joinTagPath(tagPathOf(tag, state.tags));

/** `tag` in our ids (for its fields); `label`: its path as its own notebook names it. */
export function tagSide(
  view: SideView,
  tag: Tag,
  label: string,
  other: Field[] | undefined,
): MergeSide {
  return {
    present: true,
    label,
    lines: differing(tagFields(view, tag, tag.parentId), other),
    ...who(view, tag.updatedBy ?? tag.createdBy, tag.updatedAt ?? tag.createdAt),
  };
}

export function articleFields(article: ArticleRecord): Field[] {
  const current = article.revisions.at(-1)!;
  return [
    ['Title', article.title],
    ['Authors', article.authors.join('; ')],
    ['Published', article.published],
    ['Source', article.source],
    ['Publication', article.publication],
    ['URL', article.url],
    ['DOI', article.doi],
    ['Memo', article.memo],
    [
      'Attributes',
      Object.entries(article.attributes)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; '),
    ],
    [
      'Text',
      `revision ${current.number} (${current.reason}, ${current.createdAt.slice(0, 16).replace('T', ' ')})`,
    ],
  ];
}

/** What makes the text line differ: the body, not how each side numbers its revisions. */
export function articleSide(
  view: SideView,
  article: ArticleRecord,
  other?: ArticleRecord,
): MergeSide {
  const mine = articleFields(article);
  const theirs = other && articleFields(other);
  const sameText = other && other.revisions.at(-1)!.bodyHash === article.revisions.at(-1)!.bodyHash;
  const last = mine.length - 1;
  if (theirs && sameText) theirs[last] = mine[last]!;
  // Two texts with the same revision number and day still differ: say so.
  else if (theirs && theirs[last]![1] === mine[last]![1]) mine[last]![1] += ', another text';
  return {
    present: true,
    label: article.title,
    lines: differing(mine, theirs),
    ...who(
      view,
      article.updatedBy ?? article.memoUpdatedBy,
      article.updatedAt ?? article.memoUpdatedAt ?? article.importedAt,
    ),
  };
}

export function annotationFields(
  view: SideView,
  annotation: Annotation,
  tagIds: string[],
): Field[] {
  return [
    ['Passage', annotation.selectors[1].exact],
    ['Tags', tagIds.map((id) => view.tagName(id)).join(', ')],
    ['Comment', annotation.comment],
  ];
}

export function annotationSide(
  view: SideView,
  annotation: Annotation,
  tagIds: string[],
  other: Field[] | undefined,
): MergeSide {
  return {
    present: true,
    label: cut(annotation.selectors[1].exact) || '(an empty passage)',
    lines: differing(annotationFields(view, annotation, tagIds), other),
    ...who(view, annotation.updatedBy ?? annotation.createdBy, annotation.updatedAt),
  };
}
