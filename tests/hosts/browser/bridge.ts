// Stands in for the Electron preload in the browser host: builds window.notebook from the same
// contract, sending each call to the loopback server with the per-run secret.
import { CALL_NAMES, type NotebookBridge } from '../../../electron/shared/contract';
import { encodeWire } from './wire';

const SECRET_KEY = 'notebook-host-secret';

function takeSecret(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('secret');
  if (fromHash) {
    sessionStorage.setItem(SECRET_KEY, fromHash);
    // Keep the secret out of the address bar and history once it is stored.
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(SECRET_KEY) ?? '';
}

const secret = takeSecret();

const calls = Object.fromEntries(
  CALL_NAMES.map((name) => [
    name,
    async (input: unknown) => {
      try {
        const response = await fetch(`/__api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-notebook-secret': secret },
          body: encodeWire(input ?? {}),
        });
        return await response.json();
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The notebook host is not running. Restart it.' },
        };
      }
    },
  ]),
);

const bridge = { ...calls, onMenuCommand: () => () => {} } as unknown as NotebookBridge;
Object.defineProperty(window, 'notebook', { value: Object.freeze(bridge), writable: false });
