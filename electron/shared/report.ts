// A report of the coded material: passages grouped by the tag tree, the codebook with its
// guidance, and the analysis figures; as one HTML file, a PDF or a Word document.

export const REPORT_FORMATS = ['html', 'pdf', 'docx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportRequest {
  format: ReportFormat;
  /** Only these tags (each with its subtree); absent: every tag. */
  tagIds?: string[];
  /** Only these articles; absent: every article. */
  articleIds?: string[];
  /** A title for the report; absent: "Coded passages" and the date. */
  title?: string;
  /** Include the codebook with definitions (default true). */
  codebook?: boolean;
  /** Include the analysis figures: frequencies and co-occurrence (default true). */
  figures?: boolean;
}
