// A PDF -> canonical document: pdf.js reads the positioned text (extract.ts), the layout rebuilds
// reading order, paragraphs, headings and notes (layout.ts), and the builder makes the text,
// with a page place where each page's text begins. Load this module on first use only.
import type { CanonicalDocument } from '../../../shared/model';
import { baseName, stem } from '../decode';
import { DocumentBuilder } from '../document-builder';
import type { FileMetadata } from '../file-metadata';
import { extractPdf, noTextLayer } from './extract';
import { layOut } from './layout';
import { pdfMetadata } from './pdf-metadata';
import { rowsOf, textOf } from './text-lines';

export async function importPdf(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ doc: CanonicalDocument; metadata: FileMetadata }> {
  const name = baseName(fileName);
  const file = await extractPdf(bytes, name);
  const builder = new DocumentBuilder('collapse');
  for (const block of layOut(file.pages)) {
    builder.addBlock(
      block.type,
      block.runs,
      block.level === undefined ? {} : { level: block.level },
    );
  }
  // Text that was all furniture (a scan stamped with page numbers) is no text either.
  if (builder.blockCount === 0) throw noTextLayer(name);
  const firstPage = rowsOf(file.pages[0]?.items ?? []).map((row) => textOf(row.items));
  const metadata = pdfMetadata(file.info, file.xmp, firstPage.join('\n'));
  const doc = builder.build(metadata.title ?? builder.firstText('heading') ?? stem(name));
  return { doc, metadata };
}
