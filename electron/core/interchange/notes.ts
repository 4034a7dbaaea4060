// The notes a project carries: each article's memo, and (when the analyst asks for them) the
// annotations awaiting review, as text on their article rather than at a guessed place.
import type { AnchorState, Annotation } from '../../shared/model';
import type { TagTree } from '../../shared/tag-tree';
import type { ExportedArticle } from '../export/types';
import { ORIGIN } from './codebook';
import { guids } from './guid';
import { element, textElement, type XmlElement } from './xml';

/** xsd:dateTime as the REFI tools write it: whole seconds, UTC. */
export const refiDate = (iso: string | undefined) =>
  iso === undefined || Number.isNaN(Date.parse(iso))
    ? undefined
    : new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A Note (TextSourceType) with its text inline: REFI tools read a note's PlainTextContent. */
export interface NoteParts {
  guid: string;
  name: string;
  text: string;
  creatingUser?: string | undefined;
  creationDateTime?: string | undefined;
  modifyingUser?: string | undefined;
  modifiedDateTime?: string | undefined;
}

export function noteElement(note: NoteParts): XmlElement {
  return element(
    'Note',
    {
      guid: note.guid,
      name: note.name,
      creatingUser: note.creatingUser,
      creationDateTime: note.creationDateTime,
      modifyingUser: note.modifyingUser,
      modifiedDateTime: note.modifiedDateTime,
    },
    [textElement('PlainTextContent', note.text)],
  );
}

/** A user GUID for an analyst id, when the analyst is one the project lists. */
export type UserRef = (analystId: string | undefined) => string | undefined;

/** The article's memo as a note, or nothing when it has none. */
export function memoNote(article: ExportedArticle, user: UserRef): NoteParts | undefined {
  if (article.memo.trim() === '') return undefined;
  // Some REFI tools refuse a note without a date: the memo's, else its article's.
  const date = refiDate(article.memoUpdatedAt ?? article.importedAt);
  return {
    guid: guids.memoNote(article.id),
    name: `Memo: ${article.title}`,
    text: article.memo,
    creatingUser: user(article.memoUpdatedBy),
    creationDateTime: date,
    modifyingUser: user(article.memoUpdatedBy),
    modifiedDateTime: date,
  };
}

const WHY: Record<Exclude<AnchorState, 'anchored'>, string> = {
  moved:
    'its exact words were found in the current text, but not where the edits say they should be',
  fuzzy: 'only a similar passage was found in the current text',
  orphaned: 'its words were not found in the current text',
};

/** A few words of a quote, cut at a code point (never inside an emoji). */
export function shortQuote(quote: string, max = 80): string {
  const points = Array.from(quote.replace(/\s+/g, ' ').trim());
  return points.length <= max ? points.join('') : `${points.slice(0, max).join('')}…`;
}

/** An annotation awaiting review, as a note on its article: what it was, and why it isn't placed. */
export function reviewNote(annotation: Annotation, tags: TagTree, user: UserRef): NoteParts {
  const quote = annotation.selectors[1].exact;
  const state = annotation.anchor === 'anchored' ? 'orphaned' : annotation.anchor;
  const paths = annotation.tagIds.map((id) => tags.path(id)).filter((p) => p !== '');
  const lines = [
    `This annotation awaits review in ${ORIGIN}: after a revision of the article, ${WHY[state]}. It is not placed in the text.`,
    `Passage (as annotated): “${quote}”`,
  ];
  if (paths.length) lines.push(`Tags: ${paths.join('; ')}`);
  if (annotation.comment.trim()) lines.push(`Comment:\n${annotation.comment}`);
  return {
    guid: guids.reviewNote(annotation.id),
    name: `Awaiting review: ${shortQuote(quote)}`,
    text: lines.join('\n'),
    creatingUser: user(annotation.createdBy),
    creationDateTime: refiDate(annotation.createdAt),
    modifyingUser: user(annotation.updatedBy ?? annotation.createdBy),
    modifiedDateTime: refiDate(annotation.updatedAt),
  };
}
