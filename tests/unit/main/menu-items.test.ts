// The native menu's command items without Electron: Undo and Redo name the step they would take
// and are disabled when there is none (on macOS they fall back to the roles, which keep Cmd+Z in
// fields), every other item is the command table's, and the history is asked once per burst.
import { describe, expect, it, vi } from 'vitest';
import {
  accelerator,
  COMMAND_IDS,
  COMMANDS,
  commandsInMenu,
  menuKey,
  type MenuName,
} from '../../../electron/shared/commands';
import type { HistoryState } from '../../../electron/shared/contract';
import { followHistory, menuItems } from '../../../electron/main/menu-items';

const MENUS: MenuName[] = ['file', 'edit', 'annotate', 'view', 'help'];
const edit = (history?: HistoryState, mac = false) => menuItems('edit', history, { mac });
const item = (history: HistoryState | undefined, command: 'undo' | 'redo', mac = false) =>
  edit(history, mac).find((i) => (i.kind === 'command' ? i.command : i.role) === command);

describe('menuItems', () => {
  it('names the next undo and redo step, enabled', () => {
    expect(item({ undo: 'Merge tags', redo: 'Add annotation' }, 'undo')).toEqual({
      kind: 'command',
      command: 'undo',
      label: 'Undo Merge tags',
      accelerator: 'CmdOrCtrl+Z',
      enabled: true,
    });
    expect(item({ undo: 'Merge tags', redo: 'Add annotation' }, 'redo')).toEqual({
      kind: 'command',
      command: 'redo',
      label: 'Redo Add annotation',
      accelerator: 'CmdOrCtrl+Shift+Z',
      enabled: true,
    });
  });

  it('says plain Undo and Redo, disabled, when there is nothing to take', () => {
    for (const history of [undefined, {}]) {
      expect(edit(history)).toEqual([
        {
          kind: 'command',
          command: 'undo',
          label: 'Undo',
          accelerator: 'CmdOrCtrl+Z',
          enabled: false,
        },
        {
          kind: 'command',
          command: 'redo',
          label: 'Redo',
          accelerator: 'CmdOrCtrl+Shift+Z',
          enabled: false,
        },
      ]);
    }
  });

  it('enables only the one that has a step', () => {
    const onlyUndo = edit({ undo: 'Tag 4 annotations' });
    expect(onlyUndo.map((i) => [i.label, i.kind === 'command' && i.enabled])).toEqual([
      ['Undo Tag 4 annotations', true],
      ['Redo', false],
    ]);
    const onlyRedo = edit({ redo: 'Delete 5 annotations' });
    expect(onlyRedo.map((i) => [i.label, i.kind === 'command' && i.enabled])).toEqual([
      ['Undo', false],
      ['Redo Delete 5 annotations', true],
    ]);
  });

  it('keeps a step’s words as the history gives them', () => {
    const undo = item({ undo: 'Rename tag “Çay ə/ş?” & <b>' }, 'undo');
    expect(undo?.label).toBe('Undo Rename tag “Çay ə/ş?” & <b>');
  });

  it('on macOS, with nothing to undo, leaves the items to the roles so fields keep Cmd+Z', () => {
    expect(edit({}, true)).toEqual([
      { kind: 'role', role: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
      { kind: 'role', role: 'redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
    ]);
    // With a step, the notebook's command, as elsewhere.
    expect(item({ undo: 'Merge tags' }, 'undo', true)).toMatchObject({
      kind: 'command',
      label: 'Undo Merge tags',
      enabled: true,
    });
    expect(item({ undo: 'Merge tags' }, 'redo', true)).toMatchObject({ kind: 'role' });
  });

  it('takes every label and accelerator from the command table', () => {
    const history = { undo: 'Merge tags', redo: 'Add annotation' };
    for (const mac of [false, true]) {
      const listed = MENUS.flatMap((menu) => menuItems(menu, history, { mac }));
      expect(listed.map((i) => (i.kind === 'command' ? i.command : i.role))).toEqual(
        MENUS.flatMap((menu) => commandsInMenu(menu)),
      );
      for (const entry of listed) {
        const id = entry.kind === 'command' ? entry.command : entry.role;
        const key = menuKey(id);
        expect(entry.accelerator).toBe(key && accelerator(key));
        expect(entry.label.startsWith(COMMANDS[id].label)).toBe(true);
      }
    }
    // A single key ("]", "?") is never an accelerator: the menu would take it from every field.
    const annotate = menuItems('annotate');
    const next = annotate.find((i) => i.kind === 'command' && i.command === 'next-annotation');
    expect(next).toMatchObject({ label: 'Next annotation', accelerator: 'Alt+Down' });
    expect(menuItems('help')).toEqual([
      { kind: 'command', command: 'help', label: 'Keyboard shortcuts', enabled: true },
    ]);
  });

  it('leaves every other command as the table says, whatever the history', () => {
    const history = { undo: 'Merge tags', redo: 'Add annotation' };
    const others = COMMAND_IDS.filter((id) => id !== 'undo' && id !== 'redo' && COMMANDS[id].menu);
    const items = MENUS.flatMap((menu) => menuItems(menu, history));
    for (const id of others) {
      const found = items.filter((i) => i.kind === 'command' && i.command === id);
      expect(found).toEqual([
        expect.objectContaining({ label: COMMANDS[id].label, enabled: true }),
      ]);
    }
  });
});

/** A history answer the test hands out when it likes. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('followHistory', () => {
  it('shows each new answer and nothing when what undo and redo would do is unchanged', async () => {
    const answers: HistoryState[] = [
      { undo: 'Add annotation' },
      { undo: 'Add annotation' },
      { undo: 'Edit memo', redo: 'Add annotation' },
      {},
    ];
    const show = vi.fn();
    const changed = followHistory(async () => answers.shift()!, show);
    for (let i = 0; i < 4; i++) await changed();
    expect(show.mock.calls).toEqual([
      [{ undo: 'Add annotation' }],
      [{ undo: 'Edit memo', redo: 'Add annotation' }],
      [{}],
    ]);
  });

  it('starts from what the menu already says', async () => {
    const show = vi.fn();
    await followHistory(async () => ({}), show, {})();
    expect(show).not.toHaveBeenCalled();
  });

  it('asks once more after a burst of changes, not once per change, and shows once', async () => {
    const pending: Array<ReturnType<typeof deferred<HistoryState>>> = [];
    const ask = vi.fn(() => {
      const answer = deferred<HistoryState>();
      pending.push(answer);
      return answer.promise;
    });
    const show = vi.fn();
    const changed = followHistory(ask, show);
    const burst = Array.from({ length: 10 }, () => changed());
    expect(ask).toHaveBeenCalledTimes(1);
    pending[0]!.resolve({ undo: 'Import article' });
    await vi.waitFor(() => expect(ask).toHaveBeenCalledTimes(2));
    pending[1]!.resolve({ undo: 'Import article' });
    await Promise.all(burst);
    expect(ask).toHaveBeenCalledTimes(2);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith({ undo: 'Import article' });
    // A change after the burst asks again.
    const later = changed();
    expect(ask).toHaveBeenCalledTimes(3);
    pending[2]!.resolve({ undo: 'Delete article' });
    await later;
    expect(show).toHaveBeenLastCalledWith({ undo: 'Delete article' });
  });

  it('keeps the menu as it is when the history can’t be asked, and asks again next time', async () => {
    const show = vi.fn();
    const ask = vi
      .fn<() => Promise<HistoryState>>()
      .mockRejectedValueOnce(new Error('The notebook is closed.'))
      .mockResolvedValueOnce({ redo: 'Merge tags' });
    const changed = followHistory(ask, show);
    await changed();
    expect(show).not.toHaveBeenCalled();
    await changed();
    expect(show).toHaveBeenCalledWith({ redo: 'Merge tags' });
  });
});
