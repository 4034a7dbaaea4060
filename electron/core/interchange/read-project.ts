// A REFI-QDA file read into what the notebook can take in, off the main loop (a core worker runs
// this): every source's text made canonical with its body file and a hash of its text, every
// selection mapped onto that text (or marked for review with its quote), and what can't come in,
// counted. No store here: matching against the notebook is the service's (project-import.ts).
import { createHash } from 'node:crypto';
import type { NotImported, ProjectSourceKind } from '../../shared/interchange';
import type { AnnotationSelectors, ArticleDetails, CanonicalDocument } from '../../shared/model';
import { describePassage } from '../anchoring/selectors';
import { NotebookError, badFile } from '../errors';
import { baseName } from '../import/names';
import type { BodyFile } from '../store/bodies';
import { canonicalBody } from '../store/bodies';
import { shortQuote } from './notes';
import { openProjectFile, partText, type ProjectArchive } from './read-archive';
import { sourceBody } from './read-body';
import { QdeError, readQde, type QdeDocument, type QdeSelection, type QdeSource } from './read-qde';
import { rawSlicer, sourceOffsets } from './read-offsets';
import { parseSourceDescription } from './source-details';
import type { QdeCase, QdeCode, QdeNote, QdeUser } from './read-qde';

/** A selection as it comes in: placed exactly, or waiting for review with its quote. */
export interface ReadSelection {
  guid: string;
  codes: string[];
  /** The selection's description and the notes it points at, in that order. */
  description: string;
  noteRefs: string[];
  selectors: AnnotationSelectors;
  exact: boolean;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
}

/** What a source becomes: an article (its body ready to store) or nothing, and why. */
export interface ReadArticle {
  title: string;
  details: Omit<ArticleDetails, 'title'>;
  format: 'text' | 'pdf' | 'docx';
  body: BodyFile;
  /** sha-256 of the text alone: how a source meets an article with the same text. */
  textHash: string;
  textLength: number;
  /** The PDF or Word file the project carries, kept as the article's original. */
  original?: { name: string; bytes: Uint8Array; hash: string };
}

export interface ReadSource {
  guid: string;
  name: string;
  kind: ProjectSourceKind;
  codings: number;
  problem?: string;
  article?: ReadArticle;
  selections: ReadSelection[];
  noteRefs: string[];
  variableValues: Array<{ variable: string; value: string }>;
  creationDateTime?: string;
  modifiedDateTime?: string;
  creatingUser?: string;
}

export interface ProjectRead {
  kind: 'project' | 'codebook';
  name?: string;
  origin?: string;
  users: QdeUser[];
  codes: QdeCode[];
  variables: Array<{ guid: string; name: string }>;
  cases: QdeCase[];
  sources: ReadSource[];
  notes: QdeNote[];
  notImported: NotImported[];
  tolerated: string[];
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A source's own text file, without a byte-order mark (positions count after it). */
function textFile(bytes: Uint8Array, tolerated: Set<string>): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    tolerated.add('Some source texts start with a byte-order mark (positions count after it).');
  }
  const text = partText(bytes);
  if (text.includes('\r'))
    tolerated.add('Some source texts have CRLF line ends (kept as \\n, positions mapped).');
  return text;
}

interface TextOf {
  raw?: string;
  /** Read by our importers from the PDF or Word file (no plain text in the project). */
  imported?: CanonicalDocument;
  original?: { name: string; bytes: Uint8Array; format: 'pdf' | 'docx' };
  problem?: string;
}

