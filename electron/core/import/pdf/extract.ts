// Reads a PDF with pdf.js: every page's positioned text, its label, the information dictionary
// and the XMP packet. A file that can't be read, is locked by a password or has no text layer
// is refused here with a sentence that says what to do.
import { badFile, NotebookError } from '../../errors';
import { loadPdfJs, type PdfJs } from './load-pdfjs';
import type { PdfFile, PdfPage, PdfTextItem } from './pdf-page';

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
type PdfPageProxy = Awaited<ReturnType<PdfDocument['getPage']>>;

export async function extractPdf(bytes: Uint8Array, name: string): Promise<PdfFile> {
  const { pdfjs, data } = await loadPdfJs();
  const task = pdfjs.getDocument({
    // A copy: pdf.js takes over the buffer it is given, and the caller still needs the file.
    data: new Uint8Array(bytes),
    ...data,
    cMapPacked: true,
    // No code generated from the file, no fonts of this machine, no font loading into a DOM,
    // and data files read from disk (useWorkerFetch off), never fetched.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  try {
    let doc: PdfDocument;
    try {
      doc = await task.promise;
    } catch (error) {
      throw isPasswordError(error) ? passwordProtected(name) : damaged(name);
    }
    const labels = await doc.getPageLabels().catch(() => null);
    const fonts = new FontStyles(pdfjs);
    const pages: PdfPage[] = [];
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      pages.push(
        await readPage(pdfjs, page, labels?.[number - 1]?.trim() || String(number), fonts),
      );
      page.cleanup();
    }
    if (pages.every((page) => page.items.length === 0)) throw noTextLayer(name);
    const { info, metadata } = await doc.getMetadata().catch(() => ({ info: {}, metadata: null }));
    return {
      pages,
      info: (info ?? {}) as Record<string, unknown>,
      xmp: new Map(metadata ? [...metadata] : []),
    };
  } catch (error) {
    throw error instanceof NotebookError ? error : damaged(name);
  } finally {
    await task.destroy();
  }
}

export const passwordProtected = (name: string) =>
  badFile(
    `The file “${name}” is protected by a password. Open it in a PDF viewer, save a copy without the password, and import that.`,
  );

export const damaged = (name: string) =>
  badFile(
    `The file “${name}” is damaged or is not a PDF, so it can't be read. If it opens in a PDF viewer, save it from there as a new PDF and import that copy.`,
  );

export const noTextLayer = (name: string) =>
  badFile(
    `The file “${name}” has no text to import: its pages are only pictures, as in a scanned document. ` +
      'Run it through OCR first (optical character recognition, which turns pictures of text into ' +
      'real text; many scanners and PDF viewers can do it) and import the result.',
  );

function isPasswordError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'name' in error
    ? error.name === 'PasswordException'
    : false;
}

async function readPage(
  pdfjs: PdfJs,
  page: PdfPageProxy,
  label: string,
  fonts: FontStyles,
): Promise<PdfPage> {
  // Top-left origin, the page's rotation applied: what a reader sees.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  await fonts.learn(page, Object.keys(content.styles));
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str.trim() === '') continue;
    const [a, b, c, d, x, y] = pdfjs.Util.transform(viewport.transform, item.transform) as number[];
    // Rotated or mirrored text (a margin stamp, a sideways table) would tangle the lines.
    if (a === undefined || b === undefined || c === undefined || d === undefined) continue;
    if (a <= 0 || Math.abs(b) > a * 0.05 || x === undefined || y === undefined) continue;
    const size = Math.hypot(c, d);
    // Text placed off the page is not part of what anyone reads.
    if (
      size <= 0 ||
      x > viewport.width ||
      x + item.width < 0 ||
      y < 0 ||
      y > viewport.height + size
    )
      continue;
    const style = fonts.styleOf(item.fontName);
    items.push({
      text: item.str.replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC')),
      x,
      y,
      width: item.width,
      size,
      bold: style.bold,
      italic: style.italic,
      rtl: item.dir === 'rtl',
    });
  }
  return { label, width: viewport.width, height: viewport.height, items };
}

// Arabic letters as the shapes a font draws (initial, medial, final forms), which some PDFs map
// their glyphs to: the letters themselves are what a reader searches and quotes.
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

const PLAIN = { bold: false, italic: false };
// Font names say the weight and slant ("ABCDEF+LiberationSerif-BoldItalic", TeX's "CMBX10",
// URW's "NimbusRomNo9L-Medi"); pdf.js's text content only says serif or sans-serif.
const BOLD = /bold|black|heavy|demi|medi(?!um)|cmbx|cmb\d|[-_,]bd$/i;
const ITALIC = /italic|oblique|ital|[-_,]it$|cmti\d|cmsl\d/i;

/**
 * Which pdf.js fonts are bold or italic. pdf.js hands a font's name over only with a page's
 * operator list, which costs about as much as its text, so a page's list is read only when it
 * uses a font not met before (fonts are shared by the pages of a file).
 */
class FontStyles {
  #styles = new Map<string, { bold: boolean; italic: boolean }>();

  constructor(private readonly pdfjs: PdfJs) {}

  async learn(page: PdfPageProxy, fontIds: string[]): Promise<void> {
    const unknown = fontIds.filter((id) => !this.#styles.has(id));
    if (unknown.length === 0) return;
    await page.getOperatorList({ annotationMode: this.pdfjs.AnnotationMode.DISABLE });
    for (const id of unknown) {
      const font: unknown = page.commonObjs.has(id) ? page.commonObjs.get(id) : undefined;
      const name =
        typeof font === 'object' && font !== null && 'name' in font ? String(font.name) : '';
      const bare = name.replace(/^[A-Z]{6}\+/, '');
      this.#styles.set(id, { bold: BOLD.test(bare), italic: ITALIC.test(bare) });
    }
  }

  styleOf(id: string): { bold: boolean; italic: boolean } {
    return this.#styles.get(id) ?? PLAIN;
  }
}
