// Security constants shared by every host (Electron's app:// protocol and the browser host).

/**
 * No inline script or style, nothing remote: imported articles are rendered from the model, so
 * the renderer never needs more than its own bundle.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');

/** External links open in the OS browser only for these protocols. */
export const EXTERNAL_PROTOCOLS = ['https:', 'mailto:'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  try {
    return (EXTERNAL_PROTOCOLS as readonly string[]).includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}
