// Types of credentials.mjs, for the tests that import it.
type Env = Record<string, string | undefined>;
export declare const APPLE_VARIABLES: string[];
export declare function notarizeCredentials(
  env?: Env,
): { appleId: string; appleIdPassword: string; teamId: string } | undefined;
export declare function signingPlan(env?: Env): {
  windows: 'signed' | 'unsigned';
  mac: 'signed' | 'keychain identity, if any';
  notarize: 'notarized' | 'not notarized';
};
