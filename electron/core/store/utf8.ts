// Strict UTF-8 decoding of files we wrote: invalid bytes mean damage, never U+FFFD. Node's native
// check plus Buffer decoding is several times faster than a fatal TextDecoder on a 5 MB notebook.
import { Buffer, isUtf8 } from 'node:buffer';

export function decodeUtf8Strict(bytes: Uint8Array): string {
  if (!isUtf8(bytes)) throw new TypeError('the file is not valid UTF-8');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}
