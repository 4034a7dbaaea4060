// Every file and folder under a folder, each file by its exact bytes (size and sha-256), so a test
// can prove a refused call wrote nothing: not a byte, not an empty file, not an empty folder.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function snapshotDir(dir: string): Promise<Map<string, string>> {
  const entries = new Map<string, string>();
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        entries.set(`${relative(dir, path)}/`, 'folder');
        await walk(path);
      } else {
        // Bytes, not text: two different invalid UTF-8 sequences decode to the same string.
        const bytes = await readFile(path);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        entries.set(relative(dir, path), `${bytes.length} bytes, sha-256 ${sha256}`);
      }
    }
  };
  await walk(dir);
  return entries;
}
