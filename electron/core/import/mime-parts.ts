// Just enough MIME (RFC 2045-2046) to read a saved web page: headers (folded lines, parameters),
// multipart bodies split at their boundary, and the quoted-printable and base64 transfer
// encodings. The message is handled as a Latin-1 string, one character per byte, so a part's
// bytes come back exactly for its own charset to decode.

export interface MimeEntity {
  /** Header names in lower case; the first of a repeated header wins. */
  headers: Map<string, string>;
  /** The raw body, one character per byte, still in its transfer encoding. */
  body: string;
}

export interface ContentType {
  /** "text/html", lower case. */
  type: string;
  /** Parameter names in lower case, values unquoted. */
  params: Map<string, string>;
}

const PARAMETER = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g;

/** Headers up to the first empty line, then the body. */
export function parseEntity(message: string): MimeEntity {
  const headers = new Map<string, string>();
  const blank = /\r?\n\r?\n/.exec(message);
  const headEnd = blank ? blank.index : message.length;
  const bodyStart = blank ? blank.index + blank[0].length : message.length;
  // A line that begins with white space continues the header above it.
  const unfolded = message.slice(0, headEnd).replace(/\r?\n[ \t]+/g, ' ');
  for (const line of unfolded.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: message.slice(bodyStart) };
}

export function contentType(value: string | undefined): ContentType {
  const text = value ?? 'text/plain';
  const semicolon = text.indexOf(';');
  const type = (semicolon === -1 ? text : text.slice(0, semicolon)).trim().toLowerCase();
  const params = new Map<string, string>();
  for (const m of text.matchAll(PARAMETER)) {
    const name = m[1]!.toLowerCase();
    if (!params.has(name)) params.set(name, m[2]?.replace(/\\(.)/g, '$1') ?? m[3] ?? '');
  }
  return { type, params };
}

/** The parts between `--boundary` lines, up to the closing `--boundary--`. */
export function splitMultipart(body: string, boundary: string): MimeEntity[] {
  const delimiter = `--${boundary}`;
  const parts: MimeEntity[] = [];
  let cursor = findDelimiter(body, delimiter, 0);
  while (cursor !== -1) {
    const lineEnd = body.indexOf('\n', cursor);
    if (lineEnd === -1 || body.startsWith('--', cursor + delimiter.length)) break;
    const next = findDelimiter(body, delimiter, lineEnd + 1);
    let end = next === -1 ? body.length : next;
    // The line break before a delimiter belongs to the delimiter.
    if (next !== -1) end -= body.charAt(end - 2) === '\r' ? 2 : 1;
    parts.push(parseEntity(body.slice(lineEnd + 1, Math.max(end, lineEnd + 1))));
    cursor = next;
  }
  return parts;
}

/** Where the next delimiter line at or after `from` begins; delimiters start lines. */
function findDelimiter(body: string, delimiter: string, from: number): number {
  if (from === 0 && body.startsWith(delimiter)) return 0;
  const found = body.indexOf(`\n${delimiter}`, Math.max(from - 1, 0));
  return found === -1 ? -1 : found + 1;
}

/** A part's body as bytes, its transfer encoding undone. */
export function decodeBody(entity: MimeEntity): Uint8Array {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (encoding === 'base64') return new Uint8Array(Buffer.from(entity.body, 'base64'));
  if (encoding === 'quoted-printable') return quotedPrintable(entity.body);
  return new Uint8Array(Buffer.from(entity.body, 'latin1'));
}

const EQUALS = 0x3d;

function quotedPrintable(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== EQUALS) {
      out[n++] = c & 0xff;
      continue;
    }
    const hex = hexByte(text.charCodeAt(i + 1), text.charCodeAt(i + 2));
    if (hex !== -1) {
      out[n++] = hex;
      i += 2;
      continue;
    }
    // A soft line break: "=" at a line's end (space before the break is padding) joins lines.
    let j = i + 1;
    while (text.charAt(j) === ' ' || text.charAt(j) === '\t') j++;
    if (text.charAt(j) === '\r') j++;
    if (text.charAt(j) === '\n' || j >= text.length) {
      i = j;
      continue;
    }
    out[n++] = c;
  }
  return out.subarray(0, n);
}

function hexByte(a: number, b: number): number {
  const high = hexDigit(a);
  const low = hexDigit(b);
  return high === -1 || low === -1 ? -1 : high * 16 + low;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}
