// Serves the built renderer over app://notebook/ (Chromium won't load module scripts from file://),
// with a strict Content-Security-Policy on every response. Which file a URL may read, and the
// response around it, are decided in protocol-path.ts.
import { net, protocol } from 'electron';
import { serveAppRequest } from './protocol-path';

/** Must run before the app is ready. */
export function registerAppScheme() {
  protocol.registerSchemesAsPrivileged([
    { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export function setupAppProtocol(rendererDir: string) {
  protocol.handle('app', (request) =>
    serveAppRequest(request.url, rendererDir, (fileUrl) => net.fetch(fileUrl)),
  );
}
