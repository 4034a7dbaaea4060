// The parts of a zip package (DOCX, EPUB, ODT) an importer asks for, inflated one request at a
// time so images and fonts are never unpacked. fflate loads on first use.
import { badFile, type NotebookError } from '../errors';
import { baseName } from './decode';
import { xmlText } from './xml-tree';

type Fflate = typeof import('fflate');

// What the wanted parts of one package may unpack to. Text compresses about tenfold, so this is
// far beyond any real article; a part claiming more is damaged or made to exhaust memory.
const MAX_UNPACKED_BYTES = 512 * 1024 * 1024;

export class ZipPackage {
  private constructor(
    private readonly fflate: Fflate,
    private readonly bytes: Uint8Array,
    private readonly fileName: string,
    private readonly sizes: ReadonlyMap<string, number>,
  ) {}

  /**
   * Reads the archive's directory (no data yet). `damaged` words the refusal for a file that is
   * no zip at all or a broken one, in the terms of the format the analyst expected.
   */
  static async open(
    bytes: Uint8Array,
    fileName: string,
    damaged: (name: string) => NotebookError,
  ): Promise<ZipPackage> {
    const fflate = await import('fflate');
    const sizes = new Map<string, number>();
    try {
      fflate.unzipSync(bytes, {
        filter: (file) => {
          sizes.set(file.name, file.originalSize);
          return false;
        },
      });
    } catch {
      throw damaged(baseName(fileName));
    }
    if (sizes.size === 0) throw damaged(baseName(fileName));
    return new ZipPackage(fflate, bytes, baseName(fileName), sizes);
  }

  get names(): Iterable<string> {
    return this.sizes.keys();
  }

  has(name: string): boolean {
    return this.sizes.has(name);
  }

  /** The named parts that exist, inflated in one pass over the archive. */
  read(names: Iterable<string>): Map<string, Uint8Array> {
    const wanted = new Set([...names].filter((n) => this.sizes.has(n)));
    let total = 0;
    for (const name of wanted) total += this.sizes.get(name) ?? 0;
    if (total > MAX_UNPACKED_BYTES) {
      throw badFile(
        `The file “${this.fileName}” unpacks to more than ${MAX_UNPACKED_BYTES / 2 ** 20} MB, ` +
          'more than can be imported; it may be damaged.',
      );
    }
    if (wanted.size === 0) return new Map();
    try {
      const parts = this.fflate.unzipSync(this.bytes, { filter: (f) => wanted.has(f.name) });
      return new Map(Object.entries(parts));
    } catch {
      throw badFile(
        `The file “${this.fileName}” is damaged: part of it can't be unpacked, so it can't be ` +
          'imported.',
      );
    }
  }

  /** One part as text (its byte-order mark or XML declaration decide the encoding). */
  text(name: string): string | undefined {
    const bytes = this.read([name]).get(name);
    return bytes === undefined ? undefined : xmlText(bytes);
  }
}
