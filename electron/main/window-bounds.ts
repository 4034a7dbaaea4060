// The window's saved size and place, checked before reuse: a monitor may be gone, a file
// hand-edited or cut short.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Without x and y, Electron centres the window on the primary screen. */
export interface WindowState {
  bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>;
  maximized: boolean;
}

export const MIN_SIZE = { width: 720, height: 480 } as const;
export const DEFAULT_STATE: WindowState = {
  bounds: { width: 1280, height: 820 },
  maximized: false,
};
// Beyond any real display wall: a bigger size is a corrupt file, not a preference.
const MAX_SIDE = 16_384;
// Enough of the window on a screen to grab its title bar and drag it back.
const MIN_VISIBLE = 64;

const isNumber = (value: unknown): value is number => Number.isFinite(value);

function isRect(value: unknown): value is Rect {
  if (!value || typeof value !== 'object') return false;
  const rect = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((key) => isNumber(rect[key]));
}

function visibleOn(area: Rect, rect: Rect): boolean {
  const width = Math.min(area.x + area.width, rect.x + rect.width) - Math.max(area.x, rect.x);
  const height = Math.min(area.y + area.height, rect.y + rect.height) - Math.max(area.y, rect.y);
  return width >= MIN_VISIBLE && height >= MIN_VISIBLE;
}

/**
 * The state to open with, from whatever was saved (`raw`, already JSON-parsed) and the screens'
 * work areas now. An absurd size falls back to the default size, a small one grows to the
 * minimum, and a place on no screen falls back to the centre.
 */
export function restoreWindowState(raw: unknown, workAreas: readonly Rect[]): WindowState {
  const saved = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const maximized = saved.maximized === true;
  if (!isRect(saved.bounds)) return { ...DEFAULT_STATE, maximized };
  const { x, y, width, height } = saved.bounds;
  if (width > MAX_SIDE || height > MAX_SIDE) return { ...DEFAULT_STATE, maximized };
  const size = {
    width: Math.round(Math.max(width, MIN_SIZE.width)),
    height: Math.round(Math.max(height, MIN_SIZE.height)),
  };
  const place = { x: Math.round(x), y: Math.round(y) };
  const onScreen = workAreas.some((area) => visibleOn(area, { ...place, ...size }));
  return { bounds: onScreen ? { ...place, ...size } : size, maximized };
}
