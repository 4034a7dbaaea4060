// Which importer a file needs, told by its content: magic bytes, a zip's entry names (read from
// its central directory, nothing inflated), MIME headers, the markup it opens with. The
// extension decides only what content can't (Markdown or plain text), and the caller learns
// when the two disagree. No library: this runs before any importer is loaded.
import { binarySignature, hasNul, utf16Pattern, type BinaryKind } from './binary-sniff';
import { zipEntries, storedText } from './zip-directory';

export type SniffedFormat =
  | 'pdf'
  | 'docx'
  | 'epub'
  | 'odt'
  | 'qdpx'
  | 'mhtml'
  | 'html'
  | 'xhtml'
  | 'markdown'
  | 'text'
  /** A zip that is none of the packages above. */
  | 'zip'
  /** A known file type that is not text (an image, an old .doc, an archive, a program). */
  | 'binary';

export interface ImportFormatGuess {
  format: SniffedFormat;
  /** For 'binary': which kind, so a message can say "an image" or "an older Word document". */
  binaryKind?: BinaryKind;
  /** What the file's extension claims, when it names a format this knows. */
  extensionFormat?: SniffedFormat;
  /** The extension claims another format than the content shows (a .doc that is HTML). */
  extensionDisagrees: boolean;
}

const EXTENSIONS: Readonly<Record<string, SniffedFormat>> = {
  pdf: 'pdf', docx: 'docx', docm: 'docx', dotx: 'docx', dotm: 'docx', epub: 'epub', odt: 'odt',
  ott: 'odt', qdpx: 'qdpx', mhtml: 'mhtml', mht: 'mhtml', html: 'html', htm: 'html',
  xhtml: 'xhtml', xht: 'xhtml', md: 'markdown', markdown: 'markdown', txt: 'text', text: 'text',
  zip: 'zip', doc: 'binary', xls: 'binary', ppt: 'binary', png: 'binary', jpg: 'binary',
  jpeg: 'binary', gif: 'binary',
}; // prettier-ignore
// Formats read by one importer family: a page written as XHTML in an .html file is no mismatch.
const FAMILY: Partial<Record<SniffedFormat, string>> = {
  html: 'page',
  xhtml: 'page',
  markdown: 'text',
  text: 'text',
};
const HEAD_BYTES = 4096;
const PDF_WITHIN = 1024;
const ODT_TYPES = /^application\/vnd\.oasis\.opendocument\.text(?:-template)?$/;

export function sniffFormat(fileName: string, bytes: Uint8Array): ImportFormatGuess {
  const extensionFormat = EXTENSIONS[extensionOf(fileName)];
  const found = byContent(bytes, extensionFormat);
  const { format } = found;
  const agree =
    extensionFormat === undefined ||
    extensionFormat === format ||
    (FAMILY[format] !== undefined && FAMILY[format] === FAMILY[extensionFormat]);
  return {
    ...found,
    ...(extensionFormat !== undefined && { extensionFormat }),
    extensionDisagrees: !agree,
  };
}

function byContent(
  bytes: Uint8Array,
  extension: SniffedFormat | undefined,
): Pick<ImportFormatGuess, 'format' | 'binaryKind'> {
  if (isPdf(bytes)) return { format: 'pdf' };
  const binary = binarySignature(bytes);
  if (binary === 'zip') return { format: zipFormat(bytes, extension) };
  if (binary !== undefined) return { format: 'binary', binaryKind: binary };
  // A byte-order mark says text, however short or damaged the rest (the decoder says which).
  if (hasNul(bytes) && !hasTextMark(bytes) && utf16Pattern(bytes) === undefined) {
    return { format: 'binary', binaryKind: 'other' };
  }
  const head = headText(bytes);
  if (isMimeMessage(head)) return { format: 'mhtml' };
  const markup = markupFormat(head, extension);
  if (markup !== undefined) return { format: markup };
  if (extension === 'markdown' || extension === 'html' || extension === 'xhtml') {
    return { format: extension };
  }
  return { format: 'text' };
}

/**
 * A zip's entries say what it is: EPUB and ODF store their type in a `mimetype` entry, Office
 * files have [Content_Types].xml and their main part, a REFI-QDA project its project.qde. A zip
 * whose directory can't be read is left to the extension, so its importer explains the damage.
 */
function zipFormat(bytes: Uint8Array, extension: SniffedFormat | undefined): SniffedFormat {
  const entries = zipEntries(bytes);
  const mimetype = storedText(bytes, entries?.get('mimetype'))?.trim();
  if (mimetype === 'application/epub+zip') return 'epub';
  if (mimetype !== undefined && ODT_TYPES.test(mimetype)) return 'odt';
  if (entries === undefined) {
    return extension && ['docx', 'epub', 'odt', 'qdpx'].includes(extension) ? extension : 'zip';
  }
  if (entries.has('[Content_Types].xml') && entries.has('word/document.xml')) return 'docx';
  if (entries.has('project.qde')) return 'qdpx';
  if (entries.has('META-INF/container.xml') && mimetype === undefined) return 'epub';
  return 'zip';
}

function hasTextMark(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** The first bytes as text for the markup and header tests: UTF-16 by its mark, else Latin-1. */
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  const pattern = hasNul(head) ? utf16Pattern(head) : undefined;
  if (pattern !== undefined) return new TextDecoder(pattern).decode(head);
  let out = '';
  for (const byte of head) out += String.fromCharCode(byte);
  return out.replace(/^\u00ef\u00bb\u00bf/, '');
}

/** A MIME message as browsers save pages: MIME-Version and a multipart/related (or page) body. */
function isMimeMessage(head: string): boolean {
  const end = head.search(/\r?\n\r?\n/);
  const headers = (end === -1 ? head : head.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const lines = headers.split(/\r?\n/);
  if (!lines.every((line) => /^[!-9;-~]+:/.test(line))) return false;
  return (
    lines.some((line) => /^mime-version\s*:/i.test(line)) &&
    lines.some((line) => /^content-type\s*:\s*(?:multipart\/related|text\/html)\b/i.test(line))
  );
}

/**
 * HTML by how it opens, after white space and comments: a doctype or an <html> tag. After an
 * XML declaration it is XHTML; without one, only an .xhtml name makes it so.
 */
function markupFormat(
  head: string,
  extension: SniffedFormat | undefined,
): SniffedFormat | undefined {
  let rest = head.replace(/^\uFEFF/, '');
  let xml = false;
  for (;;) {
    rest = rest.trimStart();
    const skipped = /^(?:<!--[\s\S]*?-->|<\?[\s\S]*?\?>)/.exec(rest);
    if (skipped === null) break;
    if (skipped[0].startsWith('<?xml')) xml = true;
    rest = rest.slice(skipped[0].length);
  }
  if (!/^<(?:!doctype\s+html|html)[\s>]/i.test(rest)) return undefined;
  return xml || extension === 'xhtml' ? 'xhtml' : 'html';
}

function extensionOf(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * "%PDF-" opening the file, after any white space (some writers put a line break first). Not
 * anywhere in the first kilobyte as lenient readers allow: a web page about PDFs would match.
 */
function isPdf(bytes: Uint8Array): boolean {
  let i = 0;
  while (
    i < PDF_WITHIN &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, j) => bytes[i + j] === b);
}
