// A .qdpx is a zip: project.qde at the root, the sources in a lowercase sources/ folder (what
// the standard names and every REFI tool finds). One date on every entry, so the same project
// gives the same bytes.
import { zipSync, type Zippable } from 'fflate';
import type { ProjectFile } from './sources';

export function zipProject(qde: string, files: readonly ProjectFile[], at: Date): Uint8Array {
  const entries: Zippable = {
    'project.qde': new TextEncoder().encode(qde),
    // The folder's own entry, so a project without sources still has the folder tools look in.
    'sources/': new Uint8Array(0),
  };
  for (const file of files) entries[file.path] = [file.bytes, { level: file.compress ? 6 : 0 }];
  return zipSync(entries, { level: 6, mtime: at });
}
