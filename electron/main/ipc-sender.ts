// Who may call the core over IPC: the app's own window, from a frame showing the app itself.
import { isAppUrl } from './app-url';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface SenderEvent<Sender> {
  sender: Sender;
  senderFrame?: { url: string } | null;
}

export function isTrustedSender<Sender>(
  event: SenderEvent<Sender>,
  isAppWindow: (sender: Sender) => boolean,
): boolean {
  // A destroyed or navigated-away frame has no URL, and then the call is refused.
  return isAppWindow(event.sender) && isAppUrl(event.senderFrame?.url);
}
