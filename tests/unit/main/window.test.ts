// The main window's wiring, against a stand-in for Electron (its binary can't run here): which
// preferences it opens with and which handlers it installs, in development and packaged builds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const made: FakeWindow[] = [];
  class FakeWindow {
    handlers = new Map<string, Handler>();
    openHandler?: Handler;
    permissionRequest?: Handler;
    permissionCheck?: Handler;
    loaded?: string;
    constructor(readonly options: Record<string, unknown>) {
      made.push(this);
    }
    webContents = {
      on: (name: string, handler: Handler) => void this.handlers.set(name, handler),
      setWindowOpenHandler: (handler: Handler) => void (this.openHandler = handler),
      session: {
        setPermissionRequestHandler: (handler: Handler) => void (this.permissionRequest = handler),
        setPermissionCheckHandler: (handler: Handler) => void (this.permissionCheck = handler),
      },
    };
    on() {}
    once() {}
    maximize() {}
    loadURL(url: string) {
      this.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    made,
    FakeWindow,
    app: { isPackaged: false },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.FakeWindow,
  dialog: { showMessageBoxSync: () => 0 },
  shell: electron.shell,
  screen: { getAllDisplays: () => [] },
}));

const { createMainWindow } = await import('../../../electron/main/window');

let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'notebook-window-'));
  electron.made.length = 0;
  electron.shell.openExternal.mockClear();
});
afterEach(() => rm(stateDir, { recursive: true, force: true }));

function open(isPackaged: boolean) {
  electron.app.isPackaged = isPackaged;
  createMainWindow({ preload: '/app/out/preload/index.cjs', stateDir });
  return electron.made.at(-1)!;
}

const input = (key: string, mods: Record<string, boolean> = {}, code?: string) => ({
  type: 'keyDown',
  key,
  code,
  control: false,
  shift: false,
  alt: false,
  meta: false,
  ...mods,
});

describe('createMainWindow', () => {
  it('opens the app page with isolated, sandboxed preferences and Auxclick off', () => {
    const window = open(true);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
    expect(window.loaded).toBe('app://notebook/index.html');
  });

  it('refuses every permission request and answers every permission check with no', () => {
    const window = open(false);
    const callback = vi.fn();
    window.permissionRequest!({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation'])
      expect(window.permissionCheck!({}, permission, 'app://notebook', {})).toBe(false);
  });

  it('hands allowed links to the OS, parsed and stripped, and never opens a window', () => {
    const window = open(true);
    expect(window.openHandler!({ url: 'mailto:a@example.org?attach=/etc/passwd' })).toEqual({
      action: 'deny',
    });
    expect(window.openHandler!({ url: 'http://example.org/x' })).toEqual({ action: 'deny' });
    expect(window.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
    expect(window.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal.mock.calls).toEqual([
      ['mailto:a@example.org'],
      ['http://example.org/x'],
    ]);
  });

  it('blocks navigation away from the app', () => {
    const window = open(true);
    const navigate = (url: string) => {
      const event = { preventDefault: vi.fn() };
      window.handlers.get('will-navigate')!(event, url);
      return event.preventDefault.mock.calls.length === 0;
    };
    expect(navigate('app://notebook/index.html')).toBe(true);
    expect(navigate('https://example.org/')).toBe(false);
  });

  it('holds back the DevTools keys in packaged builds only', () => {
    const packaged = open(true);
    const press = (key: ReturnType<typeof input>) => {
      const event = { preventDefault: vi.fn() };
      packaged.handlers.get('before-input-event')!(event, key);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(press(input('F12', {}, 'F12'))).toBe(true);
    expect(press(input('I', { control: true, shift: true }, 'KeyI'))).toBe(true);
    expect(press(input('Dead', { meta: true, alt: true }, 'KeyI'))).toBe(true);
    expect(press(input('o', { control: true }, 'KeyO'))).toBe(false);

    const development = open(false);
    expect(development.options.webPreferences).toMatchObject({ devTools: true });
    expect(development.handlers.has('before-input-event')).toBe(false);
  });
});
