// The app's settings on this machine and the notebook folder's place (see the contract's
// getSettings, setSettings, moveNotebook, getDataFolder).
import type { Handlers } from '../../shared/contract';
import type { ServiceContext } from './context';

export function settingsHandlers(
  ctx: ServiceContext,
): Pick<Handlers, 'getSettings' | 'setSettings' | 'moveNotebook' | 'getDataFolder'> {
  const notYet = () => Promise.reject(new Error('Settings are not built yet.'));
  return {
    getSettings: notYet,
    setSettings: notYet,
    moveNotebook: notYet,
    getDataFolder: async () => ({ path: ctx.store.dataDir }),
  };
}
