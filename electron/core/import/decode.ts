// Checks an imported file before any parsing: supported extension, size, text-ness, and turns its
// bytes into a string (UTF-8, or UTF-16 when a byte-order mark says so).
import { badFile } from '../errors';
import {
  IMPORT_EXTENSIONS_TEXT,
  IMPORT_FORMATS,
  type EncodingSource,
  type ImportFormat,
  type TextEncodingName,
} from '../../shared/import-formats';
import { LIMITS } from '../../shared/model';

const FORMATS = new Map<string, ImportFormat>(
  IMPORT_FORMATS.flatMap((f) => f.extensions.map((ext) => [ext, f.format] as const)),
);

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  source: EncodingSource;
  /** Other encodings that fit the bytes, most likely first. */
  alternatives: TextEncodingName[];
}

// Binary formats nearly always hold a NUL early on; text never does.
const SNIFF_BYTES = 8 * 1024;

/** The name without any folders: a path from elsewhere must not leak into messages or sources. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || 'untitled';
}

/** The name without its extension, as a last-resort title. */
export function stem(fileName: string): string {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function formatOf(fileName: string): ImportFormat {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  const format = dot > 0 ? FORMATS.get(name.slice(dot + 1).toLowerCase()) : undefined;
  if (format === undefined) {
    throw badFile(`The file “${name}” can't be imported: choose a ${IMPORT_EXTENSIONS_TEXT} file.`);
  }
  return format;
}

export function decodeFile(
  fileName: string,
  bytes: Uint8Array,
  chosen?: TextEncodingName,
): DecodedText {
  const name = baseName(fileName);
  if (bytes.length === 0) throw badFile(`The file “${name}” is empty.`);
  if (bytes.length > LIMITS.importBytes) {
    const mb = LIMITS.importBytes / (1024 * 1024);
    throw badFile(`The file “${name}” is larger than ${mb} MB, the most that can be imported.`);
  }
  const notText = () =>
    badFile(
      `The file “${name}” is not a text file (or not UTF-8 or UTF-16), so it can't be imported.`,
    );

  const bom = utf16Encoding(bytes);
  const encoding = chosen ?? bom ?? 'utf-8';
  if (!encoding.startsWith('utf-')) {
    throw badFile(`The encoding ${encoding} can't be used for “${name}” yet.`);
  }
  if (bom === undefined && bytes.subarray(0, SNIFF_BYTES).includes(0)) throw notText();
  let text: string;
  try {
    // fatal: a Windows-1252 or truncated file is refused rather than imported with U+FFFD holes.
    // The decoder removes the byte-order mark itself.
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notText();
  }
  if (text.includes('\u0000')) throw notText();
  if (text.trim() === '') throw badFile(`The file “${name}” is empty.`);
  return {
    text,
    encoding,
    source: chosen ? 'chosen' : bom ? 'bom' : 'utf-8',
    alternatives: [],
  };
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}
