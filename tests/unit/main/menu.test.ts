// The native menu's template, against a stand-in for Electron: the View menu has Reload and
// DevTools in development builds only.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { isPackaged: false, getVersion: () => '0.1.0' },
  template: [] as MenuItemConstructorOptions[],
}));

vi.mock('electron', () => ({
  app: electron.app,
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => (electron.template = template),
    setApplicationMenu: () => {},
  },
}));

const { setupMenu } = await import('../../../electron/main/menu');

function viewMenu(isPackaged: boolean) {
  electron.app.isPackaged = isPackaged;
  setupMenu(() => undefined);
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
