// The one list of what can be imported (formats and their file extensions) and of the text
// encodings an analyst can choose between; the file picker's accept list, the core's format
// check and the import preview all read these.

/** How an article came in: a file of one of these formats, or text pasted into the app. */
export const ARTICLE_FORMATS = [
  'text',
  'markdown',
  'html',
  'pasted',
  'pdf',
  'docx',
  'epub',
  'odt',
] as const;
export type ArticleFormat = (typeof ARTICLE_FORMATS)[number];

/** The formats a file can have. */
export type ImportFormat = Exclude<ArticleFormat, 'pasted'>;

export const IMPORT_FORMATS: ReadonlyArray<{
  format: ImportFormat;
  label: string;
  /** Each file extension the format comes with, and the MIME type a file of it is handed over as. */
  extensions: Readonly<Record<string, string>>;
}> = [
  { format: 'pdf', label: 'PDF', extensions: { pdf: 'application/pdf' } },
  {
    format: 'docx',
    label: 'Word document',
    extensions: { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  },
  { format: 'epub', label: 'EPUB book', extensions: { epub: 'application/epub+zip' } },
  {
    format: 'odt',
    label: 'OpenDocument text',
    extensions: { odt: 'application/vnd.oasis.opendocument.text' },
  },
  // Saved pages: as HTML, as XHTML, or as one file with its parts (Chrome's "Save as single file").
  {
    format: 'html',
    label: 'Web page',
    extensions: {
      html: 'text/html',
      htm: 'text/html',
      xhtml: 'application/xhtml+xml',
      xht: 'application/xhtml+xml',
      mhtml: 'multipart/related',
      mht: 'multipart/related',
    },
  },
  { format: 'text', label: 'Plain text', extensions: { txt: 'text/plain', text: 'text/plain' } },
  {
    format: 'markdown',
    label: 'Markdown',
    extensions: { md: 'text/markdown', markdown: 'text/markdown' },
  },
];

/** Every importable extension, lower-case, without its dot. */
export const IMPORT_EXTENSIONS: readonly string[] = IMPORT_FORMATS.flatMap((f) =>
  Object.keys(f.extensions),
);

/** A file name's extension, lower-case, without its dot ("" when it has none). */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Whether a file's name says it is of a format the app imports. */
export const hasImportExtension = (fileName: string): boolean =>
  IMPORT_EXTENSIONS.includes(extensionOf(fileName));

/** The MIME type of a file by its name's extension (an original handed back, say). */
export function importMimeType(fileName: string): string {
  const ext = extensionOf(fileName);
  for (const { extensions } of IMPORT_FORMATS) {
    if (Object.hasOwn(extensions, ext)) return extensions[ext]!;
  }
  return 'application/octet-stream';
}

/** For a file input's `accept`: ".txt,.text,.md,…". */
export const IMPORT_ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');

/** REFI-QDA projects and codebooks: not articles; picked or dropped, they open the project import. */
export const PROJECT_ACCEPT = '.qdpx,.qdc';

/** What File › Import files offers: articles, and REFI-QDA projects. */
export const IMPORT_PICKER_ACCEPT = `${IMPORT_ACCEPT},${PROJECT_ACCEPT}`;

/** What can be imported, in words: "PDF, Word document, …, Plain text or Markdown". */
export const IMPORT_KINDS_TEXT = (() => {
  const all = IMPORT_FORMATS.map((f) => f.label);
  return `${all.slice(0, -1).join(', ')} or ${all.at(-1)}`;
})();

/**
 * Encodings an analyst can pick for a text file, by WHATWG name (what browsers and iconv-lite
 * call them), with a label in words. Legacy files from Windows, old Macs and older web pages.
 */
export const TEXT_ENCODINGS = [
  { name: 'utf-8', label: 'Unicode (UTF-8)' },
  { name: 'utf-16le', label: 'Unicode (UTF-16 little-endian)' },
  { name: 'utf-16be', label: 'Unicode (UTF-16 big-endian)' },
  { name: 'windows-1252', label: 'Western (Windows-1252)' },
  { name: 'iso-8859-1', label: 'Western (ISO-8859-1, Latin-1)' },
  { name: 'iso-8859-15', label: 'Western (ISO-8859-15, Latin-9)' },
  { name: 'macintosh', label: 'Western (Mac OS Roman)' },
  { name: 'windows-1250', label: 'Central European (Windows-1250)' },
  { name: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { name: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { name: 'koi8-r', label: 'Cyrillic (KOI8-R)' },
  { name: 'koi8-u', label: 'Cyrillic (KOI8-U)' },
  { name: 'iso-8859-5', label: 'Cyrillic (ISO-8859-5)' },
  { name: 'windows-1253', label: 'Greek (Windows-1253)' },
  { name: 'iso-8859-7', label: 'Greek (ISO-8859-7)' },
  { name: 'windows-1254', label: 'Turkish (Windows-1254)' },
  { name: 'iso-8859-9', label: 'Turkish (ISO-8859-9)' },
  { name: 'windows-1255', label: 'Hebrew (Windows-1255)' },
  { name: 'iso-8859-8', label: 'Hebrew (ISO-8859-8)' },
  { name: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { name: 'iso-8859-6', label: 'Arabic (ISO-8859-6)' },
  { name: 'windows-1257', label: 'Baltic (Windows-1257)' },
  { name: 'windows-1258', label: 'Vietnamese (Windows-1258)' },
  { name: 'windows-874', label: 'Thai (Windows-874)' },
  { name: 'gb18030', label: 'Chinese Simplified (GB18030, GBK, GB2312)' },
  { name: 'big5', label: 'Chinese Traditional (Big5)' },
  { name: 'shift_jis', label: 'Japanese (Shift JIS)' },
  { name: 'euc-jp', label: 'Japanese (EUC-JP)' },
  { name: 'iso-2022-jp', label: 'Japanese (ISO-2022-JP)' },
  { name: 'euc-kr', label: 'Korean (EUC-KR)' },
] as const;

export type TextEncodingName = (typeof TEXT_ENCODINGS)[number]['name'];

export const isTextEncodingName = (name: string): name is TextEncodingName =>
  TEXT_ENCODINGS.some((e) => e.name === name);

/**
 * How the encoding was decided. bom: a byte-order mark; declared: the page's own charset
 * declaration; utf-8: the bytes are valid UTF-8; detected: a statistical guess; chosen: the
 * analyst picked it.
 */
export type EncodingSource = 'bom' | 'declared' | 'utf-8' | 'detected' | 'chosen';

/** What an import would do, shown before anything is saved when the encoding is a guess. */
export interface ImportPreview {
  fileName: string;
  format: ImportFormat;
  encoding: TextEncodingName;
  encodingSource: EncodingSource;
  /** Other encodings that fit the bytes, most likely first (never includes `encoding`). */
  alternatives: TextEncodingName[];
  /** The title the article would get. */
  title: string;
  /** The start of the text as it would be imported. */
  sample: string;
}