async function textOf(
  source: QdeSource,
  archive: ProjectArchive,
  tolerated: Set<string>,
): Promise<TextOf> {
  const fileAt = (ref: string | undefined) => (ref ? archive.file(ref) : undefined);
  const richRef = source.kind === 'pdf' ? source.path : source.richTextPath;
  const rich = fileAt(richRef);
  const richName = richRef ? baseName(richRef.replace(/^[a-z]+:\/\//i, '')) : '';
  const format: 'pdf' | 'docx' | undefined =
    source.kind === 'pdf' ? 'pdf' : /\.docx$/i.test(richName) ? 'docx' : undefined;
  const original = rich && format ? { name: richName, bytes: rich, format } : undefined;
  const plain = fileAt(source.plainTextPath);
  if (plain) return { raw: textFile(plain, tolerated), ...(original && { original }) };
  if (source.plainTextContent !== undefined) {
    return { raw: source.plainTextContent, ...(original && { original }) };
  }
  if (original) {
    const { importFile } = await import('../import');
    try {
      const imported = await importFile(original.name, original.bytes, undefined, {
        alternatives: false,
      });
      return { imported: imported.doc, original };
    } catch (error) {
      const why = error instanceof NotebookError ? error.message : 'it could not be read';
      return { problem: `Its file could not be read: ${why}` };
    }
  }
  const ref = source.plainTextPath ?? richRef;
  return {
    problem: ref
      ? `Its text (${ref}) is not inside the project file.`
      : 'The project holds no text for it.',
  };
}

const KIND_OF: Record<QdeSource['kind'], ProjectSourceKind> = {
  text: 'text',
  pdf: 'pdf',
  picture: 'picture',
  audio: 'audio',
  video: 'video',
  other: 'other',
};

/** A selection onto text we read ourselves: placed only when its name confirms the passage. */
function confirmedByName(selection: QdeSelection, text: string, start: number, end: number) {
  const passage = text.slice(start, end);
  return (
    selection.name !== '' && (selection.name === passage || selection.name === shortQuote(passage))
  );
}

function readSelections(source: QdeSource, found: TextOf, text: string): ReadSelection[] {
  const offsets = found.raw !== undefined ? sourceOffsets(found.raw) : undefined;
  const units = offsets ? undefined : unitsOf(text);
  const slice = found.raw !== undefined ? rawSlicer(found.raw) : undefined;
  return source.selections.map((selection) => {
    const { start, end } = selection;
    let span: { start: number; end: number } | undefined;
    let quote: string;
    if (offsets) {
      const s = offsets.toStored(start);
      const e = offsets.toStored(end);
      const inRange =
        Number.isInteger(start) && Number.isInteger(end) && start < end && end <= offsets.length;
      quote = inRange
        ? slice!(start, end).replace(/\r\n?/g, '\n').normalize('NFC')
        : selection.name;
      if (s !== undefined && e !== undefined && s < e && text.slice(s, e) === quote)
        span = { start: s, end: e };
    } else {
      const s = units!(start);
      const e = units!(end);
      const ok =
        Number.isInteger(start) &&
        Number.isInteger(end) &&
        start < end &&
        e !== undefined &&
        e <= text.length;
      if (ok && confirmedByName(selection, text, s!, e)) span = { start: s!, end: e };
      quote = span ? text.slice(span.start, span.end) : selection.name;
    }
    let selectors: AnnotationSelectors;
    if (span) selectors = describePassage(text, span.start, span.end);
    else {
      // Kept where the file put it as nearly as it can be told, for the review list to show.
      const at = Math.min(
        text.length,
        nearest(start, offsets ?? { toStored: units!, length: text.length }),
      );
      const [position, context] = describePassage(text, at, at);
      selectors = [
        { ...position, end: Math.min(text.length, at + quote.length) },
        { ...context, exact: quote },
      ];
    }
    return {
      guid: selection.guid,
      codes: [...new Set(selection.codings.map((c) => c.code))],
      description: selection.description,
      noteRefs: selection.noteRefs,
      selectors,
      exact: span !== undefined,
      ...pick(selection),
    };
  });
}

function pick(el: {
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
}) {
  return {
    ...(el.creatingUser && { creatingUser: el.creatingUser }),
    ...(el.creationDateTime && { creationDateTime: el.creationDateTime }),
    ...(el.modifyingUser && { modifyingUser: el.modifyingUser }),
    ...(el.modifiedDateTime && { modifiedDateTime: el.modifiedDateTime }),
  };
}

/** The stored offset nearest a position that has no exact one (for the review list). */
function nearest(
  position: number,
  map: { toStored(p: number): number | undefined; length: number },
): number {
  if (!Number.isInteger(position) || position <= 0) return 0;
  for (let p = Math.min(position, map.length); p >= 0; p--) {
    const at = map.toStored(p);
    if (at !== undefined) return at;
  }
  return 0;
}

/** Code points into UTF-16 offsets of a text we made ourselves. */
function unitsOf(text: string): (points: number) => number | undefined {
  const points = Array.from(text);
  const at = new Array<number>(points.length + 1);
  let u = 0;
  for (let i = 0; i < points.length; i++) {
    at[i] = u;
    u += points[i]!.length;
  }
  at[points.length] = u;
  return (p) => (Number.isInteger(p) && p >= 0 && p <= points.length ? at[p] : undefined);
}

const NOT_TEXT: Partial<Record<ProjectSourceKind, [string, string]>> = {
  picture: ['picture-source', 'pictures'],
  audio: ['audio-source', 'audio recordings'],
  video: ['video-source', 'videos'],
  other: ['other-source', 'sources of a kind the notebook does not know'],
};

async function readSource(
  source: QdeSource,
  archive: ProjectArchive,
  tolerated: Set<string>,
): Promise<ReadSource> {
  const codings = source.selections.reduce((n, s) => n + s.codings.length, 0) + source.otherCodings;
  const base = {
    guid: source.guid,
    name: source.name,
    kind: KIND_OF[source.kind],
    codings,
    noteRefs: source.noteRefs,
    variableValues: source.variableValues,
    ...(source.creationDateTime && { creationDateTime: source.creationDateTime }),
    ...(source.modifiedDateTime && { modifiedDateTime: source.modifiedDateTime }),
    ...(source.creatingUser && { creatingUser: source.creatingUser }),
  };
  if (source.kind !== 'text' && source.kind !== 'pdf') {
    return { ...base, problem: 'The notebook holds text only.', selections: [] };
  }
  const found = await textOf(source, archive, tolerated);
  if (found.problem) return { ...base, problem: found.problem, selections: [] };
  const title = source.name.trim() || 'Untitled source';
  const body = found.imported ?? sourceBody(found.raw!, title);
  if (body.text.trim() === '') return { ...base, problem: 'Its text is empty.', selections: [] };
  const { hash, json } = canonicalBody(body);
  const details = parseSourceDescription(source.description.replace(/\r\n?/g, '\n'));
  const original = found.original && {
    name: found.original.name,
    bytes: found.original.bytes,
    hash: sha256(found.original.bytes),
  };
  return {
    ...base,
    kind: found.original?.format === 'docx' ? 'docx' : base.kind,
    article: {
      title,
      details,
      format: found.original?.format ?? 'text',
      body: { hash, json },
      textHash: sha256(body.text),
      textLength: body.text.length,
      ...(original && { original }),
    },
    selections: readSelections(source, found, body.text),
  };
}

function notImportedOf(doc: QdeDocument, sources: readonly ReadSource[]): NotImported[] {
  const out: NotImported[] = [];
  for (const [kind, [topic, words]] of Object.entries(NOT_TEXT)) {
    const of = doc.sources.filter((s) => KIND_OF[s.kind] === kind);
    if (of.length === 0) continue;
    const selections = of.reduce((n, s) => n + s.otherSelections + s.selections.length, 0);
    out.push({
      topic,
      count: of.length,
      text: `${plural(of.length, 'source is', 'sources are')} ${words}${selections ? `, with ${plural(selections, 'selection', 'selections')}` : ''}: the notebook holds text only.`,
    });
  }
  const regions = doc.sources
    .filter((s) => s.kind === 'pdf')
    .reduce((n, s) => n + s.otherSelections, 0);
  if (regions) {
    out.push({
      topic: 'pdf-region',
      count: regions,
      text: `${plural(regions, 'selection is a region', 'selections are regions')} of a PDF page (a box, not words): the notebook places passages of text only.`,
    });
  }
  const missing = sources.filter(
    (s) => s.problem && (s.kind === 'text' || s.kind === 'pdf' || s.kind === 'docx'),
  );
  if (missing.length) {
    out.push({
      topic: 'unreadable-source',
      count: missing.length,
      text: `${plural(missing.length, 'text source', 'text sources')} could not be read (${missing.map((s) => `“${s.name}”`).join(', ')}): ${missing[0]!.problem}`,
    });
  }
  const known = new Set(doc.codes.map((c) => c.guid));
  const unknown = doc.sources.reduce(
    (n, s) =>
      n +
      s.selections.reduce((m, sel) => m + sel.codings.filter((c) => !known.has(c.code)).length, 0),
    0,
  );
  if (unknown) {
    out.push({
      topic: 'unknown-code',
      count: unknown,
      text: `${plural(unknown, 'coding points', 'codings point')} at a code the project does not define: the passage comes in without it.`,
    });
  }
  if (doc.setMembers) {
    out.push({
      topic: 'sets',
      count: doc.setMembers,
      text: `${plural(doc.setMembers, 'member', 'members')} of sets: the notebook has no sets.`,
    });
  }
  if (doc.links + doc.graphs) {
    out.push({
      topic: 'links-graphs',
      count: doc.links + doc.graphs,
      text: `${plural(doc.links + doc.graphs, 'link or graph', 'links and graphs')} between codes and sources: the notebook has neither.`,
    });
  }
  return out;
}

export async function readProjectFile(fileName: string, bytes: Uint8Array): Promise<ProjectRead> {
  const archive = await openProjectFile(fileName, bytes);
  let doc: QdeDocument;
  try {
    doc = await readQde(archive.xml);
  } catch (error) {
    if (!(error instanceof QdeError)) throw error;
    throw badFile(`“${baseName(fileName)}” can't be imported: ${error.message}.`);
  }
  const tolerated = new Set(archive.tolerated);
  if (doc.bracedGuids) tolerated.add('GUIDs are written in braces ({…}).');
  if (/<Sets\s*\/>|<Sets>\s*<\/Sets>/.test(archive.xml))
    tolerated.add('An empty <Sets/> (the schema wants at least one set).');
  if (/\r\n/.test(archive.xml)) tolerated.add('project.qde has CRLF line ends.');
  if (doc.kind === 'project' && !archive.zipped && doc.sources.length > 0) {
    tolerated.add('The project came as project.qde alone: its sources’ files are not with it.');
  }
  const sources: ReadSource[] = [];
  for (const source of doc.sources) sources.push(await readSource(source, archive, tolerated));
  const notes = doc.notes.map((note) => {
    if (note.text !== '' || !note.plainTextPath) return note;
    const file = archive.file(note.plainTextPath);
    return file ? { ...note, text: textFile(file, tolerated).replace(/\r\n?/g, '\n') } : note;
  });
  return {
    kind: doc.kind,
    ...(doc.name && { name: doc.name }),
    ...(doc.origin && { origin: doc.origin }),
    users: doc.users,
    codes: doc.codes,
    variables: doc.variables,
    cases: doc.cases,
    sources,
    notes,
    notImported: notImportedOf(doc, sources),
    tolerated: [...tolerated],
  };
}
