// The app's own origin, app://notebook, and the one test of whether a URL belongs to it.

export const APP_HOST = 'notebook';
export const APP_ORIGIN = `app://${APP_HOST}`;

/**
 * True only under app://notebook/. Requiring the slash pins the whole authority: the host ends
 * there, so app://notebook.evil/, app://notebookx/, a port or credentials can't pass as ours.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}
