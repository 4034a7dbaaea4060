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
import { baseName, decodeFile, notText, stem, type DecodeOptions } from './decode';
import { detailsFrom, type FileMetadata } from './file-metadata';
import { importPlainText } from './plain-text';
import { sniffFormat, type ImportFormatGuess, type SniffedFormat } from './sniff-format';

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
 * Every importer (jsdom, Readability, markdown-it, pdf.js, mammoth, the zip readers) loads on
 * first use: they are most of the core's code, and start-up must not wait for them. This runs
 * in a core worker (workers/tasks.ts), never on the main thread. The content decides which
 * importer reads a file (sniff-format.ts); the bytes are decoded as text only for text formats.
 */
export async function importFile(
  fileName: string,
  bytes: Uint8Array,
  encoding?: TextEncodingName,
  options: DecodeOptions = {},
): Promise<ImportedDocument & { alternatives: TextEncodingName[] }> {
  const name = baseName(fileName);
  checkSize(name, bytes);
  const sniffed = sniffFormat(name, bytes);
  const format = sniffed.format;
  if (isDocumentFormat(format)) {
    const read = await parseOnce(format, name, bytes, () => readDocument(format, name, bytes));
    // A document file carries its own encoding (XML's UTF-8, a PDF's fonts): nothing to choose.
    return { ...read, format: articleFormatOf(format), ...CARRIED_ENCODING };
  }
  if (format === 'binary' || format === 'zip' || format === 'qdpx') {
    throw refusal(name, sniffed);
  }
  const decoded = decodeFile(name, bytes, encoding, options);
  const how = {
    encoding: decoded.encoding,
    encodingSource: decoded.source,
    alternatives: decoded.alternatives,
  };
  const parsed = await parseOnce(format, name, decoded.text, () =>
    parseText(format, name, decoded.text),
  );
  return { ...parsed, format: articleFormatOf(format), ...how };
}

type DocumentFormat = 'pdf' | 'docx' | 'epub' | 'odt' | 'mhtml';
type TextFormat = 'html' | 'xhtml' | 'markdown' | 'text';

const isDocumentFormat = (format: SniffedFormat): format is DocumentFormat =>
  format === 'pdf' ||
  format === 'docx' ||
  format === 'epub' ||
  format === 'odt' ||
  format === 'mhtml';

const CARRIED_ENCODING = {
  encoding: 'utf-8',
  encodingSource: 'declared',
  alternatives: [],
} as const satisfies Pick<ImportedDocument, 'encoding' | 'encodingSource'> & {
  alternatives: TextEncodingName[];
};

/** What the article records it came in as: saved pages of every kind are web pages. */
function articleFormatOf(format: DocumentFormat | TextFormat): ImportFormat {
  return format === 'mhtml' || format === 'xhtml' ? 'html' : format;
}

function checkSize(name: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw badFile(`The file “${name}” is empty.`);
  if (bytes.length > LIMITS.importBytes) {
    throw badFile(`The file “${name}” is larger than ${MAX_MB} MB, the most that can be imported.`);
  }
}

/** Why a file no importer reads is refused, in words that say what to do instead. */
function refusal(name: string, sniffed: ImportFormatGuess) {
  if (sniffed.format === 'qdpx') {
    return badFile(
      `The file “${name}” is a REFI-QDA project (.qdpx). Open it with File › Import REFI-QDA project…, which brings in its articles, codes and codings together.`,
    );
  }
  return notText(name, sniffed.format === 'zip' ? 'zip' : sniffed.binaryKind);
}

/**
 * The last parse, kept: the import dialog reads a file twice (preview, then import, maybe with
 * the encoding the preview found), and parsing a page or a PDF costs far more than reading it.
 * A parse depends only on the format, the name and the input (decoded text, or the file's bytes
 * for document formats), so equal inputs reuse it.
 */
let lastParse: { key: string; input: string | Uint8Array; parsed: Promise<ParsedFile> } | undefined;

type ParsedFile = Pick<ImportedDocument, 'doc' | 'source'>;

function sameInput(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

function parseOnce(
  format: SniffedFormat,
  name: string,
  input: string | Uint8Array,
  parse: () => Promise<ParsedFile>,
): Promise<ParsedFile> {
  const key = `${format}\0${name}`;
  if (lastParse?.key === key && sameInput(lastParse.input, input)) return lastParse.parsed;
  const parsed = parse();
  lastParse = { key, input, parsed };
  // A refused file is not worth remembering (and a rejection must not linger unobserved).
  parsed.catch(() => {
    if (lastParse?.parsed === parsed) lastParse = undefined;
  });
  return parsed;
}

/** A document file through its importer, with what it says about itself as the details. */
async function readDocument(
  format: DocumentFormat,
  name: string,
  bytes: Uint8Array,
): Promise<ParsedFile> {
  const read = await documentReaders[format](bytes, name);
  const found = detailsFrom(read.metadata);
  // What the content said (a saved page's byline) wins over the container's fields.
  const details = { ...found, ...read.doc.details };
  const doc = Object.keys(details).length > 0 ? { ...read.doc, details } : read.doc;
  if (doc.text === '') throw badFile(`The file “${name}” has no readable text.`);
  return { doc, source: sourceOf(name, read.url) };
}

type DocumentReader = (
  bytes: Uint8Array,
  name: string,
) => Promise<{ doc: CanonicalDocument; metadata: FileMetadata; url?: string }>;

const documentReaders: Record<DocumentFormat, DocumentReader> = {
  pdf: async (bytes, name) => (await import('./pdf')).importPdf(bytes, name),
  docx: async (bytes, name) => (await import('./docx')).importDocx(bytes, name),
  epub: async (bytes, name) => (await import('./epub')).importEpub(bytes, name),
  odt: async (bytes, name) => (await import('./odt')).importOdt(bytes, name),
  mhtml: async (bytes, name) => (await import('./mhtml')).importMhtml(bytes, name),
};

async function parseText(format: TextFormat, name: string, text: string): Promise<ParsedFile> {
  if (format === 'html' || format === 'xhtml') {
    const page =
      format === 'xhtml'
        ? await (await import('./xhtml')).importXhtml(text, name, stem(name))
        : (await import('./html')).importHtml(text, name, stem(name));
    return { doc: page.doc, source: sourceOf(name, page.url) };
  }
  const doc =
    format === 'markdown'
      ? (await import('./markdown')).importMarkdown(text, stem(name))
      : importPlainText(text, stem(name));
  if (doc.text === '') throw badFile(`The file “${name}” has no readable text.`);
  return { doc, source: limitSource(name) };
}

/** A page's declared address; a URL cut short would point somewhere else, so an over-long one yields to the file name. */
function sourceOf(name: string, url: string | undefined): string {
  return url !== undefined && url.length <= LIMITS.source ? url : limitSource(name);
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
