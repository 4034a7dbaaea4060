// The application menu for each platform, as a template: macOS's app menu and Window menu,
// Windows' and Linux's File › Settings… and Help › About, the standard editing roles everywhere,
// and every command of the table in it once, with the table's accelerator.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import {
  accelerator,
  COMMAND_IDS,
  COMMANDS,
  menuKey,
  type CommandId,
} from '../../../electron/shared/commands';

vi.mock('electron', () => ({ app: {}, Menu: {} }));
const { menuTemplate } = await import('../../../electron/main/menu');
type MainAction = Parameters<Parameters<typeof menuTemplate>[0]['act']>[0];

type Item = MenuItemConstructorOptions;

function template(platform: NodeJS.Platform) {
  const sent: CommandId[] = [];
  const acted: MainAction[] = [];
  const menus = menuTemplate({
    platform,
    history: {},
    isPackaged: true,
    send: (command) => () => sent.push(command),
    act: (action) => () => acted.push(action),
  });
  return { menus, sent, acted };
}

const labels = (menus: Item[]) => menus.map((m) => m.label ?? m.role);
const sub = (menus: Item[], label: string) =>
  menus.find((m) => m.label === label)!.submenu as Item[];
const names = (items: Item[]) => items.map((i) => i.role ?? i.label ?? i.type);
const all = (items: Item[]): Item[] =>
  items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? all(i.submenu) : [])]);
const click = (item: Item) => (item.click as () => void)();

describe('the application menu on macOS', () => {
  const { menus, sent, acted } = template('darwin');

  it('starts with the app menu: About, Settings… (⌘,), Services, Hide, Quit', () => {
    expect(labels(menus)).toEqual([
      'Research Notebook',
      '&File',
      '&Edit',
      '&Annotate',
      '&View',
      '&Window',
      '&Help',
    ]);
    const appMenu = sub(menus, 'Research Notebook');
    expect(names(appMenu)).toEqual([
      'About Research Notebook',
      'separator',
      'Settings…',
      'separator',
      'services',
      'separator',
      'hide',
      'hideOthers',
      'unhide',
      'separator',
      'quit',
    ]);
    const settings = appMenu[2]!;
    expect(settings.accelerator).toBe('CmdOrCtrl+,');
    click(settings);
    click(appMenu[0]!);
    expect(sent).toEqual(['settings']);
    expect(acted).toEqual(['about']);
  });

  it('keeps Settings… out of File, which has Open Recent and ends with Close', () => {
    const file = sub(menus, '&File');
    expect(names(file)).not.toContain('Settings…');
    expect(file.find((i) => i.role === 'recentDocuments')?.label).toBe('Open Recent');
    expect(file.at(-1)!.role).toBe('close');
    expect(names(file)).not.toContain('quit');
  });

  it('has the Window menu with Minimize, Zoom, Close and Bring All to Front', () => {
    const window = menus.find((m) => m.label === '&Window')!;
    expect(window.role).toBe('window');
    expect(names(window.submenu as Item[])).toEqual([
      'minimize',
      'zoom',
      'close',
      'separator',
      'front',
    ]);
  });

  it('has Reveal data folder in Help, and About only in the app menu', () => {
    const help = sub(menus, '&Help');
    expect(names(help)).toEqual(['Keyboard shortcuts', 'separator', 'Reveal data folder']);
    click(help[2]!);
    expect(acted.at(-1)).toBe('reveal-data-folder');
    expect(all(menus).filter((i) => i.label === 'About Research Notebook')).toHaveLength(1);
  });
});

describe.each(['win32', 'linux'] as const)('the application menu on %s', (platform) => {
  const { menus, sent, acted } = template(platform);

  it('has no app menu; File holds Settings… (Ctrl+,) and ends with Quit', () => {
    expect(labels(menus)).toEqual(['&File', '&Edit', '&Annotate', '&View', '&Window', '&Help']);
    const file = sub(menus, '&File');
    const settings = file.find((i) => i.label === 'Settings…')!;
    expect(settings.accelerator).toBe('CmdOrCtrl+,');
    click(settings);
    expect(sent).toEqual(['settings']);
    expect(file.at(-1)!.role).toBe('quit');
    expect(names(file)).not.toContain('recentDocuments');
  });

  it('has none of the macOS-only roles', () => {
    const roles = all(menus).map((i) => i.role);
    for (const role of ['services', 'hide', 'hideOthers', 'unhide', 'zoom', 'front', 'appMenu'])
      expect(roles).not.toContain(role);
  });

  it('has Window › Minimize, Maximize (done here: Zoom is macOS only), Close', () => {
    const window = sub(menus, '&Window');
    expect(names(window)).toEqual(['minimize', 'Maximize', 'close']);
    click(window[1]!);
    expect(acted).toEqual(['toggle-maximize']);
  });

  it('ends Help with Reveal data folder and About', () => {
    const help = sub(menus, '&Help');
    expect(names(help)).toEqual([
      'Keyboard shortcuts',
      'separator',
      'Reveal data folder',
      'separator',
      'About Research Notebook',
    ]);
    click(help.at(-1)!);
    click(help[2]!);
    expect(acted.slice(-2)).toEqual(['about', 'reveal-data-folder']);
  });
});

describe.each(['darwin', 'win32', 'linux'] as const)('on %s', (platform) => {
  const { menus } = template(platform);

  it('Edit has the standard roles after Undo and Redo, so they work in every field', () => {
    const edit = sub(menus, '&Edit');
    expect(names(edit).slice(2)).toEqual([
      'separator',
      'cut',
      'copy',
      'paste',
      'pasteAndMatchStyle',
      'delete',
      'separator',
      'selectAll',
    ]);
  });

  it('lists every command of the table once, labelled and keyed as the table says', () => {
    const items = all(menus);
    for (const id of COMMAND_IDS) {
      const command = COMMANDS[id] as { label: string; menu?: string };
      const found = items.filter((i) => i.label === command.label);
      if (!command.menu) {
        expect(found, id).toHaveLength(0);
        continue;
      }
      // Undo and Redo on macOS with nothing to undo are roles, still labelled as the table.
      expect(found, id).toHaveLength(1);
      const key = menuKey(id);
      expect(found[0]!.accelerator, id).toBe(key === undefined ? undefined : accelerator(key));
    }
  });

  it('never gives a single key ("/", "?", "]") to the menu: it would take it from every field', () => {
    const keys = all(menus)
      .map((i) => i.accelerator)
      .filter((a): a is string => typeof a === 'string');
    for (const key of keys) expect(key, key).toMatch(/^(CmdOrCtrl|Alt)\+/);
  });
});
