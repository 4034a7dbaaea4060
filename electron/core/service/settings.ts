// The app's settings on this machine and the notebook folder's place (see the contract's
// getSettings, setSettings, moveNotebook, getDataFolder). Moving needs a host that can ask where
// to (Electron's folder dialog, the browser host's NOTEBOOK_MOVE_TARGET): it replaces
// moveNotebook with one that asks, then calls Notebook.moveTo.
import type { Handlers } from '../../shared/contract';
import { NotebookError } from '../errors';
import { SettingsStore } from '../settings/settings-store';
import type { ServiceContext } from './context';

export function settingsHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'getSettings' | 'setSettings' | 'moveNotebook' | 'getDataFolder'> {
  const settings = ctx.settings ?? SettingsStore.inMemory();
  return {
    getSettings: () => settings.get(),
    setSettings: (change) => settings.set(change),
    moveNotebook: () =>
      Promise.reject(
        new NotebookError(
          'conflict',
          'Moving the notebook needs the desktop app, which asks for the new folder; here, move the folder yourself while the notebook is closed.',
        ),
      ),
    getDataFolder: async () => ({ path: ctx.store.dataDir }),
  };
}
