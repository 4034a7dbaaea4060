// One article as a QDA-XML source: its current text as sources/<GUID>.txt, every placed
// annotation as a PlainTextSelection (code point positions) with a Coding per tag, and the notes
// that belong to it. A Word original rides along as the rich text; a PDF original makes the
// source a PDFSource whose plain-text Representation holds the passages (as ATLAS.ti and MAXQDA
// write them).
import type { Annotation, Span } from '../../shared/model';
import type { TagTree } from '../../shared/tag-tree';
import { codePointOffsets } from '../export/code-points';
import type { ExportArticle, ExportOriginal } from '../export/types';
import { guids } from './guid';
import { refiDate, reviewNote, shortQuote, type NoteParts, type UserRef } from './notes';
import { sourceDescription } from './source-details';
import { element, textElement, type XmlElement } from './xml';

/** A file of the zip beside project.qde. */
export interface ProjectFile {
  path: string;
  bytes: Uint8Array;
  /** PDF and Word files are compressed already: stored as they are. */
  compress: boolean;
}

export interface BuiltSource {
  element: XmlElement;
  files: ProjectFile[];
  /** Notes on this source other than its memo: the annotations awaiting review, if asked. */
  notes: NoteParts[];
  /** Annotations awaiting review that were left out. */
  leftOut: number;
}

/**
 * Where an annotation goes in the current text, or null when it waits for review (moved, fuzzy,
 * orphaned), or when its span doesn't fit the text (damage): both are never placed.
 */
export function placement(annotation: Annotation, textLength: number): Span | null {
  if (annotation.anchor !== 'anchored') return null;
  const { start, end } = annotation.selectors[0];
  return start >= 0 && start < end && end <= textLength ? { start, end } : null;
}

const internal = (name: string) => `internal://${name}`;
const encoder = new TextEncoder();

interface Context {
  tags: TagTree;
  user: UserRef;
  reviewAsNotes: boolean;
}

function selectionElement(
  annotation: Annotation,
  span: Span,
  text: string,
  toCodePoints: (offset: number) => number,
  { tags, user }: Context,
): XmlElement {
  const creatingUser = user(annotation.createdBy);
  const creationDateTime = refiDate(annotation.createdAt);
  const tagIds = [...new Set(annotation.tagIds)].filter((id) => tags.byId.has(id));
  return element(
    'PlainTextSelection',
    {
      guid: guids.selection(annotation.id),
      name: shortQuote(text.slice(span.start, span.end)),
      startPosition: toCodePoints(span.start),
      endPosition: toCodePoints(span.end),
      creatingUser,
      creationDateTime,
      modifyingUser: user(annotation.updatedBy ?? annotation.createdBy),
      modifiedDateTime: refiDate(annotation.updatedAt),
    },
    [
      // The comment as the selection's description: what QualCoder, MAXQDA and ATLAS.ti read
      // as a coded segment's memo (a linked Note is one more hop many importers don't follow).
      annotation.comment.trim() !== '' && textElement('Description', annotation.comment),
      ...tagIds.map((tagId) =>
        element(
          'Coding',
          { guid: guids.coding(annotation.id, tagId), creatingUser, creationDateTime },
          [element('CodeRef', { targetGUID: guids.code(tagId) })],
        ),
      ),
    ],
  );
}

/** The source of one article; `memo` is its memo's note, when it has one. */
export function buildSource(
  { article, annotations }: ExportArticle,
  original: ExportOriginal | undefined,
  memo: NoteParts | undefined,
  context: Context,
): BuiltSource {
  const { text } = article;
  const guid = guids.source(article.id);
  const toCodePoints = codePointOffsets(text);
  const selections: XmlElement[] = [];
  const notes: NoteParts[] = [];
  let leftOut = 0;
  for (const annotation of annotations) {
    const span = placement(annotation, text.length);
    if (span) selections.push(selectionElement(annotation, span, text, toCodePoints, context));
    else if (context.reviewAsNotes) notes.push(reviewNote(annotation, context.tags, context.user));
    else leftOut++;
  }
  const noteRefs = [...(memo ? [memo] : []), ...notes].map((note) =>
    element('NoteRef', { targetGUID: note.guid }),
  );
  const details = sourceDescription(article);
  const description = details !== '' && textElement('Description', details);
  const dates = {
    creationDateTime: refiDate(article.importedAt),
    modifiedDateTime: refiDate(article.revisions.at(-1)?.createdAt),
  };
  const textFile = (fileGuid: string): ProjectFile => ({
    path: `sources/${fileGuid}.txt`,
    bytes: encoder.encode(text),
    compress: true,
  });

  if (original?.format === 'pdf') {
    const representation = guids.representation(article.id);
    return {
      element: element(
        'PDFSource',
        { guid, name: article.title, path: internal(`${guid}.pdf`), ...dates },
        [
          description,
          element(
            'Representation',
            {
              guid: representation,
              name: article.title,
              plainTextPath: internal(`${representation}.txt`),
              ...dates,
            },
            selections,
          ),
          ...noteRefs,
        ],
      ),
      files: [
        { path: `sources/${guid}.pdf`, bytes: original.bytes, compress: false },
        textFile(representation),
      ],
      notes,
      leftOut,
    };
  }
  const docx = original?.format === 'docx' ? original : undefined;
  return {
    element: element(
      'TextSource',
      {
        guid,
        name: article.title,
        richTextPath: docx && internal(`${guid}.docx`),
        plainTextPath: internal(`${guid}.txt`),
        ...dates,
      },
      [description, ...selections, ...noteRefs],
    ),
    files: [
      textFile(guid),
      ...(docx ? [{ path: `sources/${guid}.docx`, bytes: docx.bytes, compress: false }] : []),
    ],
    notes,
    leftOut,
  };
}
