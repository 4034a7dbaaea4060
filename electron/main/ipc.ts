// The one place that calls ipcMain.handle: every contract call checks its sender, then goes
// through the shared dispatcher (schema parse -> core handler -> envelope).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CALL_NAMES, channelFor } from '../shared/contract';
import type { Dispatch } from '../core/dispatch';
import { isTrustedSender } from './ipc-sender';

export function setupIpc(dispatch: Dispatch, isAppWindow: (sender: WebContents) => boolean) {
  for (const name of CALL_NAMES) {
    ipcMain.handle(channelFor(name), (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedSender(event, isAppWindow)) {
        return { ok: false, error: { code: 'invalid-input', message: 'Refused: unknown sender.' } };
      }
      return dispatch(name, input);
    });
  }
}
