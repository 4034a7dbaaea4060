// The importers' public face: a file's name and bytes (or pasted text) in, a canonical document
// out, or a NotebookError whose message the analyst can act on.
import { LIMITS, type CanonicalDocument } from '../../shared/model';
import { badFile } from '../errors';
import { cleanTitle } from './document-builder';
import { baseName, decodeFile, formatOf, stem, type ImportFormat } from './decode';
import { importPlainText } from './plain-text';

const MAX_MB = LIMITS.importBytes / (1024 * 1024);

export interface ImportedDocument {
  doc: CanonicalDocument;
  format: ImportFormat;
  /** The page's declared http(s) address for HTML when it has one, else the file name. */
  source: string;
}

/**
 * The HTML and Markdown importers (jsdom, Readability, markdown-it) load on first use: they are
 * most of the core's code, and start-up must not wait for them.
 */
export async function importFile(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
  const name = baseName(fileName);
  const format = formatOf(name);
  const text = decodeFile(name, bytes);
  if (format === 'html') {
    const { importHtml } = await import('./html');
    const page = importHtml(text, name, stem(name));
    // A URL cut short would point somewhere else, so an over-long one yields to the file name.
    const url = page.url !== undefined && page.url.length <= LIMITS.source ? page.url : undefined;
    return { doc: page.doc, format, source: url ?? limitSource(name) };
  }
  const doc =
    format === 'markdown'
      ? (await import('./markdown')).importMarkdown(text, stem(name))
      : importPlainText(text, stem(name));
  if (doc.text === '') throw badFile(`The file “${name}” has no readable text.`);
  return { doc, format, source: limitSource(name) };
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
