// Asks the analyst for a file with the platform's own picker: a file input made for the one
// question, so no hidden input has to live in the page. Resolves null when they cancel.
export async function pickFile(accept: string): Promise<File | null> {
  return (await pick(accept, {}))[0] ?? null;
}

/** Several files at once ([] when cancelled). */
export function pickFiles(accept: string): Promise<File[]> {
  return pick(accept, { multiple: true });
}

/** Every file in a folder and its subfolders, as the browser's folder picker gives them. */
export function pickFolder(): Promise<File[]> {
  return pick('', { folder: true });
}

function pick(accept: string, how: { multiple?: boolean; folder?: boolean }): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.multiple = how.multiple === true || how.folder === true;
    // Chromium (and so Electron) picks a folder this way; its files come with relative paths.
    if (how.folder) input.webkitdirectory = true;
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/** The browser host can't show a native save dialog: hand the file to the browser's downloads. */
export function downloadFile(file: { fileName: string; mimeType: string; bytes: Uint8Array }) {
  // Copied into a buffer of its own: a Blob takes only an ArrayBuffer-backed view.
  const url = URL.createObjectURL(new Blob([new Uint8Array(file.bytes)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
