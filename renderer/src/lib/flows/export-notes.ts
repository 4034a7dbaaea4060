// Exporting notes, from the dialog's choice to the saved file: the core renders the export; in
// Electron main's save dialog writes it, in the browser host it becomes a download.
import {
  leftOutForReviewText,
  type ReviewExportChoice,
} from '../../../../electron/shared/interchange';
import type { ExportFormat } from '../../../../electron/shared/model';
import { call } from '../api';
import { downloadFile } from '../files/pick-file';
import { toasts } from '../state/toasts.svelte';
import { list } from '../words';

export interface ExportChoice {
  /** The article to export, or null for the whole notebook. */
  articleId: string | null;
  format: ExportFormat;
  /** Only passages with one of these tags; empty: all passages. */
  tagIds: string[];
  /** A REFI-QDA project's annotations awaiting review: left out, or as notes. */
  awaitingReview?: ReviewExportChoice;
}

export async function exportNotes(choice: ExportChoice): Promise<void> {
  const outcome = await call('exportNotes', {
    format: choice.format,
    ...(choice.articleId && { articleId: choice.articleId }),
    ...(choice.tagIds.length && { tagIds: choice.tagIds }),
    ...(choice.awaitingReview && { awaitingReview: choice.awaitingReview }),
  });
  if (outcome.kind === 'download') {
    downloadFile(outcome.file);
    toasts.show(`Exported ${outcome.file.fileName}.`);
  } else if (outcome.kind === 'saved') {
    toasts.show(`Exported to ${outcome.path}.`);
  }
  if (outcome.kind !== 'cancelled' && outcome.leftOutForReview) {
    toasts.show(leftOutForReviewText(outcome.leftOutForReview));
  }
  if (outcome.kind !== 'cancelled' && outcome.leftOut?.length) {
    const titles = list(outcome.leftOut.map((t) => `“${t}”`));
    toasts.show(
      `Left out of the export, because ${outcome.leftOut.length === 1 ? 'its' : 'their'} text could not be read: ${titles}. Importing an article's original file again repairs it.`,
      { kind: 'error' },
    );
  }
}
