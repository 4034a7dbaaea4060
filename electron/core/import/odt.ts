// An OpenDocument text (.odt, as LibreOffice and Google Docs save it) -> canonical document:
// content.xml walked with the meaning its styles give it (styles.xml and the automatic styles),
// metadata from meta.xml.
import { badFile } from '../errors';
import { DocumentBuilder } from './document-builder';
import { baseName, stem } from './decode';
import type { FileMetadata } from './file-metadata';
import {
  authorList,
  compactMetadata,
  doiIn,
  languageTag,
  publishedDate,
  type ImportedFile,
} from './metadata-fields';
import { OdtWalker } from './odt-content';
import { OdtStyles } from './odt-styles';
import {
  childElements,
  fieldText,
  findElement,
  parseXml,
  xmlText,
  type XmlElement,
} from './xml-tree';
import { ZipPackage } from './zip-package';

const TEXT_TYPES = new Set([
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.text-template',
]);
const OTHER_KINDS: Record<string, string> = {
  spreadsheet: 'spreadsheet',
  presentation: 'presentation',
  graphics: 'drawing',
  formula: 'formula',
};

export async function importOdt(bytes: Uint8Array, fileName: string): Promise<ImportedFile> {
  const name = baseName(fileName);
  const zip = await ZipPackage.open(bytes, name, (n) =>
    badFile(`The file “${n}” is damaged or is not an OpenDocument text, so it can't be imported.`),
  );
  const parts = zip.read([
    'mimetype',
    'content.xml',
    'styles.xml',
    'meta.xml',
    'META-INF/manifest.xml',
  ]);
  const text = (part: string) => {
    const bytes = parts.get(part);
    return bytes === undefined ? undefined : xmlText(bytes);
  };
  refuseOther(name, text('mimetype'), text('META-INF/manifest.xml'));
  const content = text('content.xml');
  if (content === undefined) {
    throw badFile(
      `The file “${name}” is a ZIP archive, not an OpenDocument text, so it can't be imported.`,
    );
  }
  const contentRoot = await parseXml(content);
  const stylesPart = text('styles.xml');
  const stylesRoot = stylesPart === undefined ? undefined : await parseXml(stylesPart);
  const styles = new OdtStyles(
    stylesRoot && findElement(stylesRoot, 'styles'),
    findElement(contentRoot, 'automatic-styles'),
  );
  const body = findElement(contentRoot, 'body');
  const officeText = body && childElements(body, 'text')[0];
  if (officeText === undefined) {
    throw badFile(
      `The file “${name}” is an OpenDocument file with no text document in it, so it can't be imported.`,
    );
  }

  const builder = new DocumentBuilder('collapse');
  const walker = new OdtWalker(builder, styles);
  walker.body(officeText);
  walker.notes();
  if (builder.blockCount === 0) throw badFile(`The file “${name}” has no readable text.`);
  const metaPart = text('meta.xml');
  const metadata = metaPart === undefined ? {} : documentMeta(await parseXml(metaPart));
  const doc = builder.build(metadata.title || builder.firstText('heading') || stem(name));
  return { doc, metadata };
}

/** A spreadsheet or slides saved as ODF, or a text encrypted with a password: words for each. */
function refuseOther(name: string, mimetype: string | undefined, manifest: string | undefined) {
  const type = mimetype?.trim();
  if (type !== undefined && type !== '' && !TEXT_TYPES.has(type)) {
    const kind = type
      .replace(/^application\/vnd\.oasis\.opendocument\./, '')
      .replace(/-template$/, '');
    const what = OTHER_KINDS[kind];
    throw badFile(
      what
        ? `The file “${name}” is an OpenDocument ${what}, not a text document, so it can't be imported.`
        : `The file “${name}” is not an OpenDocument text, so it can't be imported.`,
    );
  }
  // The manifest describes how each encrypted part is encrypted.
  if (manifest?.includes('encryption-data')) {
    throw badFile(
      `The file “${name}” is protected by a password, so its text can't be read. Open it in ` +
        'LibreOffice, save a copy without the password, and import that copy.',
    );
  }
}

/**
 * meta.xml. Its dc:creator is whoever saved the file last; the author is meta:initial-creator,
 * and dc:creator stands in only when a writer gave no initial creator.
 */
function documentMeta(root: XmlElement): FileMetadata {
  const meta = findElement(root, 'meta');
  if (meta === undefined) return {};
  const field = (qualified: string) =>
    fieldText(
      meta.children.find((c): c is XmlElement => typeof c === 'object' && c.name === qualified),
    );
  const author = field('meta:initial-creator') || field('dc:creator');
  const authors = authorList([author]);
  return compactMetadata({
    title: field('dc:title'),
    ...(authors && { authors }),
    published: publishedDate(field('meta:creation-date')) ?? publishedDate(field('dc:date')),
    doi: doiIn(field('dc:subject')),
    language: languageTag(field('dc:language')),
  });
}
