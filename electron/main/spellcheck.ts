// Electron's spell-checker, as the settings say: on or off, and in which language. On Windows
// and Linux Chromium downloads a Hunspell dictionary for each language it checks, so it stays
// off until the settings have been read, and off when they can't be. macOS uses the system's
// checker and languages (the language setting doesn't apply there).
import type { AppSettings } from '../shared/settings';

export interface SpellCheckPlan {
  enabled: boolean;
  /** The dictionaries to check with; absent: leave Electron's choice (the system's language). */
  languages?: string[];
  /** Why the chosen language is not the one checked, in words for the log. */
  problem?: string;
}

export interface SpellCheckEnvironment {
  platform: NodeJS.Platform;
  /** session.availableSpellCheckerLanguages: the dictionaries Chromium can fetch. */
  available: readonly string[];
  /** app.getPreferredSystemLanguages(), most preferred first. */
  system: readonly string[];
}

/**
 * The available dictionary for a BCP 47 tag: the same tag (ignoring case and `_`), else one of
 * the same language ("de-AT" finds "de-DE"; "en" finds "en-US" before other English ones).
 */
export function dictionaryFor(tag: string, available: readonly string[]): string | undefined {
  const norm = (t: string) => t.trim().replace(/_/g, '-').toLowerCase();
  const want = norm(tag);
  if (!want) return undefined;
  const exact = available.find((a) => norm(a) === want);
  if (exact) return exact;
  const base = want.split('-')[0]!;
  const sameLanguage = available.filter((a) => norm(a).split('-')[0] === base);
  return (
    sameLanguage.find((a) => norm(a) === base) ??
    sameLanguage.find((a) => norm(a) === `${base}-${base}`) ??
    sameLanguage.find((a) => norm(a) === 'en-us') ??
    sameLanguage[0]
  );
}

export function spellCheckPlan(
  settings: Pick<AppSettings, 'spellCheck' | 'spellCheckLanguage'>,
  env: SpellCheckEnvironment,
): SpellCheckPlan {
  if (!settings.spellCheck) return { enabled: false };
  if (env.platform === 'darwin') return { enabled: true };
  const system = env.system
    .map((tag) => dictionaryFor(tag, env.available))
    .filter((tag): tag is string => tag !== undefined);
  // Only the first: each language is another dictionary to fetch.
  const systemPlan: SpellCheckPlan = {
    enabled: true,
    ...(system.length && { languages: [system[0]!] }),
  };
  const chosen = settings.spellCheckLanguage.trim();
  if (!chosen) return systemPlan;
  const dictionary = dictionaryFor(chosen, env.available);
  if (dictionary) return { enabled: true, languages: [dictionary] };
  return {
    ...systemPlan,
    problem: `No spelling dictionary is available for “${chosen}”; spelling is checked in ${systemPlan.languages?.[0] ?? 'the system’s language'} instead.`,
  };
}

/** The part of Electron's Session the spell-checker's settings use. */
export interface SpellSession {
  setSpellCheckerEnabled(enable: boolean): void;
  setSpellCheckerLanguages(languages: string[]): void;
  readonly availableSpellCheckerLanguages: string[];
}

/** Applies the settings to the session; never throws (spelling is not worth failing over). */
export function applySpellCheck(
  session: SpellSession,
  settings: Pick<AppSettings, 'spellCheck' | 'spellCheckLanguage'>,
  env: Omit<SpellCheckEnvironment, 'available'>,
  log: (message: string) => void = console.warn,
): SpellCheckPlan {
  try {
    const plan = spellCheckPlan(settings, {
      ...env,
      available: session.availableSpellCheckerLanguages,
    });
    // The languages first: enabling with the old ones would fetch their dictionaries.
    if (plan.languages) session.setSpellCheckerLanguages(plan.languages);
    session.setSpellCheckerEnabled(plan.enabled);
    if (plan.problem) log(plan.problem);
    return plan;
  } catch (error) {
    log(`Spell-checking could not be set up: ${(error as Error).message}`);
    try {
      session.setSpellCheckerEnabled(false);
    } catch {
      // Nothing more to do: fields then simply aren't checked.
    }
    return { enabled: false };
  }
}

/** The settings, or undefined when they can't be read (then nothing is fetched). */
export async function readSettings(
  getSettings: () => Promise<AppSettings>,
  log: (message: string) => void = console.warn,
): Promise<AppSettings | undefined> {
  try {
    return await getSettings();
  } catch (error) {
    log(`The app's settings could not be read: ${(error as Error).message}`);
    return undefined;
  }
}
