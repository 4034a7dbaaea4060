// The one table of the analyst's commands: name, label, keys. The native menu (Electron main),
// the renderer's shortcuts, its buttons' titles and the help dialog all read it, so a key is
// declared once and labelled the same way everywhere (Ctrl on Windows and Linux, ⌘ on macOS).
// Pure data and functions: no DOM, no Electron.

/**
 * A key combination as written here: modifiers then the key, joined by "+". "Mod" is Ctrl, or
 * Cmd on macOS. The key is a KeyboardEvent.key value ("Enter", "ArrowDown", "]", "e").
 */
export type KeySpec = string;

export type MenuName = 'file' | 'edit' | 'annotate' | 'view' | 'help';

export interface CommandDeclaration {
  /** As in a menu or on a button ("Export notes…"). */
  label: string;
  /** A sentence for the help dialog. */
  description: string;
  /** The first is the one shown in labels and given to the native menu. */
  keys: readonly KeySpec[];
  /** Listed in this native menu; in Electron the menu then owns the command's keys. */
  menu?: MenuName;
}

export const COMMANDS = {
  'import-file': {
    label: 'Import files…',
    description: 'Import articles from files (choose one or several)',
    keys: ['Mod+O'],
    menu: 'file',
  },
  'import-folder': {
    label: 'Import folder…',
    description: 'Import every article in a folder and its subfolders',
    keys: ['Mod+Shift+O'],
    menu: 'file',
  },
  'paste-text': {
    label: 'Paste text as article…',
    description: 'Import pasted text as an article',
    keys: ['Mod+Shift+V'],
    menu: 'file',
  },
  'import-annotations': {
    label: 'Import annotations…',
    description:
      'Import annotations from Hypothesis or another tool (W3C JSON) or from a spreadsheet (CSV) onto an article',
    keys: [],
    menu: 'file',
  },
  'import-project': {
    label: 'Import REFI-QDA project…',
    description:
      'Import a project (.qdpx) or codebook (.qdc) from NVivo, ATLAS.ti, MAXQDA, QualCoder or Taguette',
    keys: [],
    menu: 'file',
  },
  'merge-notebook': {
    label: 'Merge notebook…',
    description:
      'Bring in another analyst’s work from their notebook folder, deciding where both changed the same thing',
    keys: [],
    menu: 'file',
  },
  export: {
    label: 'Export notes…',
    description: 'Export notes (Markdown, CSV, W3C JSON) or the articles’ references',
    keys: ['Mod+E'],
    menu: 'file',
  },
  report: {
    label: 'Report…',
    description:
      'Make a report of the coded passages by tag, with the codebook and figures (HTML, PDF or Word)',
    keys: ['Mod+Shift+E'],
    menu: 'file',
  },
  settings: {
    label: 'Settings…',
    description: 'Open the settings: who is coding (name, initials, colour)',
    keys: ['Mod+,'],
    menu: 'file',
  },
  annotate: {
    label: 'Annotate selection',
    description: 'Annotate the selected passage',
    keys: ['Mod+Enter'],
    menu: 'annotate',
  },
  'next-annotation': {
    label: 'Next annotation',
    description: 'Go to the next annotation',
    keys: [']', 'Alt+ArrowDown'],
    menu: 'annotate',
  },
  'previous-annotation': {
    label: 'Previous annotation',
    description: 'Go to the previous annotation',
    keys: ['[', 'Alt+ArrowUp'],
    menu: 'annotate',
  },
  'edit-annotation': {
    label: 'Edit annotation',
    description: 'Open the current annotation’s tags and comment',
    keys: ['Enter'],
    menu: 'annotate',
  },
  search: {
    label: 'Search annotations',
    description: 'Search the annotations',
    keys: ['Mod+F', '/'],
    menu: 'annotate',
  },
  'search-everything': {
    label: 'Search everything',
    description: 'Search every article’s text, passages, comments, memos and tags',
    keys: ['Mod+Shift+F'],
    menu: 'view',
  },
  analysis: {
    label: 'Analysis',
    description:
      'Show the analysis of the coding (frequencies, co-occurrence, coverage, matrices), or go back to the article',
    keys: ['Mod+Shift+A'],
    menu: 'view',
  },
  agreement: {
    label: 'Agreement',
    description:
      'Show how far the coders agree (percent, kappa, alpha per tag and article), or go back to the article',
    keys: ['Mod+Shift+K'],
    menu: 'view',
  },
  adjudication: {
    label: 'Adjudicate disagreements',
    description:
      'Go through two coders’ disagreements one by one and decide each into the consensus layer',
    keys: ['Mod+Shift+D'],
    menu: 'view',
  },
  undo: {
    label: 'Undo',
    description: 'Undo the last change, whatever it was (in a field: undo typing)',
    keys: ['Mod+Z'],
    menu: 'edit',
  },
  redo: {
    label: 'Redo',
    description: 'Redo the last undone change (in a field: redo typing)',
    keys: ['Mod+Shift+Z', 'Mod+Y'],
    menu: 'edit',
  },
  'edit-details': {
    label: 'Article details…',
    description: 'Edit the article’s title, authors, date and source',
    keys: [],
    menu: 'annotate',
  },
  'toggle-library': {
    label: 'Show library',
    description: 'Show or hide the library (in a narrow window)',
    keys: ['Mod+Shift+L'],
    menu: 'view',
  },
  help: {
    label: 'Keyboard shortcuts',
    description: 'Show the keyboard shortcuts',
    keys: ['?'],
    menu: 'help',
  },
} as const satisfies Record<string, CommandDeclaration>;

export type CommandId = keyof typeof COMMANDS;

