// What lets start-up trust a file without re-checking every record: this version's files say
// which schema wrote them (SCHEMA_FINGERPRINT) and carry a CRC-32 of their bytes. A file whose
// checksum holds and whose fingerprint is ours is exactly what this version checked and wrote; any
// other file (older, newer, another build's schema, damaged) goes through the full checks.
import { crc32 } from 'node:zlib';

/**
 * The first 8 hex digits of the sha-256 of the store's schemas as JSON Schema (notebook, journal
 * entry, body). tests/unit/core/store/format-seal.test.ts recomputes it: a schema change that
 * doesn't update it fails there, so a file written under other rules is never taken as ours.
 */
export const SCHEMA_FINGERPRINT = 'b3bddbba';

export const hex8 = (n: number) => n.toString(16).padStart(8, '0');

/** notebook.json ends `,"seal":"<fingerprint>:<crc>"}\n`, the CRC over every byte before `,"seal"`. */
const SEAL_TAIL = /,"seal":"([0-9a-f]{8}):([0-9a-f]{8})"\}\n?$/;
const SEAL_TAIL_MAX = ',"seal":"00000000:00000000"}\n'.length;

export const sealTail = (crc: number) => `,"seal":"${SCHEMA_FINGERPRINT}:${hex8(crc)}"}\n`;

/** The running CRC-32 of the chunks written so far (start with 0). */
export const crcOf = (chunk: string, crc: number) => crc32(chunk, crc);

/** True when `bytes` end in our seal and every byte before it is as written. */
export function isSealedByUs(bytes: Uint8Array): boolean {
  const tailStart = Math.max(0, bytes.length - SEAL_TAIL_MAX);
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset + tailStart, bytes.length - tailStart)
    .toString('latin1')
    .match(SEAL_TAIL);
  if (!tail || tail[1] !== SCHEMA_FINGERPRINT) return false;
  const sealAt = bytes.length - tail[0].length;
  return hex8(crc32(bytes.subarray(0, sealAt))) === tail[2];
}
