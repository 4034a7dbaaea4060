// electron-builder's afterSign hook: notarises the signed macOS app with Apple when the Apple
// variables are set (scripts/sign/credentials.mjs), and does nothing, silently, otherwise or on
// other platforms. @electron/notarize comes with electron-builder; without it the hook skips.
import { join } from 'node:path';
import { notarizeCredentials } from './credentials.mjs';

/** Loads @electron/notarize, or undefined where it isn't installed. */
async function loadNotarize() {
  try {
    return (await import('@electron/notarize')).notarize;
  } catch {
    return undefined;
  }
}

export default async function afterSign(context, { env = process.env, load = loadNotarize } = {}) {
  if (context.electronPlatformName !== 'darwin') return 'skipped: not macOS';
  const credentials = notarizeCredentials(env);
  if (!credentials) return 'skipped: no Apple credentials';
  const notarize = await load();
  if (!notarize) {
    console.warn('notarize: @electron/notarize is not installed; the app is not notarised');
    return 'skipped: @electron/notarize missing';
  }
  const appPath = join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`);
  await notarize({ appPath, ...credentials });
  return 'notarized';
}