const declaration = (id: CommandId): CommandDeclaration => COMMANDS[id];
export const COMMAND_IDS = Object.keys(COMMANDS) as CommandId[];
export const isCommandId = (value: unknown): value is CommandId =>
  typeof value === 'string' && Object.hasOwn(COMMANDS, value);

/** The commands a native menu lists, in the table's order. */
export const commandsInMenu = (menu: MenuName) =>
  COMMAND_IDS.filter((id) => declaration(id).menu === menu);

/**
 * The key a native menu registers for a command: its first key with a modifier. A single key
 * ("/", "]") is never a menu accelerator: the menu would take it from every text field.
 */
export function menuKey(id: CommandId): KeySpec | undefined {
  const command = declaration(id);
  return command.menu ? command.keys.find((key) => !isSingleKey(key)) : undefined;
}

/** Keys the app uses that are not commands of their own, for the help dialog. */
export const EDITOR_KEYS = {
  save: 'Mod+Enter',
  close: 'Escape',
  selectByCharacter: 'Shift+ArrowRight',
  selectByWord: 'Mod+Shift+ArrowRight',
} as const;

/**
 * The adjudication view's keys (renderer/src/components/agreement), shown on its buttons. Single
 * keys, taken only while the view has the keyboard; both cases where the other case means nothing
 * else, so Caps Lock changes little (a capital B is Shift+B: keep both).
 */
export const ADJUDICATION_KEYS = {
  keepA: ['a', 'A'],
  keepB: ['b'],
  keepBoth: ['2', 'Shift+B'],
  keepNeither: ['n', 'N', '0'],
  edit: ['e', 'E'],
  next: ['j', 'J', 'ArrowRight'],
  previous: ['k', 'K', 'ArrowLeft'],
  /** While editing: move the start (with Shift, the end); with Mod, by a word. */
  editEarlier: ['ArrowLeft', 'Shift+ArrowLeft', 'Mod+ArrowLeft', 'Mod+Shift+ArrowLeft'],
  editLater: ['ArrowRight', 'Shift+ArrowRight', 'Mod+ArrowRight', 'Mod+Shift+ArrowRight'],
  keepEdit: ['Enter'],
  cancelEdit: ['Escape'],
} as const satisfies Record<string, readonly KeySpec[]>;

interface ParsedKey {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  key: string;
}

function parse(spec: KeySpec): ParsedKey {
  const parts = spec.split('+');
  // "Mod++" would be the plus key; no command uses it, but keep the parse honest.
  const key = spec.endsWith('++') ? '+' : parts.at(-1)!;
  const modifiers = new Set(parts.slice(0, spec.endsWith('++') ? -2 : -1));
  return {
    mod: modifiers.has('Mod'),
    shift: modifiers.has('Shift'),
    alt: modifiers.has('Alt'),
    key,
  };
}

/** A printable character typed as itself (its Shift is part of the character: "?" is Shift+/). */
const isCharacter = (key: string) => [...key].length === 1;

/** What a key event carries that matters here (a KeyboardEvent has all of it). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

export function matchesKey(spec: KeySpec, event: KeyPress, mac: boolean): boolean {
  const want = parse(spec);
  const character = isCharacter(want.key);
  if (character && !want.mod && !want.alt) {
    // A typed character: whatever it took to type it (Shift for "?", AltGr for "]" on a German
    // keyboard, which Windows reports as Ctrl+Alt, Option on a Mac) is part of typing it.
    const command = mac
      ? event.metaKey || event.ctrlKey
      : event.metaKey || (event.ctrlKey && !event.altKey);
    return !command && event.key === want.key;
  }
  const mod = mac ? event.metaKey : event.ctrlKey;
  const stray = mac ? event.ctrlKey : event.metaKey;
  if (stray || mod !== want.mod || event.altKey !== want.alt || event.shiftKey !== want.shift) {
    return false;
  }
  return character ? event.key.toLowerCase() === want.key.toLowerCase() : event.key === want.key;
}

/** Whether a shortcut is a single key (no Ctrl/Cmd/Alt): those never fire while typing. */
export const isSingleKey = (spec: KeySpec) => {
  const p = parse(spec);
  return !p.mod && !p.alt;
};

const KEY_NAMES: Record<string, [mac: string, other: string]> = {
  Enter: ['↩', 'Enter'],
  Escape: ['Esc', 'Esc'],
  ArrowDown: ['↓', '↓'],
  ArrowUp: ['↑', '↑'],
  ArrowLeft: ['←', '←'],
  ArrowRight: ['→', '→'],
};

/** "Ctrl+Shift+V" on Windows and Linux, "⇧⌘V" on macOS (Apple's order: ⌃⌥⇧⌘). */
export function keyLabel(spec: KeySpec, mac: boolean): string {
  const p = parse(spec);
  const names = KEY_NAMES[p.key];
  const key = names ? names[mac ? 0 : 1] : p.key.length === 1 ? p.key.toUpperCase() : p.key;
  if (mac) return `${p.alt ? '⌥' : ''}${p.shift ? '⇧' : ''}${p.mod ? '⌘' : ''}${key}`;
  return [p.mod && 'Ctrl', p.alt && 'Alt', p.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Electron's accelerator for a key spec ("CmdOrCtrl+Shift+V"). */
export function accelerator(spec: KeySpec): string {
  const p = parse(spec);
  const key = { ArrowDown: 'Down', ArrowUp: 'Up', ArrowLeft: 'Left', ArrowRight: 'Right' }[p.key];
  return [p.mod && 'CmdOrCtrl', p.alt && 'Alt', p.shift && 'Shift', key ?? p.key]
    .filter(Boolean)
    .join('+');
}
