// Remembers the window's size and position between runs, in a small file beside the notebook.
import { screen, type BrowserWindow } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { restoreWindowState, type WindowState } from './window-bounds';

export function loadWindowState(dir: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'));
  } catch {
    // First run, or a file cut short: the defaults will do.
  }
  // A monitor may have been unplugged since: only reuse a position that is still on a screen.
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return restoreWindowState(raw, workAreas);
}

export function trackWindowState(window: BrowserWindow, dir: string) {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed()) return;
    const state = {
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
