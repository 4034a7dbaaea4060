// Decides which link targets survive import: only http:, https: and mailto:, after real URL
// parsing, so tricks like "JaVaScRiPt:" or "java\nscript:" are read the way a browser reads them.
const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_HREF = 2048;

/** The absolute href to keep, or undefined when the link must lose its target (its text stays). */
export function safeHref(raw: string | null | undefined, baseUrl?: string): string | undefined {
  const trimmed = raw?.trim();
  if (!trimmed) return undefined;
  let url: URL;
  try {
    // Without a known base a relative href has no meaning, so new URL throws and we drop it.
    url = baseUrl === undefined ? new URL(trimmed) : new URL(trimmed, baseUrl);
  } catch {
    return undefined;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol) || url.href.length > MAX_HREF) return undefined;
  return url.href;
}

/** A page address worth recording as a source or a base: absolute http(s) only. */
export function webUrl(raw: string | null | undefined): string | undefined {
  const href = safeHref(raw);
  return href !== undefined && !href.startsWith('mailto:') ? href : undefined;
}
