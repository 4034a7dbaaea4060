// A page saved as one file (.mhtml, .mht: "Save as… Webpage, Single File") -> canonical document:
// the MIME message's main HTML part, decoded with its own charset, goes to the web page
// importer. The other parts (pictures, styles, frames) are never decoded, fetched or rendered.
import { isUtf8 } from 'node:buffer';
import type { TextEncodingName } from '../../shared/import-formats';
import { badFile } from '../errors';
import { declaredEncoding, encodingForLabel } from './charset-labels';
import { baseName, stem } from './decode';
import { decodeAs } from './decode-as';
import type { FileMetadata } from './file-metadata';
import { importHtml, type ImportedPage } from './html';
import { compactMetadata } from './metadata-fields';
import {
  contentType,
  decodeBody,
  parseEntity,
  splitMultipart,
  type MimeEntity,
} from './mime-parts';
import { webUrl } from './safe-url';
import { importXhtml } from './xhtml';

export interface ImportedSavedPage extends ImportedPage {
  metadata: FileMetadata;
}

const PAGE_TYPES = new Set(['text/html', 'application/xhtml+xml']);

export async function importMhtml(bytes: Uint8Array, fileName: string): Promise<ImportedSavedPage> {
  const name = baseName(fileName);
  const message = parseEntity(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
  );
  const main = mainPart(message);
  if (main === undefined) {
    throw badFile(
      `The file “${name}” is not a saved web page (it holds no HTML page), so it can't be imported.`,
    );
  }
  const type = contentType(main.headers.get('content-type'));
  const html = pageText(decodeBody(main), type.params.get('charset'));
  // Where the page was saved from: relative links in it point there.
  const address =
    webUrl(message.headers.get('snapshot-content-location')) ??
    webUrl(main.headers.get('content-location'));
  const source = address === undefined ? html : withBase(html, address);
  const page =
    type.type === 'application/xhtml+xml'
      ? await importXhtml(source, name, stem(name))
      : importHtml(source, name, stem(name));
  const url = page.url ?? address;
  return { doc: page.doc, ...(url !== undefined && { url }), metadata: compactMetadata({ url }) };
}

/**
 * The page itself: the HTML part saved from the snapshot's address, else the one the message
 * names as its start, else the first HTML part. A message that is a page alone is its own part.
 */
function mainPart(message: MimeEntity): MimeEntity | undefined {
  const type = contentType(message.headers.get('content-type'));
  if (PAGE_TYPES.has(type.type)) return message;
  const boundary = type.params.get('boundary');
  if (!type.type.startsWith('multipart/') || !boundary) return undefined;
  const pages = splitMultipart(message.body, boundary).filter((part) =>
    PAGE_TYPES.has(contentType(part.headers.get('content-type')).type),
  );
  const snapshot = message.headers.get('snapshot-content-location');
  const start = type.params.get('start')?.replace(/^<|>$/g, '');
  return (
    (snapshot === undefined
      ? undefined
      : pages.find((p) => p.headers.get('content-location') === snapshot)) ??
    (start === undefined
      ? undefined
      : pages.find((p) => p.headers.get('content-id')?.replace(/^<|>$/g, '') === start)) ??
    pages[0]
  );
}

/**
 * The part's charset parameter decides, as an HTTP header does; without one, the page's own
 * declaration, else UTF-8 when the bytes are, else Windows-1252 (what browsers fall back to).
 */
function pageText(bytes: Uint8Array, charset: string | undefined): string {
  const labelled = charset === undefined ? undefined : encodingForLabel(charset);
  let encoding: TextEncodingName = labelled ?? declaredEncoding(bytes) ?? 'utf-8';
  if (labelled === undefined && encoding === 'utf-8' && !isUtf8(bytes)) encoding = 'windows-1252';
  return decodeAs(bytes, encoding, true);
}

/** The page with a <base> naming where it was saved from, unless it names one itself. */
function withBase(html: string, address: string): string {
  if (/<base\s[^>]*href/i.test(html)) return html;
  const base = `<base href="${address.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  const head = /<head(?:\s[^>]*)?>/i.exec(html);
  return head
    ? `${html.slice(0, head.index + head[0].length)}${base}${html.slice(head.index + head[0].length)}`
    : `${base}${html}`;
}
