// Which signing and notarisation credentials the environment holds. electron-builder reads the
// certificates itself (CSC_LINK / CSC_KEY_PASSWORD for macOS, WIN_CSC_LINK / WIN_CSC_KEY_PASSWORD
// for Windows, falling back to CSC_LINK); this says what a build will do with them, and gives the
// notarisation hook its Apple account, or nothing, so a build without them is unsigned and quiet.

export const APPLE_VARIABLES = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];

const present = (env, name) => typeof env[name] === 'string' && env[name].trim() !== '';

/**
 * The Apple account for notarisation: all three variables, or undefined when none is set. Some
 * but not all set is a mistake in a release set-up, and is said rather than skipped.
 */
export function notarizeCredentials(env = process.env) {
  const set = APPLE_VARIABLES.filter((name) => present(env, name));
  if (set.length === 0) return undefined;
  if (set.length < APPLE_VARIABLES.length) {
    const missing = APPLE_VARIABLES.filter((name) => !set.includes(name));
    throw new Error(`notarisation needs ${missing.join(' and ')} as well as ${set.join(' and ')}`);
  }
  return {
    appleId: env.APPLE_ID.trim(),
    appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD.trim(),
    teamId: env.APPLE_TEAM_ID.trim(),
  };
}

/** What a build on this environment signs: one line per platform, for the log. */
export function signingPlan(env = process.env) {
  return {
    windows: present(env, 'WIN_CSC_LINK') || present(env, 'CSC_LINK') ? 'signed' : 'unsigned',
    mac: present(env, 'CSC_LINK') ? 'signed' : 'keychain identity, if any',
    notarize: notarizeCredentials(env) ? 'notarized' : 'not notarized',
  };
}
