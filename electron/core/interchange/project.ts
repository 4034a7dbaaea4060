// The project document (project.qde) and the files beside it: users, the codebook, variables and
// cases, sources, notes, in the order the schema's sequence demands.
import { DEFAULT_REVIEW_EXPORT } from '../../shared/interchange';
import type { Tag } from '../../shared/model';
import { TagTree } from '../../shared/tag-tree';
import type { ExportRequest } from '../export/types';
import { codeElements, ORIGIN } from './codebook';
import { guids } from './guid';
import { memoNote, noteElement, refiDate, type NoteParts, type UserRef } from './notes';
import { buildSource, type ProjectFile } from './sources';
import { variablesAndCases } from './variables';
import { element, serializeXml, textElement, type XmlElement } from './xml';

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface BuiltProject {
  qde: string;
  files: ProjectFile[];
  /** Annotations awaiting review that were left out, as the analyst chose. */
  leftOutForReview: number;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function buildProject(request: ExportRequest): BuiltProject {
  const analysts = request.codebook?.analysts ?? [];
  // The tree in listTags order (siblings by name) when the service gave it; else as stored.
  const tags: readonly Tag[] = request.codebook?.tags ?? request.tags;
  const tree = new TagTree(tags);
  const known = new Set(analysts.map((a) => a.id));
  const user: UserRef = (id) => (id !== undefined && known.has(id) ? guids.user(id) : undefined);
  const context = {
    tags: tree,
    user,
    reviewAsNotes: (request.awaitingReview ?? DEFAULT_REVIEW_EXPORT) === 'notes',
  };

  const sources: XmlElement[] = [];
  const notes: NoteParts[] = [];
  const files: ProjectFile[] = [];
  let leftOutForReview = 0;
  let placed = 0;
  for (const item of request.articles) {
    const memo = memoNote(item.article, user);
    const built = buildSource(item, request.originals?.[item.article.id], memo, context);
    sources.push(built.element);
    files.push(...built.files);
    if (memo) notes.push(memo);
    notes.push(...built.notes);
    leftOutForReview += built.leftOut;
    placed += item.annotations.length - built.leftOut - built.notes.length;
  }

  const about = [
    `Exported from ${ORIGIN} on ${refiDate(request.exportedAt.toISOString())}: ${count(
      request.articles.length,
      'article',
      'articles',
    )}, ${count(placed, 'coded passage', 'coded passages')}, ${count(tags.length, 'code', 'codes')}.`,
  ];
  if (leftOutForReview) {
    about.push(
      `${count(leftOutForReview, 'annotation', 'annotations')} awaiting review in the notebook ${leftOutForReview === 1 ? 'was' : 'were'} left out.`,
    );
  }
  if (request.leftOut?.length) {
    about.push(
      `Left out, because their text could not be read: ${request.leftOut.map((t) => `“${t}”`).join(', ')}.`,
    );
  }

  const { variables, cases } = variablesAndCases(request.articles.map((a) => a.article));
  const title = request.scope === 'article' ? request.articles[0]?.article.title : undefined;
  const root = element(
    'Project',
    {
      xmlns: PROJECT_NAMESPACE,
      name: title ?? ORIGIN,
      origin: ORIGIN,
      creationDateTime: refiDate(request.exportedAt.toISOString()),
    },
    [
      analysts.length > 0 &&
        element(
          'Users',
          {},
          analysts.map((a) =>
            // The schema's user id is free text: the initials, which REFI has no other room for.
            element('User', { guid: guids.user(a.id), name: a.name, id: a.initials || undefined }),
          ),
        ),
      tags.length > 0 && element('CodeBook', {}, [element('Codes', {}, codeElements(tags))]),
      variables,
      cases,
      sources.length > 0 && element('Sources', {}, sources),
      notes.length > 0 && element('Notes', {}, notes.map(noteElement)),
      textElement('Description', about.join('\n')),
    ],
  );
  return { qde: serializeXml(root), files, leftOutForReview };
}
