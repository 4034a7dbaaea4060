// project.qde (or a .qdc) as plain data: users, the code tree, variables and cases, sources with
// their selections, notes. Read by local names, so a prefix or a missing namespace doesn't
// matter; GUIDs are taken lower-case without braces, so `{ABC…}` and `abc…` are one thing.
import {
  attribute,
  childElements,
  firstChild,
  parseXml,
  textContent,
  type XmlElement,
} from '../import/xml-tree';

export interface QdeUser {
  guid: string;
  name: string;
  /** The schema's free-text user id (ours: the initials). */
  id?: string;
}

export interface QdeCode {
  guid: string;
  name: string;
  color?: string;
  description: string;
  /** Absent at the top of the tree. */
  parent?: string;
  noteRefs: string[];
}

export interface QdeCoding {
  guid?: string;
  code: string;
  creatingUser?: string;
  creationDateTime?: string;
}

export interface QdeSelection {
  guid: string;
  name: string;
  start: number;
  end: number;
  description: string;
  codings: QdeCoding[];
  noteRefs: string[];
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
}

export type QdeSourceKind = 'text' | 'pdf' | 'picture' | 'audio' | 'video' | 'other';

export interface QdeVariableValue {
  variable: string;
  value: string;
}

export interface QdeSource {
  guid: string;
  name: string;
  kind: QdeSourceKind;
  /** The element as written (TextSource, PDFSource...), for messages. */
  element: string;
  description: string;
  plainTextPath?: string;
  richTextPath?: string;
  path?: string;
  /** PlainTextContent written inline. */
  plainTextContent?: string;
  /** Text selections: the source's own, or its plain-text representation's (PDF). */
  selections: QdeSelection[];
  /** Selections of other kinds (picture regions, PDF regions, audio and video stretches). */
  otherSelections: number;
  /** Codings on those. */
  otherCodings: number;
  variableValues: QdeVariableValue[];
  noteRefs: string[];
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
}

export interface QdeNote {
  guid: string;
  name: string;
  text: string;
  /** A note's text in a file of its own, when not inline. */
  plainTextPath?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
}

export interface QdeCase {
  guid: string;
  name: string;
  values: QdeVariableValue[];
  sources: string[];
}

export interface QdeDocument {
  kind: 'project' | 'codebook';
  name?: string;
  origin?: string;
  users: QdeUser[];
  /** Parents before their children, in document order. */
  codes: QdeCode[];
  variables: Array<{ guid: string; name: string }>;
  cases: QdeCase[];
  sources: QdeSource[];
  notes: QdeNote[];
  /** Members of sets (the notebook has none). */
  setMembers: number;
  /** Links between things, and graphs (the notebook has neither). */
  links: number;
  graphs: number;
  /** GUIDs written braced, or upper case. */
  bracedGuids: boolean;
}

/** A GUID as we keep it: lower case, no braces; undefined when absent. */
export function guidOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  const bare = trimmed.startsWith('{') && trimmed.endsWith('}') ? trimmed.slice(1, -1) : trimmed;
  return bare.toLowerCase();
}

const text = (el: XmlElement | undefined) => (el === undefined ? '' : textContent(el));
const attr = (el: XmlElement, name: string) => attribute(el, name);
const dates = (el: XmlElement) => ({
  ...optional('creatingUser', guidOf(attr(el, 'creatingUser'))),
  ...optional('creationDateTime', attr(el, 'creationDateTime')),
  ...optional('modifyingUser', guidOf(attr(el, 'modifyingUser'))),
  ...optional('modifiedDateTime', attr(el, 'modifiedDateTime')),
});

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}

const refs = (el: XmlElement, local: string) =>
  childElements(el, local)
    .map((r) => guidOf(attr(r, 'targetGUID')))
    .filter((g): g is string => g !== undefined && g !== '');

const integer = (value: string | undefined) => {
  const n = Number(value?.trim());
  return Number.isInteger(n) ? n : NaN;
};

function codesOf(parent: XmlElement, parentGuid: string | undefined, out: QdeCode[]) {
  for (const code of childElements(parent, 'Code')) {
    const guid = guidOf(attr(code, 'guid')) ?? '';
    out.push({
      guid,
      name: attr(code, 'name') ?? '',
      ...optional('color', attr(code, 'color')),
      description: text(firstChild(code, 'Description')),
      ...(parentGuid !== undefined && { parent: parentGuid }),
      noteRefs: refs(code, 'NoteRef'),
    });
    codesOf(code, guid, out);
  }
}

function selectionOf(el: XmlElement): QdeSelection {
  return {
    guid: guidOf(attr(el, 'guid')) ?? '',
    name: attr(el, 'name') ?? '',
    start: integer(attr(el, 'startPosition')),
    end: integer(attr(el, 'endPosition')),
    description: text(firstChild(el, 'Description')),
    codings: childElements(el, 'Coding').flatMap((coding) => {
      const code = guidOf(attr(firstChild(coding, 'CodeRef') ?? coding, 'targetGUID'));
      if (!code) return [];
      const guid = guidOf(attr(coding, 'guid'));
      return [
        {
          ...(guid && { guid }),
          code,
          ...optional('creatingUser', guidOf(attr(coding, 'creatingUser'))),
          ...optional('creationDateTime', attr(coding, 'creationDateTime')),
        },
      ];
    }),
    noteRefs: refs(el, 'NoteRef'),
    ...dates(el),
  };
}

