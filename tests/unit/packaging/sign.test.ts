// Signing and notarisation read their credentials from the environment and are off without them.
import { describe, expect, it, vi } from 'vitest';
import { notarizeCredentials, signingPlan } from '../../../scripts/sign/credentials.mjs';
import afterSign from '../../../scripts/sign/notarize.mjs';

const APPLE = {
  APPLE_ID: 'analyst@example.org',
  APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh-ijkl-mnop',
  APPLE_TEAM_ID: 'TEAM123456',
};
const macContext = {
  electronPlatformName: 'darwin',
  appOutDir: '/tmp/release/mac-arm64',
  packager: { appInfo: { productFilename: 'Research Notebook' } },
};

describe('notarizeCredentials', () => {
  it('is nothing without the Apple variables (blank counts as unset)', () => {
    expect(notarizeCredentials({})).toBeUndefined();
    expect(notarizeCredentials({ APPLE_ID: '  ', APPLE_TEAM_ID: '' })).toBeUndefined();
  });

  it('is the account when all three are set', () => {
    expect(notarizeCredentials(APPLE)).toEqual({
      appleId: 'analyst@example.org',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'TEAM123456',
    });
  });

  it('names what is missing when only some are set', () => {
    expect(() => notarizeCredentials({ APPLE_ID: 'a@example.org' })).toThrow(
      'notarisation needs APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID as well as APPLE_ID',
    );
  });
});

describe('signingPlan', () => {
  it('says what a build signs with what the environment holds', () => {
    expect(signingPlan({})).toEqual({
      windows: 'unsigned',
      mac: 'keychain identity, if any',
      notarize: 'not notarized',
    });
    expect(signingPlan({ WIN_CSC_LINK: '/certs/win.p12' }).windows).toBe('signed');
    expect(signingPlan({ CSC_LINK: '/certs/dev.p12', ...APPLE })).toEqual({
      windows: 'signed',
      mac: 'signed',
      notarize: 'notarized',
    });
  });
});

describe('the afterSign hook', () => {
  it('skips silently without credentials or off macOS, loading nothing', async () => {
    const load = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await afterSign(macContext, { env: {}, load })).toBe('skipped: no Apple credentials');
    expect(
      await afterSign({ ...macContext, electronPlatformName: 'linux' }, { env: APPLE, load }),
    ).toBe('skipped: not macOS');
    expect(load).not.toHaveBeenCalled();
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('notarises the .app with the account when set', async () => {
    const notarize = vi.fn(async () => undefined);
    const result = await afterSign(macContext, { env: APPLE, load: async () => notarize });
    expect(result).toBe('notarized');
    expect(notarize).toHaveBeenCalledWith({
      appPath: '/tmp/release/mac-arm64/Research Notebook.app',
      appleId: 'analyst@example.org',
      appleIdPassword: 'abcd-efgh-ijkl-mnop',
      teamId: 'TEAM123456',
    });
  });

  it('skips, saying so, where @electron/notarize is not installed', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const result = await afterSign(macContext, { env: APPLE, load: async () => undefined });
    expect(result).toBe('skipped: @electron/notarize missing');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
});
