// What the PDF importer reads out of pdf.js and hands to its pure layout: positioned pieces of
// text per page, with nothing of pdf.js in them, so the layout can be tested on its own.

/** A piece of text pdf.js found, at one position and in one font. */
export interface PdfTextItem {
  text: string;
  /** Where its baseline starts, in points from the page's top-left corner (y grows downwards). */
  x: number;
  y: number;
  /** Its advance along the baseline, in points. */
  width: number;
  /** Font size in points. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Right-to-left script (Arabic, Hebrew): a line mostly of these reads from right to left. */
  rtl: boolean;
}

export interface PdfPage {
  /** The label the file gives the page ("iv", "12"), else its 1-based number. */
  label: string;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** The XMP packet's fields as pdf.js parses them: lower-case names, a list for dc:creator. */
export type XmpFields = ReadonlyMap<string, string | readonly string[]>;

export interface PdfFile {
  pages: PdfPage[];
  /** The document information dictionary (Title, Author, CreationDate...), as pdf.js gives it. */
  info: Readonly<Record<string, unknown>>;
  xmp: XmpFields;
}
