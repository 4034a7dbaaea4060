// The app's settings in the window: loaded at start and applied at once (the theme on <html>,
// the reader's text size and measure as CSS variables), changed through the core, which keeps
// them; and the notebook folder's place, with "Move the notebook to…".
import {
  READER_FONT_SIZES,
  type AppSettings,
  type ReaderWidth,
} from '../../../../electron/shared/settings';
import { ApiError, call, messageOf } from '../api';

/** The reader's column for each width: a measure in characters of the reading font, or all. */
const MEASURES: Record<ReaderWidth, string> = {
  narrow: '34rem',
  medium: '42rem',
  wide: '54rem',
  full: 'none',
};

/** Puts the settings on the page: data-theme for the colours, variables for the reader. */
export function applySettings(settings: AppSettings, root: HTMLElement = document.documentElement) {
  root.dataset.theme = settings.theme;
  root.style.setProperty('--reader-font-size', `${settings.readerFontSize}px`);
  root.style.setProperty('--reader-width', MEASURES[settings.readerWidth]);
}

export type MoveStep =
  | { kind: 'idle' }
  | { kind: 'moving' }
  | { kind: 'moved'; path: string; from: string }
  | { kind: 'failed'; message: string };

/** Which field a refusal is about, to word it beside that field. */
export type SettingsField =
  'theme' | 'readerFontSize' | 'readerWidth' | 'spelling' | 'updates' | 'blindCoding';

/** What each field's refusal says when the core found the value invalid. */
const INVALID: Record<SettingsField, string> = {
  theme: 'Choose System, Light or Dark.',
  readerFontSize: `Type a whole number of pixels from ${READER_FONT_SIZES.min} to ${READER_FONT_SIZES.max}.`,
  readerWidth: 'Choose one of the widths.',
  spelling:
    'Type a language tag like en-GB, de or az (letters, then parts after hyphens), or leave it empty to follow the system.',
  updates: 'Type the update feed’s full address, starting with https://.',
  blindCoding: 'Turn blind coding on or off with its box.',
};

/** A typed text size as a number, if it is one (a whole number, spaces around it allowed). */
export function typedFontSize(typed: string): number | undefined {
  return /^\s*\d{1,3}\s*$/.test(typed) ? Number(typed) : undefined;
}

/** The sentence for a text size that is no whole number. */
export const fontSizeProblem = INVALID.readerFontSize;

export class Settings {
  /** null until the core answered. */
  current = $state.raw<AppSettings | null>(null);
  dataFolder = $state('');
  move = $state.raw<MoveStep>({ kind: 'idle' });

  /** At start: read and apply them (until then the page shows the system's theme). */
  async start() {
    const [settings, folder] = await Promise.all([
      call('getSettings', {}),
      call('getDataFolder', {}),
    ]);
    this.current = settings;
    this.dataFolder = folder.path;
    applySettings(settings);
  }

  /**
   * Changes some settings and applies the answer; a refusal comes back as the sentence to show
   * beside `field` (nothing changed then), success as null.
   */
  async change(field: SettingsField, change: Partial<AppSettings>): Promise<string | null> {
    try {
      const settings = await call('setSettings', change);
      this.current = settings;
      applySettings(settings);
      return null;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'invalid-input') return INVALID[field];
      return messageOf(error);
    }
  }

  /** Moves the folder where the host asks (a native dialog in the desktop app). */
  async moveNotebook() {
    if (this.move.kind === 'moving') return;
    const from = this.dataFolder;
    this.move = { kind: 'moving' };
    try {
      const outcome = await call('moveNotebook', {});
      if (outcome.kind === 'cancelled') {
        this.move = { kind: 'idle' };
        return;
      }
      this.dataFolder = outcome.path;
      this.move = { kind: 'moved', path: outcome.path, from };
    } catch (error) {
      this.move = { kind: 'failed', message: messageOf(error) };
    }
  }
}

export const settings = new Settings();
