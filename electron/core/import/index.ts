// The importers' public face: a file's name and bytes (or pasted text) in, a canonical document
// out, or a NotebookError whose message the analyst can act on.
import type {
  EncodingSource,
  ImportFormat,
  ImportPreview,
  TextEncodingName,
} from '../../shared/import-formats';
import { LIMITS, type CanonicalDocument } from '../../shared/model';
import { badFile } from '../errors';
import { cleanTitle } from './document-builder';
import { baseName, decodeFile, formatOf, stem, type DecodeOptions } from './decode';
import { importPlainText } from './plain-text';

const MAX_MB = LIMITS.importBytes / (1024 * 1024);

export interface ImportedDocument {
  doc: CanonicalDocument;
  format: ImportFormat;
  /** The page's declared http(s) address for HTML when it has one, else the file name. */
  source: string;
  encoding: TextEncodingName;
  encodingSource: EncodingSource;
}

/** The encoding worth recording on the article: only a legacy one says something. */
export function legacy(imported: ImportedDocument): TextEncodingName | undefined {
  return imported.encoding.startsWith('utf-') ? undefined : imported.encoding;
}

const SAMPLE_CHARS = 3000;

/** What importing would give, saving nothing: shown when the encoding is not certain. */
export async function previewImport(
  fileName: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
): Promise<ImportPreview> {
  const imported = await importFile(fileName, bytes, encoding);
  return {
    fileName: baseName(fileName),
    format: imported.format,
    encoding: imported.encoding,
    encodingSource: imported.encodingSource,
    alternatives: imported.alternatives,
    title: imported.doc.title,
    sample: imported.doc.text.slice(0, SAMPLE_CHARS),
  };
}

/**
 * The HTML and Markdown importers (jsdom, Readability, markdown-it) load on first use: they are
 * most of the core's code, and start-up must not wait for them. This runs in a core worker
 * (workers/tasks.ts), never on the main thread.
 */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  options: DecodeOptions = {},
): Promise<ImportedDocument & { alternatives: TextEncodingName[] }> {
  const name = baseName(fileName);
  const format = formatOf(name);
  const decoded = decodeFile(name, bytes, encoding, options);
  const how = {
    encoding: decoded.encoding,
    encodingSource: decoded.source,
    alternatives: decoded.alternatives,
  };
  return { ...(await parseOnce(format, name, decoded.text)), format, ...how };
}

/**
 * The last parse, kept: the import dialog reads a file twice (preview, then import, maybe with
 * the encoding the preview found), and parsing a web page costs far more than decoding it. The
 * parse depends only on the format, the name and the decoded text, so equal inputs reuse it.
 */
let lastParse:
  | { key: string; text: string; parsed: Promise<Pick<ImportedDocument, 'doc' | 'source'>> }
  | undefined;

function parseOnce(format: ImportFormat, name: string, text: string) {
  const key = `${format}\0${name}`;
  if (lastParse?.key === key && lastParse.text === text) return lastParse.parsed;
  const parsed = parse(format, name, text);
  lastParse = { key, text, parsed };
  // A refused file is not worth remembering (and a rejection must not linger unobserved).
  parsed.catch(() => {
    if (lastParse?.parsed === parsed) lastParse = undefined;
  });
  return parsed;
}

async function parse(
  format: ImportFormat,
  name: string,
  text: string,
): Promise<Pick<ImportedDocument, 'doc' | 'source'>> {
  if (format === 'html') {
    const { importHtml } = await import('./html');
    const page = importHtml(text, name, stem(name));
    // A URL cut short would point somewhere else, so an over-long one yields to the file name.
    const url = page.url !== undefined && page.url.length <= LIMITS.source ? page.url : undefined;
    return { doc: page.doc, source: url ?? limitSource(name) };
  }
  const doc =
    format === 'markdown'
      ? (await import('./markdown')).importMarkdown(text, stem(name))
      : importPlainText(text, stem(name));
  if (doc.text === '') throw badFile(`The file “${name}” has no readable text.`);
  return { doc, source: limitSource(name) };
}

export function importPastedText(text: string, title?: string): CanonicalDocument {
  if (text.trim() === '') throw badFile('The pasted text is empty.');
  if (Buffer.byteLength(text, 'utf8') > LIMITS.importBytes) {
    throw badFile(`The pasted text is larger than ${MAX_MB} MB, the most that can be imported.`);
  }
  const doc = importPlainText(text, 'Pasted text');
  if (doc.text === '') throw badFile('The pasted text is empty.');
  const given = title?.trim();
  return given ? { ...doc, title: cleanTitle(given) } : doc;
}

function limitSource(source: string): string {
  return source.length <= LIMITS.source ? source : source.slice(0, LIMITS.source);
}
