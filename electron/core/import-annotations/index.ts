// Annotations from other tools: a file's bytes read as W3C Web Annotation JSON or a CSV of
// passages (told by its content unless the analyst says which), and each quote placed onto text.
import type { AnnotationImportFormat } from '../../shared/annotation-import';
import type { TextEncodingName } from '../../shared/import-formats';
import { decodeFile } from '../import/decode';
import { readCsv } from './csv';
import type { ReadAnnotations } from './incoming';
import { readW3c } from './w3c';

export { occurrenceFinder, placeQuote, type Placement } from './place';
export { Skips, type IncomingAnnotation } from './incoming';

export interface AnnotationFile extends ReadAnnotations {
  format: AnnotationImportFormat;
}

/** JSON opens with `{` or `[`; a CSV's first cell never does in any file a spreadsheet wrote. */
export const looksLikeJson = (text: string) => /^\s*[[{]/.test(text);

export function readAnnotationFile(input: {
  fileName: string;
  bytes: Uint8Array;
  encoding?: TextEncodingName;
  format?: AnnotationImportFormat;
}): AnnotationFile {
  const { text } = decodeFile(input.fileName, input.bytes, input.encoding, { alternatives: false });
  const format = input.format ?? (looksLikeJson(text) ? 'w3c' : 'csv');
  const read = format === 'w3c' ? readW3c(text, input.fileName) : readCsv(text, input.fileName);
  return { format, ...read };
}
