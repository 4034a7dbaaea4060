import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, isAppUrl } from '../../../electron/main/app-url';

describe('isAppUrl', () => {
  it('accepts pages of the app itself', () => {
    expect(APP_ORIGIN).toBe('app://notebook');
    for (const url of ['app://notebook/', 'app://notebook/index.html', 'app://notebook/a/b?x#y'])
      expect(isAppUrl(url), url).toBe(true);
  });

  it('refuses lookalikes, other schemes and nothing at all', () => {
    for (const url of [
      'app://notebook',
      'app://notebook.evil/',
      'app://notebookx/',
      'app://notebook:8080/',
      'app://notebook@evil/',
      'app://evil/notebook/',
      'APP://notebook/',
      'app://NOTEBOOK/',
      'app:notebook/',
      'file:///app/notebook/index.html',
      'http://127.0.0.1/',
      'https://notebook/',
      ' app://notebook/',
      '',
    ])
      expect(isAppUrl(url), url).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
