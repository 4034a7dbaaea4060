// Security rules shared by every host: the Content-Security-Policy (Electron's app:// protocol,
// the browser host, and the page's own meta), and which outside links may open in the OS.

/**
 * No inline script or style, nothing remote: imported articles are rendered from the model, so
 * the renderer never needs more than its own bundle.
 */
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
] as const;

/** Directives a browser ignores in a <meta> policy (CSP Level 3, 3.3): they work as headers only. */
export const HEADER_ONLY_DIRECTIVES = ['frame-ancestors', 'report-uri', 'sandbox'] as const;

/** The whole policy, sent as a header by both hosts. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/**
 * The policy the built index.html carries in its own meta (written at build time by
 * vite.config.ts), so the page holds it whoever serves it: the header's directives less those a
 * meta can't carry. frame-ancestors is left to the header, where it works.
 */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (directive) => !(HEADER_ONLY_DIRECTIVES as readonly string[]).includes(directive.split(' ')[0]!),
).join('; ');

/**
 * Longer links are refused: the importer keeps no longer href (core/import/safe-url.ts), so a
 * longer one came from somewhere else.
 */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

// Leading and trailing C0 controls and spaces are what the URL parser strips itself.
const SURROUNDING = /^[\u0000-\u0020]+|[\u0000-\u0020]+$/g;
// Inside a link, a tab or newline is dropped by the parser (java\nscript:) and a NUL or C1
// control is never typed: either is a trick, not a link.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The exact URL to hand to the OS for a link the page asked to open, or null to open nothing.
 * http: and https: open as parsed (query and fragment kept). mailto: opens the address(es) only.
 * Anything else (javascript:, data:, file:, vbscript:, app:, custom schemes) opens nothing, in
 * any case. Links with a user name or password are refused rather than stripped: in
 * `https://bank.example@evil.example/` the part before @ exists to mislead, and opening the
 * stripped host would still go where the text pretends not to.
 */
export function externalUrlToOpen(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const text = raw.replace(SURROUNDING, '');
  if (CONTROL.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  let href: string | null;
  switch (url.protocol) {
    case 'https:':
    case 'http:':
      href = url.hostname ? url.href : null;
      break;
    case 'mailto:':
      href = mailtoAddresses(url.pathname);
      break;
    default:
      href = null;
  }
  // Percent-encoding can make the parsed form longer than what was checked above.
  return href !== null && href.length <= MAX_EXTERNAL_URL_LENGTH ? href : null;
}

export const isAllowedExternalUrl = (raw: string): boolean => externalUrlToOpen(raw) !== null;

// A deliberately plain address: RFC 5322 atext less %, ? and # (which a mail program would read
// as escapes or the start of headers), and a domain of letter-or-digit labels. Non-ASCII is
// allowed in both (internationalized addresses).
const LOCAL = String.raw`[\p{L}\p{N}.!$&'*+/=^_\x60{|}~-]+`;
const LABEL = String.raw`[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?`;
const ADDRESS = new RegExp(`^${LOCAL}@${LABEL}(?:\\.${LABEL})*$`, 'u');

/**
 * `mailto:` plus the addresses of a mailto path (RFC 6068: comma-separated, percent-encoded),
 * without its query or fragment: a query can add cc, bcc and a body, or (in some mail programs)
 * attach a local file, as in `?attach=/etc/passwd`. Escapes are decoded once and the result must
 * be plain addresses, so `%0A`, `%3F` or a broken escape can't smuggle anything past the check.
 * An address given only in the query (`mailto:?to=...`) opens nothing.
 */
function mailtoAddresses(path: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  const addresses = decoded.split(',').map((address) => address.trim());
  if (!addresses.every((address) => ADDRESS.test(address))) return null;
  return `mailto:${addresses.map(encodeURI).join(',')}`;
}
