// "Merge notebook…" in Electron: a native folder dialog says which notebook folder to bring in;
// the core reads it without writing there (Notebook.previewMergeFrom).
import { dialog, type BrowserWindow } from 'electron';
import type { MergePreview } from '../shared/merge';

export function withMergeDialog(
  preview: (folder: string) => Promise<MergePreview>,
  getWindow: () => BrowserWindow | undefined,
): () => Promise<MergePreview | { kind: 'cancelled' }> {
  return async () => {
    const options: Electron.OpenDialogOptions = {
      title: 'Merge notebook…',
      buttonLabel: 'Merge',
      message: 'Choose another analyst’s notebook folder to bring their work in.',
      properties: ['openDirectory'],
    };
    const window = getWindow();
    const choice = window
      ? await dialog.showOpenDialog(window, options)
      : await dialog.showOpenDialog(options);
    const folder = choice.filePaths[0];
    if (choice.canceled || !folder) return { kind: 'cancelled' };
    return preview(folder);
  };
}
