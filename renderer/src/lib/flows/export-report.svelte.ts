// File › Report…: a report of the coded material (HTML, PDF or Word) from the dialog's choice to
// the saved file. The core renders it; in Electron main's save dialog writes it, in the browser
// host it becomes a download, as exporting notes does.
import type { ReportRequest } from '../../../../electron/shared/report';
import { call } from '../api';
import { downloadFile } from '../files/pick-file';
import { toasts } from '../state/toasts.svelte';
import { list } from '../words';

class ReportFlow {
  open = $state(false);

  start() {
    this.open = true;
  }

  close() {
    this.open = false;
  }

  /** Makes the report; a refusal is thrown for the dialog to show (nothing was saved). */
  async run(request: ReportRequest): Promise<void> {
    const outcome = await call('exportReport', request);
    if (outcome.kind === 'cancelled') return;
    if (outcome.kind === 'download') {
      downloadFile(outcome.file);
      toasts.show(`Report saved as ${outcome.file.fileName}.`);
    } else {
      toasts.show(`Report saved to ${outcome.path}.`);
    }
    if (outcome.leftOut?.length) {
      const titles = list(outcome.leftOut.map((t) => `“${t}”`));
      toasts.show(
        `Left out of the report, because ${outcome.leftOut.length === 1 ? 'its' : 'their'} text could not be read: ${titles}. Importing an article's original file again repairs it.`,
        { kind: 'error' },
      );
    }
  }
}

export const reportFlow = new ReportFlow();
