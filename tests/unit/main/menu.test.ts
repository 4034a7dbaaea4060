// The native menu's template, against a stand-in for Electron: the View menu has Reload and
// DevTools in development builds only; Edit's Undo and Redo name the next step, are built again
// when it changes (once for a burst of changes), and send their command to the window.
import type { BrowserWindow, MenuItemConstructorOptions } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MENU_CHANNEL, type HistoryState } from '../../../electron/shared/contract';

const electron = vi.hoisted(() => ({
  app: { isPackaged: false, getVersion: () => '0.1.0' },
  template: [] as MenuItemConstructorOptions[],
  built: 0,
  set: 0,
}));

vi.mock('electron', () => ({
  app: electron.app,
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
      electron.built++;
      return (electron.template = template);
    },
    setApplicationMenu: () => electron.set++,
  },
}));

const { setupMenu } = await import('../../../electron/main/menu');

const nothing = async (): Promise<HistoryState> => ({});

function viewMenu(isPackaged: boolean) {
  electron.app.isPackaged = isPackaged;
  setupMenu(() => undefined, nothing);
  const view = electron.template.find((menu) => menu.label === '&View');
  return (view!.submenu as MenuItemConstructorOptions[]).map((item) => item.role ?? item.label);
}

const DEVELOPMENT_ROLES = ['reload', 'forceReload', 'toggleDevTools'];

describe('setupMenu', () => {
  it('has no Reload or DevTools when packaged, and keeps the View items', () => {
    const items = viewMenu(true);
    for (const role of DEVELOPMENT_ROLES) expect(items).not.toContain(role);
    expect(items).toEqual(expect.arrayContaining(['resetZoom', 'zoomIn', 'zoomOut']));
    expect(items.at(-1)).toBe('togglefullscreen');
  });

  it('adds Reload and DevTools at the end of View in development builds', () => {
    const packaged = viewMenu(true);
    const development = viewMenu(false);
    expect(development.slice(0, packaged.length)).toEqual(packaged);
    expect(development.slice(packaged.length)).toEqual([undefined, ...DEVELOPMENT_ROLES]);
  });

  it('puts no DevTools role in any menu of a packaged build', () => {
    viewMenu(true);
    const roles = JSON.stringify(electron.template);
    for (const role of DEVELOPMENT_ROLES) expect(roles).not.toContain(`"${role}"`);
  });
});

const submenu = (label: string) =>
  electron.template.find((menu) => menu.label === label)!.submenu as MenuItemConstructorOptions[];
const editItems = () =>
  submenu('&Edit').map(({ label, role, accelerator, enabled }) => ({
    label,
    role,
    accelerator,
    enabled,
  }));

/** A window whose webContents records what it is sent. */
function fakeWindow() {
  const sent: unknown[][] = [];
  const window = { webContents: { send: (...args: unknown[]) => sent.push(args) } };
  return { window: window as unknown as BrowserWindow, sent };
}

describe('the Edit menu’s Undo and Redo', () => {
  const platform = process.platform;
  afterEach(() => Object.defineProperty(process, 'platform', { value: platform }));
  const on = (name: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: name });

  it('start as plain Undo and Redo, disabled, beside the standard editing roles', () => {
    on('linux');
    setupMenu(() => undefined, nothing);
    expect(editItems()).toEqual([
      { label: 'Undo', role: undefined, accelerator: 'CmdOrCtrl+Z', enabled: false },
      { label: 'Redo', role: undefined, accelerator: 'CmdOrCtrl+Shift+Z', enabled: false },
      { label: undefined, role: undefined, accelerator: undefined, enabled: undefined },
      ...['cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete'].map((role) => ({
        label: undefined,
        role,
        accelerator: undefined,
        enabled: undefined,
      })),
      { label: undefined, role: undefined, accelerator: undefined, enabled: undefined },
      { label: undefined, role: 'selectAll', accelerator: undefined, enabled: undefined },
    ]);
  });

  it('name the step from the history once the core announces a change, and send their command', async () => {
    on('win32');
    let history: HistoryState = {};
    const { window, sent } = fakeWindow();
    const changed = setupMenu(
      () => window,
      async () => history,
    );
    history = { undo: 'Merge tags', redo: 'Add annotation' };
    await changed();
    const [undo, redo] = submenu('&Edit');
    expect(undo).toMatchObject({ label: 'Undo Merge tags', enabled: true });
    expect(redo).toMatchObject({ label: 'Redo Add annotation', enabled: true });
    expect(undo!.role).toBeUndefined();
    expect(redo!.role).toBeUndefined();
    // Chosen, they send the command: the renderer undoes a field's typing or the notebook's step.
    (undo!.click as () => void)();
    (redo!.click as () => void)();
    expect(sent).toEqual([
      [MENU_CHANNEL, 'undo'],
      [MENU_CHANNEL, 'redo'],
    ]);
    // Nothing left to redo.
    history = { undo: 'Merge tags' };
    await changed();
    expect(submenu('&Edit').slice(0, 2)).toMatchObject([
      { label: 'Undo Merge tags', enabled: true },
      { label: 'Redo', enabled: false },
    ]);
  });

  it('never lists Redo twice (the role that stood beside the command is gone)', async () => {
    on('linux');
    const changed = setupMenu(
      () => undefined,
      async () => ({ undo: 'Add annotation', redo: 'Add annotation' }),
    );
    await changed();
    const labels = submenu('&Edit').map((item) => item.role ?? item.label);
    expect(labels.filter((label) => /redo/i.test(String(label)))).toEqual(['Redo Add annotation']);
    expect(labels.filter((label) => /undo/i.test(String(label)))).toEqual(['Undo Add annotation']);
  });

  it('build the menu again once for a burst of changes, and not at all when the step is the same', async () => {
    on('linux');
    let asked = 0;
    const changed = setupMenu(
      () => undefined,
      async () => {
        asked++;
        await new Promise((resolve) => setTimeout(resolve, 5));
        return { undo: 'Edit memo' };
      },
    );
    const before = { built: electron.built, set: electron.set };
    await Promise.all(Array.from({ length: 20 }, () => changed()));
    expect(asked).toBe(2);
    expect(electron.built - before.built).toBe(1);
    expect(electron.set - before.set).toBe(1);
    expect(submenu('&Edit')[0]).toMatchObject({ label: 'Undo Edit memo', enabled: true });
    // The memo typed on: the same step, so the menu stays as it is.
    await changed();
    expect(electron.built - before.built).toBe(1);
  });

  it('on macOS, with nothing to undo, are the roles (Cmd+Z in a field), then the notebook’s', async () => {
    on('darwin');
    let history: HistoryState = {};
    const changed = setupMenu(
      () => undefined,
      async () => history,
    );
    expect(electron.template[0]!.label).toBe('Research Notebook');
    expect(submenu('&Edit').slice(0, 2)).toEqual([
      { role: 'undo', label: 'Undo', accelerator: 'CmdOrCtrl+Z' },
      { role: 'redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' },
    ]);
    history = { undo: 'Delete 5 annotations' };
    await changed();
    const [undo, redo] = submenu('&Edit');
    expect(undo).toMatchObject({ label: 'Undo Delete 5 annotations', enabled: true });
    expect(undo!.role).toBeUndefined();
    expect(redo).toEqual({ role: 'redo', label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z' });
  });
});
