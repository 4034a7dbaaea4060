// Bytes to text in one named encoding. Legacy code pages go through iconv-lite, never Node's
// TextDecoder: Node decodes windows-1252 as Latin-1, so its € ‚ „ … ‘ ’ “ ” – — come out as
// invisible C1 controls. UTF-8 and UTF-16 are checked strictly, as damage there means damage.
import { Buffer, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import type { TextEncodingName } from '../../shared/import-formats';

/** Thrown when bytes are not valid in the encoding that must be exact (UTF-8, UTF-16). */
export class InvalidEncodingError extends Error {}

/**
 * The text of `bytes` in `encoding`, without any byte-order mark. Unicode encodings are strict
 * unless `lenient` (an encoding the analyst chose: then damaged bytes show as U+FFFD, their call).
 * Legacy encodings can't be invalid in that way: an unmapped byte becomes U+FFFD.
 */
export function decodeAs(bytes: Uint8Array, encoding: TextEncodingName, lenient = false): string {
  if (encoding === 'utf-8') {
    const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
    if (!lenient && !isUtf8(body)) throw new InvalidEncodingError('not valid UTF-8');
    return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    // TextDecoder is right for UTF-16 (it is only legacy code pages it gets wrong), and its
    // fatal mode refuses lone surrogates and a dangling last byte.
    try {
      return new TextDecoder(encoding, { fatal: !lenient }).decode(bytes);
    } catch {
      throw new InvalidEncodingError(`not valid ${encoding.toUpperCase()}`);
    }
  }
  if (encoding === 'iso-2022-jp') return decodeIso2022Jp(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

const ESC = 0x1b;

/**
 * ISO-2022-JP, which iconv-lite lacks: 7-bit ASCII with escapes into JIS X 0201 Roman, half-width
 * katakana and JIS X 0208. A JIS X 0208 pair is an EUC-JP pair with the high bits cleared, so
 * those runs go through iconv-lite's EUC-JP table. Follows the WHATWG decoder's escapes.
 */
export function decodeIso2022Jp(bytes: Uint8Array): string {
  type Mode = 'ascii' | 'roman' | 'katakana' | 'jis0208';
  let mode: Mode = 'ascii';
  let out = '';
  let pairs: number[] = [];
  const flush = () => {
    if (pairs.length === 0) return;
    out += iconv.decode(Buffer.from(pairs), 'euc-jp');
    pairs = [];
  };
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte === ESC) {
      const next = escapeMode(bytes[i + 1], bytes[i + 2]);
      if (next !== undefined) {
        flush();
        mode = next;
        i += 2;
        continue;
      }
    }
    if (byte === 0x0a || byte === 0x0d) {
      // A line end always returns to ASCII in practice; keep it as it stands.
      flush();
      out += String.fromCharCode(byte);
      continue;
    }
    if (byte >= 0x80 || byte === ESC) {
      flush();
      out += '\ufffd';
      continue;
    }
    if (mode === 'jis0208') {
      const second = bytes[i + 1];
      if (
        byte >= 0x21 &&
        byte <= 0x7e &&
        second !== undefined &&
        second >= 0x21 &&
        second <= 0x7e
      ) {
        pairs.push(byte | 0x80, second | 0x80);
        i++;
      } else {
        flush();
        out += byte < 0x21 ? String.fromCharCode(byte) : '\ufffd';
      }
      continue;
    }
    if (mode === 'katakana' && byte >= 0x21 && byte <= 0x5f) {
      out += String.fromCharCode(0xff61 - 0x21 + byte);
    } else if (mode === 'roman' && (byte === 0x5c || byte === 0x7e)) {
      out += byte === 0x5c ? '¥' : '‾';
    } else {
      out += String.fromCharCode(byte);
    }
  }
  flush();
  return out;
}

function escapeMode(a: number | undefined, b: number | undefined) {
  if (a === 0x28 && b === 0x42) return 'ascii'; // ESC ( B
  if (a === 0x28 && b === 0x4a) return 'roman'; // ESC ( J
  if (a === 0x28 && b === 0x49) return 'katakana'; // ESC ( I
  if (a === 0x24 && (b === 0x40 || b === 0x42)) return 'jis0208'; // ESC $ @, ESC $ B
  return undefined;
}

/** Whether 7-bit bytes switch into JIS X 0208 the ISO-2022-JP way (they would pass as UTF-8). */
export function looksLikeIso2022Jp(bytes: Uint8Array): boolean {
  for (
    let i = bytes.indexOf(ESC);
    i !== -1 && i + 2 < bytes.length;
    i = bytes.indexOf(ESC, i + 1)
  ) {
    if (bytes[i + 1] === 0x24 && (bytes[i + 2] === 0x42 || bytes[i + 2] === 0x40)) return true;
  }
  return false;
}
