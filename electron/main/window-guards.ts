// What the window may do with a URL: navigate only inside the app; links to the outside open in
// the OS browser only when they are https: or mailto:.
import { isAllowedExternalUrl } from '../shared/security';
import { isAppUrl } from './app-url';

/** will-navigate: the page never leaves app://notebook/. */
export const mayNavigate = (url: string): boolean => isAppUrl(url);

/**
 * window.open and target=_blank never make a window; this says which URL, if any, to hand to
 * the OS instead. It hands over the parsed form, so the OS sees exactly what was checked.
 */
export function externalUrlToOpen(url: string): string | null {
  return isAllowedExternalUrl(url) ? new URL(url).href : null;
}
