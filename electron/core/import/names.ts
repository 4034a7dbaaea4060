// A picked file's name, as messages, sources and titles use it: no library, so the main thread
// (the service) and every importer can share it.

/** The name without any folders: a path from elsewhere must not leak into messages or sources. */
export function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop()?.trim() || 'untitled';
}

/** The name without its extension, as a last-resort title. */
export function stem(fileName: string): string {
  const name = baseName(fileName);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
