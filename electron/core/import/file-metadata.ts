// What a file says about itself for a citation (a PDF's info dictionary and XMP, DOCX core
// properties, an EPUB's OPF dc: fields, a page's byline): every importer of the formats issue
// reports it in this one shape, and the import service maps it onto the article's details.

export interface FileMetadata {
  title?: string;
  /** In the order the file gives them, each as written ("Leyla Aliyeva", "Smith, J."). */
  authors?: string[];
  /** As the file gives it, preferably ISO 8601 ("2019-05-04"); a year alone is fine. */
  published?: string;
  /** The journal, newspaper, site or publisher the article appeared in. */
  publication?: string;
  /** An http(s) address only (safe-url.ts webUrl). */
  url?: string;
  /** Bare, lower-case DOI ("10.1000/xyz123"), without "doi:" or a resolver prefix. */
  doi?: string;
  /** BCP 47 tag when the file declares one ("en", "az-Latn"). */
  language?: string;
}