function variableValuesOf(el: XmlElement): QdeVariableValue[] {
  return childElements(el, 'VariableValue').flatMap((vv) => {
    const variable = guidOf(attr(firstChild(vv, 'VariableRef') ?? vv, 'targetGUID'));
    const holder = vv.children.find(
      (c): c is XmlElement => typeof c === 'object' && /Value$/.test(c.name.replace(/^.*:/, '')),
    );
    return variable && holder ? [{ variable, value: text(holder) }] : [];
  });
}

const KINDS: Record<string, QdeSourceKind> = {
  TextSource: 'text',
  PDFSource: 'pdf',
  PictureSource: 'picture',
  AudioSource: 'audio',
  VideoSource: 'video',
};

function sourceOf(el: XmlElement): QdeSource {
  const local = el.name.replace(/^.*:/, '');
  const kind = KINDS[local] ?? 'other';
  // A PDF's passages are in its plain-text representation, positions counted into that text.
  const representation = kind === 'pdf' ? firstChild(el, 'Representation') : undefined;
  const textHolder = kind === 'text' ? el : representation;
  const selections = textHolder
    ? childElements(textHolder, 'PlainTextSelection').map(selectionOf)
    : [];
  let otherSelections = 0;
  let otherCodings = 0;
  for (const child of childElements(el)) {
    const name = child.name.replace(/^.*:/, '');
    if (/Selection$/.test(name) && name !== 'PlainTextSelection') {
      otherSelections++;
      otherCodings += childElements(child, 'Coding').length;
    }
    // Audio and video transcripts: their selections are tied to time, not to a text we keep.
    if (name === 'Transcript') {
      for (const t of childElements(child)) {
        if (/Selection$/.test(t.name)) {
          otherSelections++;
          otherCodings += childElements(t, 'Coding').length;
        }
      }
    }
  }
  const plainText = textHolder && attr(textHolder, 'plainTextPath');
  const content = textHolder && firstChild(textHolder, 'PlainTextContent');
  return {
    guid: guidOf(attr(el, 'guid')) ?? '',
    name: attr(el, 'name') ?? '',
    kind,
    element: local,
    description: text(firstChild(el, 'Description')),
    ...optional('plainTextPath', plainText),
    ...optional('richTextPath', attr(el, 'richTextPath')),
    ...optional('path', attr(el, 'path')),
    ...(content && { plainTextContent: text(content) }),
    selections,
    otherSelections,
    otherCodings,
    variableValues: variableValuesOf(el),
    noteRefs: [...refs(el, 'NoteRef'), ...(representation ? refs(representation, 'NoteRef') : [])],
    ...dates(el),
  };
}

/**
 * The document's parts. The XML's own line-end rule is applied first (CR LF and CR become LF),
 * so a text written with CRLF reads as the tool meant; a CR written as `&#13;` survives it.
 */
export async function readQde(xml: string): Promise<QdeDocument> {
  const doc = await parseXml(xml.replace(/\r\n?/g, '\n'));
  const root = childElements(doc)[0];
  const rootName = root?.name.replace(/^.*:/, '');
  if (!root || (rootName !== 'Project' && rootName !== 'CodeBook')) {
    throw new QdeError(
      rootName
        ? `its document is a <${rootName}>, not a REFI-QDA <Project> or <CodeBook>`
        : 'its document is not XML that can be read',
    );
  }
  const codes: QdeCode[] = [];
  const codebook = rootName === 'CodeBook' ? root : firstChild(root, 'CodeBook');
  const codesHolder = codebook && firstChild(codebook, 'Codes');
  if (codesHolder) codesOf(codesHolder, undefined, codes);
  const holder = (name: string) => firstChild(root, name);
  const users = childElements(holder('Users') ?? root, 'User').map((u) => ({
    guid: guidOf(attr(u, 'guid')) ?? '',
    name: attr(u, 'name') ?? '',
    ...optional('id', attr(u, 'id')),
  }));
  const variables = childElements(holder('Variables') ?? root, 'Variable').map((v) => ({
    guid: guidOf(attr(v, 'guid')) ?? '',
    name: attr(v, 'name') ?? '',
  }));
  const cases = childElements(holder('Cases') ?? root, 'Case').map((c) => ({
    guid: guidOf(attr(c, 'guid')) ?? '',
    name: attr(c, 'name') ?? '',
    values: variableValuesOf(c),
    sources: refs(c, 'SourceRef'),
  }));
  const sourcesHolder = holder('Sources');
  const sources = sourcesHolder ? childElements(sourcesHolder).map(sourceOf) : [];
  const notes = childElements(holder('Notes') ?? root, 'Note').map((n) => {
    const path = attr(n, 'plainTextPath');
    return {
      guid: guidOf(attr(n, 'guid')) ?? '',
      name: attr(n, 'name') ?? '',
      text: text(firstChild(n, 'PlainTextContent')),
      ...optional('plainTextPath', path),
      ...dates(n),
    };
  });
  const sets = holder('Sets');
  const setMembers = sets
    ? childElements(sets, 'Set').reduce(
        (n, s) =>
          n +
          childElements(s, 'MemberCode').length +
          childElements(s, 'MemberSource').length +
          childElements(s, 'MemberNote').length,
        0,
      )
    : 0;
  return {
    kind: rootName === 'Project' ? 'project' : 'codebook',
    ...optional('name', attr(root, 'name')),
    ...optional('origin', attr(root, 'origin')),
    users,
    codes,
    variables,
    cases,
    sources,
    notes,
    setMembers,
    links: childElements(holder('Links') ?? root, 'Link').length,
    graphs: childElements(holder('Graphs') ?? root, 'Graph').length,
    bracedGuids: /guid="\{/i.test(xml),
  };
}

/** The document can't be read as QDA-XML; the message finishes "… can't be imported: <why>". */
export class QdeError extends Error {}
