// The store's zod checks load on first need, not at start-up: opening a notebook this version
// wrote (sealed, see format-seal.ts) checks checksums instead, and loading zod alone would take a
// cold start longer than reading the whole notebook. Async paths that may need a check await
// loadValidators(); the sync functions they call then take validators().
type Validators = typeof import('./validators');

let loaded: Validators | undefined;
let loading: Promise<Validators> | undefined;

export function loadValidators(): Promise<Validators> {
  loading ??= import('./validators').then((module) => (loaded = module));
  return loading;
}

/** The checks, once loadValidators() has resolved; a caller that didn't await it is a bug. */
export function validators(): Validators {
  if (!loaded) throw new Error('The store’s checks were used before loadValidators() resolved.');
  return loaded;
}

export const validatorsLoaded = () => loaded !== undefined;
