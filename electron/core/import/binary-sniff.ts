// Tells text from binary before any decoding: well-known file signatures, and NUL bytes, which
// text never holds unless it is UTF-16 (where every ASCII character brings one).

/** What a binary file turned out to be, for a message that says more than "not text". */
export type BinaryKind = 'pdf' | 'zip' | 'office' | 'image' | 'compressed' | 'other';

const SIGNATURES: ReadonlyArray<{ kind: BinaryKind; bytes: readonly number[] }> = [
  { kind: 'pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  // ZIP: Word .docx, EPUB, OpenDocument and plain archives all start so.
  { kind: 'zip', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: 'zip', bytes: [0x50, 0x4b, 0x07, 0x08] },
  // OLE compound file: Word .doc, Excel .xls, Outlook .msg.
  { kind: 'office', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }, // PNG
  { kind: 'image', bytes: [0xff, 0xd8, 0xff] }, // JPEG
  { kind: 'image', bytes: [0x47, 0x49, 0x46, 0x38] }, // GIF8(7|9)a
  { kind: 'compressed', bytes: [0x1f, 0x8b] }, // gzip
  { kind: 'compressed', bytes: [0x42, 0x5a, 0x68] }, // bzip2
  { kind: 'compressed', bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] }, // xz
  { kind: 'compressed', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] }, // 7z
  { kind: 'compressed', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] }, // RAR
  { kind: 'other', bytes: [0x7f, 0x45, 0x4c, 0x46] }, // ELF executable
]; // prettier-ignore

/** The kind of a file whose first bytes are a known binary signature. */
export function binarySignature(bytes: Uint8Array): BinaryKind | undefined {
  // bzip2's "BZh" and GIF's "GIF8" are also how a text could begin, so those need more proof.
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  if (found?.bytes[0] === 0x42 && !(bytes[3]! >= 0x31 && bytes[3]! <= 0x39 && bytes[4] === 0x31)) {
    return undefined;
  }
  if (
    found?.bytes[0] === 0x47 &&
    !(bytes[5] === 0x61 && (bytes[4] === 0x37 || bytes[4] === 0x39))
  ) {
    return undefined;
  }
  return found?.kind;
}

/** How much of a file the NUL tests look at: enough for a pattern, cheap on 50 MB. */
export const SNIFF_BYTES = 8 * 1024;

/**
 * UTF-16 without a byte-order mark, told by where its NULs fall: Latin-script text in UTF-16LE
 * has a NUL in the high (odd) byte of nearly every character, big-endian in the even one; other
 * scripts still bring them with every space, digit and line end. A binary file's NULs fall on
 * both. Text with no ASCII at all (Chinese without spaces) shows no pattern and is left to the
 * detector. Returns undefined when the bytes hold no NUL or no clear pattern.
 */
export function utf16Pattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const sample = bytes.subarray(0, SNIFF_BYTES & ~1);
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  const pairs = sample.length / 2;
  // At least one character in twenty carries the NUL, and nearly all NULs are on one side.
  const clear = (on: number, off: number) => on >= Math.max(2, pairs / 20) && off <= on / 20;
  if (bytes.length % 2 !== 0) return undefined;
  if (clear(odd, even)) return 'utf-16le';
  if (clear(even, odd)) return 'utf-16be';
  return undefined;
}

/** Whether the start of the file holds a NUL byte, which no 8-bit or UTF-8 text does. */
export function hasNul(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_BYTES).includes(0);
}
