// Serves the built renderer over app://notebook/ (Chromium won't load module scripts from file://),
// with a strict Content-Security-Policy on every response. Which file a URL may read is decided
// in protocol-path.ts.
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { resolveAppRequest } from './protocol-path';

const STATUS_TEXT = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' } as const;

/** Must run before the app is ready. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function setupAppProtocol(rendererDir: string) {
  protocol.handle('app', async (request) => {
    const target = resolveAppRequest(request.url, rendererDir);
    if ('status' in target)
      return new Response(STATUS_TEXT[target.status], { status: target.status });
    const response = await net.fetch(pathToFileURL(target.file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
