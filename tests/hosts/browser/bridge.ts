// Stands in for the Electron preload in the browser host: builds window.notebook from the same
// contract, sending each call to the loopback server with the per-run secret.
import {
  CALL_NAMES,
  type ChangeNotice,
  type NotebookBridge,
} from '../../../electron/shared/contract';
import { isProgress, type Progress } from '../../../electron/shared/progress';
import {
  ANSWERS_WITH_BYTES,
  ANSWERS_WITH_TEXT,
  decodeTextAnswer,
  decodeWire,
  encodeWire,
} from './wire';

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
        const body = encodeWire(input ?? {});
        const response = await fetch(`/__api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-notebook-secret': secret },
          body,
          // A save sent as the page goes away (a memo flushed on reload) still arrives; the
          // browser allows this for small bodies only.
          keepalive: body.length < 60_000,
        });
        if (ANSWERS_WITH_TEXT.has(name))
          return decodeTextAnswer(new Uint8Array(await response.arrayBuffer()));
        return ANSWERS_WITH_BYTES.has(name)
          ? decodeWire(await response.text())
          : await response.json();
      } catch {
        return {
          ok: false,
          error: { code: 'internal', message: 'The notebook host is not running. Restart it.' },
        };
      }
    },
  ]),
);

/**
 * The core's changed events over one streamed response (fetch can send the secret header, which
 * EventSource can't). Reconnects after the host restarts.
 */
const changeListeners = new Set<(notice: ChangeNotice) => void>();
const progressListeners = new Set<(progress: Progress) => void>();
async function listenForChanges() {
  for (;;) {
    try {
      const response = await fetch('/__events', { headers: { 'x-notebook-secret': secret } });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let pending = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        pending += value;
        let newline;
        while ((newline = pending.indexOf('\n')) !== -1) {
          const line = pending.slice(0, newline);
          pending = pending.slice(newline + 1);
          const notice = JSON.parse(line) as Partial<ChangeNotice> & { progress?: unknown };
          if (isProgress(notice.progress)) {
            for (const listener of progressListeners) listener(notice.progress);
            continue;
          }
          if (!Array.isArray(notice.articles)) continue; // the greeting line
          for (const listener of changeListeners) listener(notice as ChangeNotice);
        }
      }
    } catch {
      // The host is restarting, or gone: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
void listenForChanges();

const bridge = {
  ...calls,
  onMenuCommand: () => () => {},
  onChanged(listener: (notice: ChangeNotice) => void) {
    changeListeners.add(listener);
    return () => void changeListeners.delete(listener);
  },
  onProgress(listener: (progress: Progress) => void) {
    progressListeners.add(listener);
    return () => void progressListeners.delete(listener);
  },
  nativeMenu: false,
} as unknown as NotebookBridge;
Object.defineProperty(window, 'notebook', { value: Object.freeze(bridge), writable: false });
