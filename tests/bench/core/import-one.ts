// One file imported as the window sends it: shared by the format cases (formats.ts) and the batch's
// own process (batch-child.ts), which must not load what making the files needs.
import type { Dispatch } from '../../../electron/core/dispatch';
import type { ArticleFormat } from '../../../electron/shared/import-formats';
import type { ArticleSummary } from '../../../electron/shared/model';

export interface BenchFile {
  fileName: string;
  bytes: Uint8Array;
  /** What the article must come in as: a refused or misread file fails the case. */
  format: Exclude<ArticleFormat, 'pasted'>;
}

/** Imports `file` through the dispatcher, and checks it came in as what it is. */
export async function importOne(dispatch: Dispatch, file: BenchFile): Promise<ArticleSummary> {
  const result = await dispatch('importFile', { fileName: file.fileName, bytes: file.bytes });
  if (!result.ok) throw new Error(`import of ${file.fileName}: ${result.error.message}`);
  const summary = result.value as ArticleSummary;
  if (summary.format !== file.format) {
    throw new Error(`${file.fileName} came in as ${summary.format}, not ${file.format}`);
  }
  return summary;
}
