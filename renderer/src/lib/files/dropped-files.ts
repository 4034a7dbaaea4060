// What was dropped on the window: files as they are, and folders walked to every file inside
// (the browser hands a dropped folder over as an entry, not as its files).

/** The part of the File and Directory Entries API a drop gives (FileSystemEntry and kin). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  file?: (ok: (file: File) => void, fail: (error: unknown) => void) => void;
  createReader?: () => {
    readEntries: (ok: (entries: Entry[]) => void, fail: (error: unknown) => void) => void;
  };
}

export interface Dropped {
  files: File[];
  /** A folder was among them: files of no article format are then skipped, as from the picker. */
  hadFolder: boolean;
}

/**
 * Must be called in the drop event itself: the items can only be read then (the walk through
 * their folders may finish later).
 */
export function droppedFiles(transfer: DataTransfer): Promise<Dropped> {
  const entries = [...transfer.items]
    .map((item) => (item.kind === 'file' ? (item.webkitGetAsEntry() as Entry | null) : null))
    .filter((entry): entry is Entry => entry !== null);
  const files = [...transfer.files];
  if (!entries.some((entry) => entry.isDirectory))
    return Promise.resolve({ files, hadFolder: false });
  return walkEntries(entries).then((walked) => ({ files: walked, hadFolder: true }));
}

/** Every file under `entries`, depth first, in the order the browser lists them. */
export async function walkEntries(entries: readonly Entry[]): Promise<File[]> {
  const files: File[] = [];
  for (const entry of entries) {
    if (entry.isFile && entry.file) {
      files.push(await new Promise<File>((ok, fail) => entry.file!(ok, fail)));
    } else if (entry.isDirectory && entry.createReader) {
      files.push(...(await walkEntries(await readAll(entry.createReader()))));
    }
  }
  return files;
}

/** A directory reader hands its entries over in batches, until an empty one. */
async function readAll(reader: ReturnType<NonNullable<Entry['createReader']>>): Promise<Entry[]> {
  const all: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, fail) => reader.readEntries(ok, fail));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}
