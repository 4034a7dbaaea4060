// Annotations from other tools onto articles of the notebook: W3C Web Annotation JSON (our own
// export, Hypothesis' export) and a CSV of passages as spreadsheets produce.

export const ANNOTATION_IMPORT_FORMATS = ['w3c', 'csv'] as const;
export type AnnotationImportFormat = (typeof ANNOTATION_IMPORT_FORMATS)[number];

export interface AnnotationImportReport {
  format: AnnotationImportFormat;
  /** Placed where their quote (and position) say. */
  placed: number;
  /** Their quote was not found exactly: kept in the review list with the quote, never guessed. */
  toReview: number;
  /** Tags made because a name was new to the codebook. */
  tagsCreated: number;
  /** Articles the annotations went onto, with how many each. */
  articles: Array<{ id: string; title: string; count: number }>;
  /** Items left out, counted by reason ("12 rows name no article of this notebook"). */
  skipped: Array<{ reason: string; count: number }>;
}
