import { describe, expect, it } from 'vitest';
import {
  DEFAULT_STATE,
  MIN_SIZE,
  restoreWindowState,
  type Rect,
} from '../../../electron/main/window-bounds';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 900 };
const rightMonitor: Rect = { x: 1440, y: 0, width: 2560, height: 1440 };
const saved = (bounds: unknown, maximized?: unknown) => ({ bounds, maximized });

describe('restoreWindowState', () => {
  it('reuses a place and size that are still on a screen', () => {
    const bounds = { x: 100, y: 80, width: 1200, height: 800 };
    expect(restoreWindowState(saved(bounds, true), [laptop])).toEqual({ bounds, maximized: true });
    const onSecond = { x: 2000, y: 200, width: 1600, height: 1000 };
    expect(restoreWindowState(saved(onSecond), [laptop, rightMonitor]).bounds).toEqual(onSecond);
  });

  it('centres a window whose screen is gone, keeping its size', () => {
    const onSecond = { x: 2000, y: 200, width: 1600, height: 1000 };
    expect(restoreWindowState(saved(onSecond), [laptop])).toEqual({
      bounds: { width: 1600, height: 1000 },
      maximized: false,
    });
  });

  it('centres a window with only a sliver left on screen', () => {
    const sliver = { x: 1420, y: 100, width: 1000, height: 700 };
    expect(restoreWindowState(saved(sliver), [laptop]).bounds).toEqual({
      width: 1000,
      height: 700,
    });
    const above = { x: 100, y: -690, width: 1000, height: 700 };
    expect(restoreWindowState(saved(above), [laptop]).bounds).not.toHaveProperty('x');
  });

  it('centres the window when no screen is known', () => {
    const bounds = { x: 10, y: 10, width: 1000, height: 700 };
    expect(restoreWindowState(saved(bounds), []).bounds).toEqual({ width: 1000, height: 700 });
  });

  it('grows a small window to at least 720x480', () => {
    const small = { x: 10, y: 10, width: 200, height: 100 };
    expect(restoreWindowState(saved(small), [laptop]).bounds).toEqual({
      x: 10,
      y: 10,
      ...MIN_SIZE,
    });
    const negative = { x: 10, y: 10, width: -500, height: 0 };
    expect(restoreWindowState(saved(negative), [laptop]).bounds).toMatchObject(MIN_SIZE);
  });

  it('falls back to the default size for absurd sizes', () => {
    const huge = { x: 0, y: 0, width: 100_000, height: 800 };
    expect(restoreWindowState(saved(huge, true), [laptop])).toEqual({
      ...DEFAULT_STATE,
      maximized: true,
    });
  });

  it('rounds fractional numbers, which Electron would refuse', () => {
    const bounds = { x: 10.4, y: 20.6, width: 1000.5, height: 700.2 };
    expect(restoreWindowState(saved(bounds), [laptop]).bounds).toEqual({
      x: 10,
      y: 21,
      width: 1001,
      height: 700,
    });
  });

  it('falls back to the defaults for anything malformed', () => {
    for (const raw of [
      undefined,
      null,
      'text',
      42,
      [],
      {},
      saved(null),
      saved({ x: 0, y: 0, width: 800 }),
      saved({ x: '0', y: 0, width: 800, height: 600 }),
      saved({ x: 0, y: Number.NaN, width: 800, height: 600 }),
      saved({ x: 0, y: 0, width: Infinity, height: 600 }),
    ])
      expect(restoreWindowState(raw, [laptop]), JSON.stringify(raw)).toEqual(DEFAULT_STATE);
  });

  it('maximizes only for a literal true', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 700 };
    expect(restoreWindowState(saved(bounds, 'yes'), [laptop]).maximized).toBe(false);
    expect(restoreWindowState(saved(bounds, 1), [laptop]).maximized).toBe(false);
  });

  it('opens the default window the first time, centred', () => {
    expect(DEFAULT_STATE.bounds).not.toHaveProperty('x');
    expect(DEFAULT_STATE.bounds.width).toBeGreaterThanOrEqual(MIN_SIZE.width);
    expect(DEFAULT_STATE.bounds.height).toBeGreaterThanOrEqual(MIN_SIZE.height);
  });
});
