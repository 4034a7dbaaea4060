// Which file of the built renderer a request may read, or why it may read none: for app://
// in Electron and for the browser host alike. And the app:// response around that file.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../shared/security';
import { APP_HOST } from './app-url';

export type FileRequest = { file: string } | { status: 400 | 403 };
export type AppRequest = FileRequest | { status: 404 };

/**
 * Maps a URL's pathname (as the URL parser left it: dot segments resolved, the rest still
 * percent-encoded) onto a file inside rendererDir. A malformed escape is a bad request (400);
 * anything that would leave the folder is refused (403).
 */
export function resolveRendererPath(pathname: string, rendererDir: string): FileRequest {
  // What is left encoded (`%2f`, `%5c`) is decoded here and checked after joining. A folder (or
  // the bare origin, whose path is empty) means its index.html.
  const withIndex = `${pathname || '/'}${pathname.endsWith('/') || !pathname ? 'index.html' : ''}`;
  let path: string;
  try {
    path = decodeURIComponent(withIndex);
  } catch {
    return { status: 400 };
  }
  // The bundle has no such names; refusing them keeps Windows and POSIX paths alike.
  if (path.includes('\\') || path.includes('\0')) return { status: 403 };
  const root = resolve(rendererDir);
  const file = join(root, path);
  const inside = relative(root, file);
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    return { status: 403 };
  return { file };
}

/** Maps app://notebook/<path> onto rendererDir; anything that would leave it is refused. */
export function resolveAppRequest(rawUrl: string, rendererDir: string): AppRequest {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== 'app:' || url.host !== APP_HOST || url.username || url.password)
    return { status: 404 };
  // The URL parser has already resolved `.`, `..` and `%2e%2e` segments. Query and hash are not
  // the path.
  return resolveRendererPath(url.pathname, rendererDir);
}

const STATUS_TEXT = { 400: 'Bad request', 403: 'Forbidden', 404: 'Not found' } as const;

function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}

/**
 * The answer to an app:// request, read through `fetchFile` (Electron's net.fetch, given a
 * file: URL). Every answer carries the CSP; a file that can't be read is a 404, never a throw
 * (a handler that throws leaves the request failing with a network error).
 */
export async function serveAppRequest(
  rawUrl: string,
  rendererDir: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): Promise<Response> {
  const target = resolveAppRequest(rawUrl, rendererDir);
  if ('status' in target)
    return withSecurityHeaders(new Response(STATUS_TEXT[target.status], { status: target.status }));
  let response: Response;
  try {
    response = await fetchFile(pathToFileURL(target.file).href);
  } catch {
    return withSecurityHeaders(new Response(STATUS_TEXT[404], { status: 404 }));
  }
  return withSecurityHeaders(response);
}
