// Reads every file under a folder into a map, so a test can prove a refused call wrote nothing.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

export async function snapshotDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (folder: string) => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(dir, path), await readFile(path, 'utf8'));
    }
  };
  await walk(dir);
  return files;
}
