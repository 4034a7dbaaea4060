// "Open original": the file an article was imported from. Electron opens it in the system's
// viewer (the main process does, and answers "opened"); the browser host hands it over as a
// download, since a page can't open files on the machine.
import { call } from '../api';
import { announceRevision } from './imports.svelte';
import { downloadFile } from '../files/pick-file';
import { toasts } from '../state/toasts.svelte';

export async function openOriginal(articleId: string): Promise<void> {
  try {
    const outcome = await call('openOriginal', { id: articleId });
    if (outcome.kind === 'download') {
      downloadFile(outcome);
    }
  } catch (error) {
    toasts.error(error);
  }
}

/** "Read original again": the kept file through today's importers, as a new revision. */
export async function rereadOriginal(articleId: string): Promise<void> {
  try {
    announceRevision(await call('rereadOriginal', { id: articleId }));
  } catch (error) {
    toasts.error(error);
  }
}
