// Serves the built renderer over app://notebook/ (Chromium won't load module scripts from file://),
// with a strict Content-Security-Policy on every response.
import { net, protocol } from 'electron';
import { join, normalize, relative, isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security';

export const APP_ORIGIN = 'app://notebook';

/** Must run before the app is ready. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function setupAppProtocol(rendererDir: string) {
  protocol.handle('app', async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'notebook') return new Response('Not found', { status: 404 });
    const path = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(rendererDir, path));
    const inside = relative(rendererDir, file);
    // Refuse anything that resolves outside the renderer folder (../ tricks, absolute paths).
    if (inside.startsWith('..') || isAbsolute(inside))
      return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
