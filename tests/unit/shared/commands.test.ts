// The one command table: keys match as typed on each platform, labels say Ctrl or ⌘, the native
// menu never takes a single key (it would take it from every text field).
import { describe, expect, it } from 'vitest';
import {
  COMMAND_IDS,
  COMMANDS,
  accelerator,
  isSingleKey,
  keyLabel,
  matchesKey,
  menuKey,
  type KeyPress,
} from '../../../electron/shared/commands';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('matchesKey', () => {
  it('matches Mod as Ctrl on Windows and Linux, Cmd on macOS', () => {
    expect(matchesKey('Mod+E', press('e', { ctrlKey: true }), false)).toBe(true);
    expect(matchesKey('Mod+E', press('e', { metaKey: true }), false)).toBe(false);
    expect(matchesKey('Mod+E', press('e', { metaKey: true }), true)).toBe(true);
    expect(matchesKey('Mod+E', press('e', { ctrlKey: true }), true)).toBe(false);
    expect(matchesKey('Mod+E', press('E', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesKey('Mod+Shift+V', press('V', { ctrlKey: true, shiftKey: true }), false)).toBe(
      true,
    );
    expect(matchesKey('Mod+Enter', press('Enter', { ctrlKey: true }), false)).toBe(true);
    expect(matchesKey('Mod+Enter', press('Enter'), false)).toBe(false);
  });

  it('matches a character however it was typed (Shift for ?, AltGr for ], Option on a Mac)', () => {
    expect(matchesKey('?', press('?', { shiftKey: true }), false)).toBe(true);
    expect(matchesKey(']', press(']', { ctrlKey: true, altKey: true }), false)).toBe(true);
    expect(matchesKey(']', press(']', { altKey: true }), true)).toBe(true);
    expect(matchesKey('/', press('/'), false)).toBe(true);
    // With Ctrl (not AltGr) or Cmd it is a different command, not the character.
    expect(matchesKey('/', press('/', { ctrlKey: true }), false)).toBe(false);
    expect(matchesKey(']', press(']', { metaKey: true }), true)).toBe(false);
    expect(matchesKey('[', press(']'), false)).toBe(false);
  });

  it('matches named keys with exactly their modifiers', () => {
    expect(matchesKey('Alt+ArrowDown', press('ArrowDown', { altKey: true }), false)).toBe(true);
    expect(matchesKey('Alt+ArrowDown', press('ArrowDown'), false)).toBe(false);
    expect(matchesKey('Enter', press('Enter', { shiftKey: true }), false)).toBe(false);
    expect(matchesKey('Enter', press('Enter'), false)).toBe(true);
  });
});

describe('labels and the native menu', () => {
  it('writes keys as each platform does', () => {
    expect(keyLabel('Mod+Enter', false)).toBe('Ctrl+Enter');
    expect(keyLabel('Mod+Enter', true)).toBe('⌘↩');
    expect(keyLabel('Mod+Shift+V', false)).toBe('Ctrl+Shift+V');
    expect(keyLabel('Mod+Shift+V', true)).toBe('⇧⌘V');
    expect(keyLabel('Alt+ArrowDown', false)).toBe('Alt+↓');
    expect(keyLabel('Alt+ArrowDown', true)).toBe('⌥↓');
    expect(keyLabel(']', true)).toBe(']');
  });

  it('gives Electron accelerators', () => {
    expect(accelerator('Mod+Shift+V')).toBe('CmdOrCtrl+Shift+V');
    expect(accelerator('Alt+ArrowUp')).toBe('Alt+Up');
  });

  it('never puts a single key in the native menu', () => {
    for (const id of COMMAND_IDS) {
      const key = menuKey(id);
      if (key !== undefined) expect(isSingleKey(key)).toBe(false);
    }
    expect(menuKey('search')).toBe('Mod+F');
    expect(menuKey('next-annotation')).toBe('Alt+ArrowDown');
    expect(menuKey('edit-annotation')).toBeUndefined();
  });

  it('declares each key once across all commands', () => {
    const keys = COMMAND_IDS.flatMap((id) => [...COMMANDS[id].keys]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
