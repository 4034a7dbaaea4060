// Decoding the files we wrote, and writing notebook.json's JSON as ASCII. Strict decoding: invalid
// bytes mean damage, never U+FFFD; Node's native check plus Buffer decoding is several times faster
// than a fatal TextDecoder on a 5 MB notebook. ASCII, which is all notebook.json holds (asciiJson),
// is read as Latin-1: the same characters, copied instead of decoded (3 against 13 ms for the
// bench's 5.9 MB file, and a one-byte string half the size).
import { Buffer, isAscii, isUtf8 } from 'node:buffer';

const asBuffer = (bytes: Uint8Array) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function decodeUtf8Strict(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new TypeError('the file is not valid UTF-8');
  return decodeUtf8(bytes);
}

/** Strings shorter than this are encoded by Buffer.from, which is as fast for them. */
const LONG_TEXT = 64 * 1024;
const encoder = new TextEncoder();

/**
 * `Buffer.from(text, 'utf8')`, the same bytes (a lone surrogate becomes U+FFFD in both), faster for
 * a long text: encodeInto writes into room for the worst case (three bytes a code unit), then the
 * bytes are copied out to their size. 6-8 ms against 11-28 ms for a body file of 4.3M characters
 * holding a few beyond Latin-1 (a two-byte string, which Buffer.from encodes slowly).
 */
export function encodeUtf8(text: string): Buffer {
  if (text.length < LONG_TEXT) return Buffer.from(text, 'utf8');
  const room = Buffer.allocUnsafeSlow(text.length * 3);
  const { written } = encoder.encodeInto(text, room);
  return Buffer.from(room.subarray(0, written));
}

/** Bytes already known to be what we wrote (a sealed file's CRC holds), as text. */
export function decodeUtf8(bytes: Uint8Array): string {
  const buffer = asBuffer(bytes);
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/** Code units beyond ASCII, lone surrogates included (no u flag: each unit on its own). */
const BEYOND_ASCII = /[\u0080-\uffff]/g;
const escaped = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `JSON.stringify(value)` with every character beyond ASCII as a \u escape: the same JSON value. */
export const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(BEYOND_ASCII, escaped);
