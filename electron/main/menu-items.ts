// The native menu's command items, worked out without Electron so they can be tested in plain
// Node: labels and accelerators from the one command table, and Undo and Redo named after the
// step they would take ("Undo Merge tags"), from the core's history. menu.ts makes Electron's
// items of them.
import {
  accelerator,
  COMMANDS,
  commandsInMenu,
  menuKey,
  type CommandId,
  type MenuName,
} from '../shared/commands';
import type { HistoryState } from '../shared/contract';

/** An item that sends its command to the renderer, which runs it. */
export interface CommandItem {
  kind: 'command';
  command: CommandId;
  label: string;
  accelerator?: string;
  enabled: boolean;
}

/** An item left to Electron's role (the field's own undo or redo of typing). */
export interface RoleItem {
  kind: 'role';
  role: 'undo' | 'redo';
  label: string;
  accelerator?: string;
}

export type MenuItemSpec = CommandItem | RoleItem;

/** The commands whose item names the history's next step, and which step. */
const STEP_OF: Partial<Record<CommandId, keyof HistoryState & RoleItem['role']>> = {
  undo: 'undo',
  redo: 'redo',
};

/**
 * One menu's items, in the table's order. Undo and Redo say what they would do ("Undo Merge
 * tags") and are disabled when the history holds nothing. They send their command rather than
 * use a role: with a field focused the renderer undoes its typing (document.execCommand),
 * otherwise the notebook's last change.
 *
 * With nothing in the history on macOS, they are Electron's roles instead: there Cmd+Z reaches a
 * field only through the menu, and a disabled item would take typing-undo away from every field
 * (the history is the session's, so every session starts with it empty). Elsewhere Chromium
 * undoes a field's typing on Ctrl+Z by itself when no menu item takes the key, so a disabled
 * item costs nothing.
 */
export function menuItems(
  menu: MenuName,
  history: HistoryState = {},
  platform: { mac: boolean } = { mac: false },
): MenuItemSpec[] {
  return commandsInMenu(menu).map((command): MenuItemSpec => {
    const key = menuKey(command);
    const keyed = key !== undefined ? { accelerator: accelerator(key) } : {};
    const { label } = COMMANDS[command];
    const step = STEP_OF[command];
    if (step === undefined) return { kind: 'command', command, label, ...keyed, enabled: true };
    const next = history[step];
    if (next !== undefined) {
      return { kind: 'command', command, label: `${label} ${next}`, ...keyed, enabled: true };
    }
    return platform.mac
      ? { kind: 'role', role: step, label, ...keyed }
      : { kind: 'command', command, label, ...keyed, enabled: false };
  });
}

/**
 * Follows the history for the menu: the returned function is called on each change the core
 * announces. The history is asked at most once at a time (and once more after, when changes came
 * in meanwhile: the core answers once the write under way is done, so one question covers a
 * whole burst), and `show` runs only when what undo or redo would do is different from what the
 * menu says, so a burst of commits rebuilds the menu once, and a memo typed on (one step growing)
 * not at all.
 */
export function followHistory(
  ask: () => Promise<HistoryState>,
  show: (history: HistoryState) => void,
  shown: HistoryState = {},
): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const refresh = async () => {
    do {
      again = false;
      // A notebook closing as the app quits can't answer; the menu keeps what it says.
      const history = await ask().catch(() => undefined);
      if (history && (history.undo !== shown.undo || history.redo !== shown.redo)) {
        shown = history;
        show(history);
      }
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = refresh().finally(() => (running = null));
    return running;
  };
}
