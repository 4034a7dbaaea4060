// A zip's table of contents read straight from its bytes: the end-of-central-directory record,
// then each central directory entry's name and where its data lies. Nothing is inflated, so
// telling a DOCX from an EPUB costs microseconds and loads no library.

export interface ZipEntry {
  /** 0: stored, 8: deflated. */
  compression: number;
  compressedSize: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
// A directory beyond this many entries is no document package.
const MAX_ENTRIES = 100_000;

/** The entries by name, or undefined when the directory can't be found or read (damage). */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const eocd = findEocd(bytes, view);
  if (eocd === -1) return undefined;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if (
    (offset === 0xffffffff || count === 0xffff) &&
    eocd >= 20 &&
    u32(eocd - 20) === ZIP64_LOCATOR
  ) {
    const record = Number(view.getBigUint64(eocd - 12, true));
    if (record + 56 > bytes.length || u32(record) !== ZIP64_EOCD) return undefined;
    count = Number(view.getBigUint64(record + 32, true));
    offset = Number(view.getBigUint64(record + 48, true));
  }
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder();
  for (let i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
    if (offset + 46 > bytes.length || u32(offset) !== CENTRAL) return undefined;
    const nameLength = u16(offset + 28);
    const next = offset + 46 + nameLength + u16(offset + 30) + u16(offset + 32);
    if (next > bytes.length) return undefined;
    const name = names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (!entries.has(name)) {
      entries.set(name, {
        compression: u16(offset + 10),
        compressedSize: u32(offset + 20),
        localOffset: u32(offset + 42),
      });
    }
    offset = next;
  }
  return entries;
}

/**
 * A small stored entry's text (such as `mimetype`). Without a directory, the first local entry
 * is read, since EPUB and ODF put `mimetype` there uncompressed.
 */
export function storedText(
  bytes: Uint8Array,
  entry: ZipEntry | undefined,
  max = 200,
): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry?.localOffset ?? 0;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) return undefined;
  const nameLength = view.getUint16(at + 26, true);
  if (entry === undefined) {
    const name = new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength));
    if (name !== 'mimetype') return undefined;
  }
  const compression = entry?.compression ?? view.getUint16(at + 8, true);
  const size = entry?.compressedSize ?? view.getUint32(at + 18, true);
  if (compression !== 0 || size > max) return undefined;
  const start = at + 30 + nameLength + view.getUint16(at + 28, true);
  if (start + size > bytes.length) return undefined;
  return new TextDecoder().decode(bytes.subarray(start, start + size));
}

function findEocd(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - EOCD_SIZE;
  for (let at = last; at >= 0 && last - at <= MAX_COMMENT; at--) {
    if (bytes[at] === 0x50 && view.getUint32(at, true) === EOCD) return at;
  }
  return -1;
}
