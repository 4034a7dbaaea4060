// How call inputs cross HTTP in the browser host: JSON, with Uint8Array carried as base64 under
// a "$bytes" key (the one non-JSON value the contract uses).

/**
 * The calls whose answers carry bytes, and so are encoded the same way. Only these: a replacer
 * on every key would slow down the 5 MB answer an article's opening waits for.
 */
export const ANSWERS_WITH_BYTES: ReadonlySet<string> = new Set([
  'openOriginal',
  'exportNotes',
  'saveFigure',
  'exportReport',
]);

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: bytesToBase64(v) } : v,
  );
}

export function decodeWire(json: string): unknown {
  return JSON.parse(json, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const bytes = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof bytes === 'string') return base64ToBytes(bytes);
    }
    return v;
  });
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
