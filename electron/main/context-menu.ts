// The window's context menu. In a field: the spell-checker's suggestions for a misspelt word and
// "Add to dictionary", then cut, copy, paste and select all. On selected text outside a field
// (the reader): "Annotate selection", the same command its shortcut and the Annotate menu send,
// and copy. Worked out from Electron's context-menu params without Electron (native.ts pops it
// up), so it is tested in plain Node.
import { accelerator, COMMANDS, menuKey, type CommandId } from '../shared/commands';

/** The parts of Electron's ContextMenuParams the menu reads. */
export interface ContextParams {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: {
    canCut: boolean;
    canCopy: boolean;
    canPaste: boolean;
    canSelectAll: boolean;
  };
}

export type ContextItem =
  | { kind: 'role'; role: 'cut' | 'copy' | 'paste' | 'selectAll'; enabled: boolean }
  | { kind: 'replace'; word: string }
  | { kind: 'add-word'; word: string }
  | { kind: 'command'; command: CommandId; label: string; accelerator?: string }
  | { kind: 'note'; label: string }
  | { kind: 'separator' };

/** More than this many guesses are seldom right, and push the editing items off the menu. */
export const MAX_SUGGESTIONS = 5;

const SEPARATOR: ContextItem = { kind: 'separator' };

/** The menu for a right-click; empty: show none (nothing to do there). */
export function contextMenuItems(params: ContextParams): ContextItem[] {
  const flags = params.editFlags;
  if (params.isEditable) {
    const spelling: ContextItem[] = [];
    const word = params.misspelledWord.trim();
    if (word) {
      const guesses = params.dictionarySuggestions.slice(0, MAX_SUGGESTIONS);
      spelling.push(
        ...(guesses.length
          ? guesses.map((guess): ContextItem => ({ kind: 'replace', word: guess }))
          : [{ kind: 'note', label: 'No spelling suggestions' } as const]),
        { kind: 'add-word', word },
        SEPARATOR,
      );
    }
    return [
      ...spelling,
      { kind: 'role', role: 'cut', enabled: flags.canCut },
      { kind: 'role', role: 'copy', enabled: flags.canCopy },
      { kind: 'role', role: 'paste', enabled: flags.canPaste },
      SEPARATOR,
      { kind: 'role', role: 'selectAll', enabled: flags.canSelectAll },
    ];
  }
  if (params.selectionText.trim() === '') return [];
  const key = menuKey('annotate');
  return [
    {
      kind: 'command',
      command: 'annotate',
      label: COMMANDS.annotate.label,
      ...(key !== undefined && { accelerator: accelerator(key) }),
    },
    SEPARATOR,
    { kind: 'role', role: 'copy', enabled: flags.canCopy },
  ];
}

/** What the glue needs to carry out an item. */
export interface ContextActions {
  replaceMisspelling(word: string): void;
  addToDictionary(word: string): void;
  send(command: CommandId): void;
}

/** The part of Electron's MenuItemConstructorOptions these items use. */
export interface ContextTemplateItem {
  role?: 'cut' | 'copy' | 'paste' | 'selectAll';
  type?: 'separator';
  label?: string;
  enabled?: boolean;
  accelerator?: string;
  registerAccelerator?: boolean;
  click?: () => void;
}

/** Electron's menu template for our items. */
export function contextTemplate(
  items: readonly ContextItem[],
  actions: ContextActions,
): ContextTemplateItem[] {
  return items.map((item): ContextTemplateItem => {
    switch (item.kind) {
      case 'role':
        return { role: item.role, enabled: item.enabled };
      case 'replace':
        return { label: item.word, click: () => actions.replaceMisspelling(item.word) };
      case 'add-word':
        return { label: 'Add to dictionary', click: () => actions.addToDictionary(item.word) };
      case 'command':
        return {
          label: item.label,
          ...(item.accelerator !== undefined && { accelerator: item.accelerator }),
          // Shown as a hint only: the application menu owns the key.
          registerAccelerator: false,
          click: () => actions.send(item.command),
        };
      case 'note':
        return { label: item.label, enabled: false };
      case 'separator':
        return { type: 'separator' };
    }
  });
}
