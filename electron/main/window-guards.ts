// What the window may do: its web preferences, navigation only inside the app, outside links to
// the OS only as electron/shared/security.ts allows, and no DevTools keys in packaged builds.
import { externalUrlToOpen } from '../shared/security';
import { isAppUrl } from './app-url';

/** will-navigate: the page never leaves app://notebook/. */
export const mayNavigate = (url: string): boolean => isAppUrl(url);

/**
 * window.open and target=_blank never make a window; this says which URL, if any, to hand to
 * the OS instead. It hands over the parsed form, so the OS sees exactly what was checked.
 */
export { externalUrlToOpen };

/**
 * The main window's webPreferences. Auxclick is off so a middle click can't act on a link
 * behind the window-open handler's back (electronegativity AUXCLICK_JS_CHECK); DevTools exist
 * only in development builds.
 */
export function webPreferencesFor(options: { preload: string; isPackaged: boolean }) {
  return {
    preload: options.preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    // On, so the session can turn it on and off (spellcheck.ts); a window made with it off
    // could never check spelling. The session starts with it off, and fetches nothing then.
    spellcheck: true,
    disableBlinkFeatures: 'Auxclick',
    devTools: !options.isPackaged,
  };
}

/** The parts of Electron's before-input-event Input the check reads. */
export interface KeyInput {
  type: string;
  key: string;
  code?: string;
  control: boolean;
  shift: boolean;
  alt: boolean;
  meta: boolean;
}

// I: DevTools, J: the console, C: the element picker (Chromium's own shortcuts).
const DEVTOOLS_LETTERS = ['i', 'j', 'c'];

/**
 * True for the keys Chromium opens DevTools with: F12, Ctrl+Shift+I/J/C, and on a Mac
 * Cmd+Option+I/J/C. Checked on every platform (none of them is an app command), by the key and
 * by the physical key, since Option turns I into a dead key on a Mac and other layouts type
 * other letters there.
 */
export function isDevToolsShortcut(input: KeyInput): boolean {
  if (input.key === 'F12' || input.code === 'F12') return true;
  const letter =
    DEVTOOLS_LETTERS.includes(input.key.toLowerCase()) ||
    DEVTOOLS_LETTERS.some((l) => input.code === `Key${l.toUpperCase()}`);
  if (!letter) return false;
  return (input.control && input.shift) || (input.meta && input.alt);
}
