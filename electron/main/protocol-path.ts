// Which file of the built renderer an app:// request may read, or why it may read none.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { APP_HOST } from './app-url';

export type AppRequest = { file: string } | { status: 400 | 403 | 404 };

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
  // The URL parser has already resolved `.`, `..` and `%2e%2e` segments; what is left encoded
  // (`%2f`, `%5c`) is decoded here and checked after joining. Query and hash are not the path.
  // A folder (or the bare origin, whose path is empty) means its index.html.
  const pathname = `${url.pathname || '/'}${url.pathname.endsWith('/') || !url.pathname ? 'index.html' : ''}`;
  let path: string;
  try {
    path = decodeURIComponent(pathname);
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
