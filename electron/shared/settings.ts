// The app's own settings: how the window looks and behaves on this machine. They belong to the
// person at this computer, not to a notebook (a notebook moves between machines and coders), so
// they are kept in the app's settings file beside the user's profile, never in the notebook.

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const READER_WIDTHS = ['narrow', 'medium', 'wide', 'full'] as const;
export type ReaderWidth = (typeof READER_WIDTHS)[number];

export const READER_FONT_SIZES = { min: 12, max: 28 } as const;

export interface AppSettings {
  theme: Theme;
  /** The reader's text size in CSS pixels. */
  readerFontSize: number;
  /** How wide the reader's column is (a measure of characters per line, or the whole pane). */
  readerWidth: ReaderWidth;
  /** Spelling checked in fields; off, nothing is checked (and no dictionary is fetched). */
  spellCheck: boolean;
  /** BCP 47 language of the spell-checker ("en-GB", "az"); '' follows the system. */
  spellCheckLanguage: string;
  /** Automatic updates: off until a feed is configured and the analyst turns them on. */
  updates: { enabled: boolean; feedUrl: string };
  /**
   * Blind coding: while on, the window shows only the annotations of the analyst coding now, and
   * counts only theirs (other coders' work stays in the notebook, and in exports).
   */
  blindCoding: boolean;
}

export const DEFAULT_SETTINGS: AppSettings = {
  theme: 'system',
  readerFontSize: 17,
  readerWidth: 'medium',
  spellCheck: true,
  spellCheckLanguage: '',
  updates: { enabled: false, feedUrl: '' },
  blindCoding: false,
};
