// Reading an exported .qdpx back the way another tool would: unzip it (fflate), parse project.qde
// (fast-xml-parser), and reach the parts by the schema's element names.
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';
import type { ExportOutcome } from '../../../../electron/shared/contract';
import type { ExportFile } from '../../../../electron/shared/model';

/** Elements that may repeat: always arrays, so a test never meets "one item, not a list". */
const LISTS = new Set([
  'User',
  'Code',
  'Variable',
  'Case',
  'VariableValue',
  'SourceRef',
  'TextSource',
  'PDFSource',
  'PlainTextSelection',
  'Coding',
  'NoteRef',
  'Note',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Descriptions and note texts are compared exactly: nothing trimmed, nothing parsed as numbers.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});

/** A parsed element: attributes by name, children by element name (see LISTS). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Node = Record<string, any>;

export const parseXml = (xml: string): Node => parser.parse(xml) as Node;

export function fileOf(outcome: ExportOutcome): ExportFile {
  if (outcome.kind !== 'download') throw new Error(`not a download: ${outcome.kind}`);
  return outcome.file;
}

export interface ReadProject {
  entries: Record<string, Uint8Array>;
  qde: string;
  project: Node;
  /** A source's text file, from the plainTextPath it names. */
  textOf(source: Node): string;
  /** Every source element (TextSource and PDFSource), in document order by kind. */
  sources: Node[];
  /** The selections of a source: its own, or a PDF's representation's. */
  selectionsOf(source: Node): Node[];
}

export function readProject(file: ExportFile): ReadProject {
  const entries = unzipSync(file.bytes);
  const qdeBytes = entries['project.qde'];
  expect(qdeBytes, 'project.qde at the root of the zip').toBeDefined();
  const qde = strFromU8(qdeBytes!);
  const project = parseXml(qde).Project as Node;
  const sources: Node[] = [
    ...(project.Sources?.TextSource ?? []),
    ...(project.Sources?.PDFSource ?? []),
  ];
  const textOf = (source: Node): string => {
    const holder = source.Representation ?? source;
    const path = String(holder.plainTextPath);
    expect(path).toMatch(/^internal:\/\/[0-9a-f-]{36}\.txt$/);
    const bytes = entries[`sources/${path.slice('internal://'.length)}`];
    expect(bytes, `${path} in the zip's sources/`).toBeDefined();
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  };
  const selectionsOf = (source: Node): Node[] =>
    (source.Representation ?? source).PlainTextSelection ?? [];
  return { entries, qde, project, textOf, sources, selectionsOf };
}

/** Every GUID the document defines or points at, in document order. */
export const guidsIn = (qde: string) =>
  [...qde.matchAll(/\b(?:guid|targetGUID)="([^"]+)"/g)].map((m) => m[1]!);

/** The passage a selection names, cut from its source text by code points (as REFI counts). */
export const passageAt = (text: string, selection: Node) =>
  Array.from(text).slice(Number(selection.startPosition), Number(selection.endPosition)).join('');
