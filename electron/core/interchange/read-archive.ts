// The parts of a REFI-QDA file: a .qdpx zip (project.qde and its sources/ folder) or a bare XML
// document (a .qdc codebook, or a project.qde on its own). Tolerant where the meaning is clear:
// `Sources/` for `sources/`, project.qde inside one folder, a byte-order mark; each departure is
// said in words for the preview.
import { badFile } from '../errors';
import { baseName } from '../import/names';
import { xmlText } from '../import/xml-tree';

export interface ProjectArchive {
  /** The project.qde or .qdc text, its byte-order mark removed. */
  xml: string;
  /** Whether the file was a zip (a .qdpx). */
  zipped: boolean;
  /** A file the document points at (`internal://name`, or a path inside the zip). */
  file(reference: string): Uint8Array | undefined;
  tolerated: string[];
}

// What a project's parts may unpack to in all: far beyond any real project's text, and short of
// what a zip made to exhaust memory would claim.
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

const hasBom = (b: Uint8Array) =>
  (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) ||
  (b[0] === 0xff && b[1] === 0xfe) ||
  (b[0] === 0xfe && b[1] === 0xff);

/** Text of a part: xmlText decodes by BOM or declaration; a UTF-8 BOM left over is dropped. */
export function partText(bytes: Uint8Array): string {
  return xmlText(bytes).replace(/^\uFEFF/, '');
}

export async function openProjectFile(
  fileName: string,
  bytes: Uint8Array,
): Promise<ProjectArchive> {
  const name = baseName(fileName);
  const tolerated: string[] = [];
  if (!isZip(bytes)) {
    if (hasBom(bytes)) tolerated.push('The document starts with a byte-order mark.');
    const xml = partText(bytes);
    if (!/^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<[A-Za-z]/.test(xml)) {
      throw badFile(
        `“${name}” is neither a REFI-QDA project (.qdpx, a zip) nor a codebook (.qdc, XML), so it can't be imported.`,
      );
    }
    return { xml, zipped: false, file: () => undefined, tolerated };
  }
  const { unzipSync } = await import('fflate');
  let total = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (f) => {
        total += f.originalSize;
        return !f.name.endsWith('/');
      },
    });
  } catch {
    throw badFile(
      `“${name}” is damaged: part of the zip can't be unpacked, so it can't be imported.`,
    );
  }
  if (total > MAX_UNPACKED_BYTES) {
    throw badFile(`“${name}” unpacks to more than 512 MB; it may be damaged.`);
  }
  // Paths compared without case: tools on Windows and macOS write `Sources/` as often as not.
  const byKey = new Map<string, { path: string; bytes: Uint8Array }>();
  for (const [path, data] of Object.entries(entries)) {
    byKey.set(path.replace(/\\/g, '/').toLowerCase(), { path, bytes: data });
  }
  const qdeKeys = [...byKey.keys()].filter((k) => k.endsWith('.qde'));
  const qdeKey =
    qdeKeys.find((k) => k === 'project.qde') ?? qdeKeys.sort((a, b) => a.length - b.length)[0];
  if (qdeKey === undefined) {
    throw badFile(
      `“${name}” holds no project.qde, so it is no REFI-QDA project and can't be imported.`,
    );
  }
  const qde = byKey.get(qdeKey)!;
  const root = qdeKey.slice(0, qdeKey.lastIndexOf('/') + 1);
  if (qdeKey !== 'project.qde') {
    tolerated.push(
      `The project document is “${qde.path}”, not “project.qde” at the top of the zip.`,
    );
  }
  if (hasBom(qde.bytes)) tolerated.push('project.qde starts with a byte-order mark.');
  const upperSources = [...byKey.values()].some((e) => /(^|\/)Sources\//.test(e.path));
  if (upperSources) tolerated.push('The sources are in “Sources/”, not “sources/”.');

  const file = (reference: string): Uint8Array | undefined => {
    const ref = reference.trim();
    const local = /^internal:\/\/(.+)$/i.exec(ref)?.[1];
    const candidates = local
      ? [`${root}sources/${local}`, `sources/${local}`, `${root}${local}`, local]
      : [`${root}${ref}`, ref, `${root}sources/${ref}`];
    for (const candidate of candidates) {
      let key = candidate.replace(/\\/g, '/').toLowerCase();
      try {
        key = decodeURIComponent(key);
      } catch {
        // A stray % is part of the name.
      }
      const found = byKey.get(key) ?? byKey.get(candidate.toLowerCase());
      if (found) return found.bytes;
    }
    return undefined;
  };
  return { xml: partText(qde.bytes), zipped: true, file, tolerated };
}
