// The keyboard shortcuts: one list drives both the key handling and the help dialog (and the
// README copies it). "Mod" is Ctrl, or Cmd on macOS.
export type ShortcutAction =
  'annotate' | 'next' | 'previous' | 'search' | 'export' | 'import' | 'undo' | 'help';

export interface Shortcut {
  action: ShortcutAction;
  keys: string;
  description: string;
  /** Also active while typing in a field. */
  inFields?: boolean;
  matches(event: KeyboardEvent): boolean;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = (e: KeyboardEvent) => (isMac ? e.metaKey : e.ctrlKey);
const plain = (e: KeyboardEvent) => !e.ctrlKey && !e.metaKey && !e.altKey;

export const SHORTCUTS: Shortcut[] = [
  {
    action: 'annotate',
    keys: 'Mod+Enter',
    description: 'Annotate the selected passage (in the editor: save)',
    matches: (e) => mod(e) && e.key === 'Enter',
  },
  {
    action: 'next',
    keys: 'Alt+↓ or ]',
    description: 'Next annotation',
    matches: (e) => (e.altKey && e.key === 'ArrowDown') || (plain(e) && e.key === ']'),
  },
  {
    action: 'previous',
    keys: 'Alt+↑ or [',
    description: 'Previous annotation',
    matches: (e) => (e.altKey && e.key === 'ArrowUp') || (plain(e) && e.key === '['),
  },
  {
    action: 'search',
    keys: 'Mod+F or /',
    description: 'Search the annotations',
    inFields: true,
    matches: (e) => (mod(e) && e.key.toLowerCase() === 'f') || (plain(e) && e.key === '/'),
  },
  {
    action: 'export',
    keys: 'Mod+E',
    description: 'Export notes',
    inFields: true,
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'e',
  },
  {
    action: 'import',
    keys: 'Mod+O',
    description: 'Import a file',
    inFields: true,
    matches: (e) => mod(e) && e.key.toLowerCase() === 'o',
  },
  {
    action: 'undo',
    keys: 'Mod+Z',
    description: 'Undo the last annotation delete',
    matches: (e) => mod(e) && !e.shiftKey && e.key.toLowerCase() === 'z',
  },
  {
    action: 'help',
    keys: '?',
    description: 'Show the keyboard shortcuts',
    matches: (e) => e.key === '?' && !e.ctrlKey && !e.metaKey,
  },
];

export const SELECTION_KEYS =
  'In the reader, Shift+Arrow keys select text (Shift+Ctrl+Arrow by word); Esc closes a dialog or the editor.';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

export function shortcutFor(event: KeyboardEvent): Shortcut | undefined {
  const typing = isTyping(event.target);
  return SHORTCUTS.find((s) => (s.inFields || !typing) && s.matches(event));
}
