// Remembers the window's size and position between runs, in a small file beside the notebook.
import { screen, type BrowserWindow, type Rectangle } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT_STATE: WindowState = {
  bounds: { x: 0, y: 0, width: 1280, height: 820 },
  maximized: false,
};

const isRect = (v: unknown): v is Rectangle =>
  !!v &&
  typeof v === 'object' &&
  ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((v as Record<string, unknown>)[k]));

export function loadWindowState(dir: string): WindowState {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'));
    const state = raw as Partial<WindowState>;
    if (!isRect(state.bounds)) return DEFAULT_STATE;
    // A monitor may have been unplugged since: only reuse a position that is still on a screen.
    const visible = screen.getAllDisplays().some((d) => rectsOverlap(d.workArea, state.bounds!));
    const bounds = visible ? state.bounds : { ...DEFAULT_STATE.bounds, ...sizeOf(state.bounds) };
    return { bounds, maximized: state.maximized === true };
  } catch {
    return DEFAULT_STATE;
  }
}

export function trackWindowState(window: BrowserWindow, dir: string) {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    try {
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));
    } catch {
      // Losing the window position is harmless; never let it disturb the analyst.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

const sizeOf = (r: Rectangle) => ({ width: r.width, height: r.height });

function rectsOverlap(a: Rectangle, b: Rectangle) {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
