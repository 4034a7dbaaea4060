import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/ipc-sender';

const appWindow = { id: 1 };
const otherWindow = { id: 2 };
const isAppWindow = (sender: { id: number }) => sender === appWindow;
const event = (url: string | undefined, sender = appWindow) => ({
  sender,
  senderFrame: url === undefined ? null : { url },
});

describe('isTrustedSender', () => {
  it('trusts the app window showing an app page', () => {
    expect(isTrustedSender(event('app://notebook/index.html'), isAppWindow)).toBe(true);
    expect(isTrustedSender(event('app://notebook/'), isAppWindow)).toBe(true);
  });

  it('refuses any other window, even on an app page', () => {
    expect(isTrustedSender(event('app://notebook/index.html', otherWindow), isAppWindow)).toBe(
      false,
    );
  });

  it('refuses frames showing anything else', () => {
    for (const url of [
      'app://notebook.evil/',
      'app://notebookx/',
      'app://notebook',
      'app://evil/',
      'file:///index.html',
      'http://127.0.0.1/',
      'http://127.0.0.1:5173/index.html',
      'https://notebook/',
      '',
    ])
      expect(isTrustedSender(event(url), isAppWindow), url).toBe(false);
  });

  it('refuses a call whose frame is gone', () => {
    expect(isTrustedSender(event(undefined), isAppWindow)).toBe(false);
    expect(isTrustedSender({ sender: appWindow }, isAppWindow)).toBe(false);
  });
});
