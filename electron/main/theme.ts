// The window's native parts (title bar, menus, dialogs, scroll bars) follow the theme setting:
// nativeTheme.themeSource, set at start and on every change.
import { nativeTheme } from 'electron';
import type { SettingsStore } from '../core/settings/settings-store';

export function setupTheme(settings: SettingsStore) {
  settings
    .get()
    .then((s) => (nativeTheme.themeSource = s.theme))
    .catch(() => undefined); // unreadable settings: the system's theme, as by default
  settings.onChange((s) => (nativeTheme.themeSource = s.theme));
}
