// How calls cross HTTP in the browser host: JSON, with Uint8Array carried as base64 under a
// "$bytes" key (the one non-JSON value the contract uses); and getArticleView's answer framed so
// that its body's text, megabytes, travels as raw UTF-8 beside the JSON (see encodeTextAnswer).

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

/** The calls whose answer is an ArticleView envelope, sent framed (encodeTextAnswer). */
export const ANSWERS_WITH_TEXT: ReadonlySet<string> = new Set(['getArticleView']);

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

/** What a framed answer may carry: an envelope whose value may hold a body with a text. */
interface TextEnvelope {
  ok: boolean;
  value?: { body?: { text: string }; [key: string]: unknown };
}

/** The header of a framed answer: the JSON's length in bytes, little-endian. */
const HEADER_BYTES = 4;

/**
 * An ArticleView envelope as [JSON length][JSON][text]: the body's text (2.7M characters for the
 * bench's article) leaves the JSON, so it is neither escaped, measured and encoded with the rest
 * on every open nor scanned and copied out of it by the page. Its UTF-8 comes from `utf8Of`,
 * which may keep it (a body never changes under its hash), or null for a text UTF-8 can't carry
 * exactly (a lone surrogate): that one stays in the JSON. A lifted text is "" in the JSON.
 */
export function encodeTextAnswer(
  envelope: TextEnvelope,
  utf8Of: (body: { text: string }) => Uint8Array | null,
): Uint8Array {
  const body = envelope.value?.body;
  const text = body && utf8Of(body);
  const json = new TextEncoder().encode(
    JSON.stringify(
      text ? { ...envelope, value: { ...envelope.value, body: { ...body, text: '' } } } : envelope,
    ),
  );
  const lifted = text ?? new Uint8Array(0);
  const framed = new Uint8Array(HEADER_BYTES + json.length + lifted.length);
  new DataView(framed.buffer).setUint32(0, json.length, true);
  framed.set(json, HEADER_BYTES);
  framed.set(lifted, HEADER_BYTES + json.length);
  return framed;
}

/** A text's UTF-8, or null when it holds a lone surrogate (UTF-8 would bring back U+FFFD). */
export function utf8Exactly(text: string): Uint8Array | null {
  return /\p{Cs}/u.test(text) ? null : new TextEncoder().encode(text);
}

/** The envelope encodeTextAnswer framed, its body's text back in place. */
export function decodeTextAnswer(bytes: Uint8Array): unknown {
  if (bytes.length < HEADER_BYTES) throw new Error('The answer arrived cut short.');
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const jsonEnd = HEADER_BYTES + header.getUint32(0, true);
  if (jsonEnd > bytes.length) throw new Error('The answer arrived cut short.');
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const envelope = JSON.parse(
    decoder.decode(bytes.subarray(HEADER_BYTES, jsonEnd)),
  ) as TextEnvelope;
  const body = envelope.value?.body;
  if (body && body.text === '') body.text = decoder.decode(bytes.subarray(jsonEnd));
  return envelope;
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
