// Spell-checking as the settings say: off fetches nothing; a chosen language finds its dictionary
// (or one of the same language), an unavailable one falls back to the system's and says so; the
// language doesn't apply on macOS; a session that refuses is left with checking off.
import { describe, expect, it } from 'vitest';
import {
  applySpellCheck,
  dictionaryFor,
  readSettings,
  spellCheckPlan,
  type SpellSession,
} from '../../../electron/main/spellcheck';
import { DEFAULT_SETTINGS } from '../../../electron/shared/settings';

// What Chromium offers on Windows and Linux (a part of it).
const AVAILABLE = ['de-DE', 'en-AU', 'en-GB', 'en-US', 'fr-FR', 'pt-BR', 'pt-PT', 'ru', 'tr', 'uk'];
const env = (system: string[] = ['en-GB']) => ({
  platform: 'linux' as const,
  available: AVAILABLE,
  system,
});

describe('dictionaryFor', () => {
  it('finds the same tag, ignoring case and underscores', () => {
    expect(dictionaryFor('en-gb', AVAILABLE)).toBe('en-GB');
    expect(dictionaryFor('pt_PT', AVAILABLE)).toBe('pt-PT');
    expect(dictionaryFor(' ru ', AVAILABLE)).toBe('ru');
  });

  it('else one of the same language, American English first for English', () => {
    expect(dictionaryFor('de-AT', AVAILABLE)).toBe('de-DE');
    expect(dictionaryFor('en', AVAILABLE)).toBe('en-US');
    expect(dictionaryFor('en-IE', AVAILABLE)).toBe('en-US');
    expect(dictionaryFor('tr-TR', AVAILABLE)).toBe('tr');
  });

  it('finds nothing for a language without a dictionary, or for nothing', () => {
    expect(dictionaryFor('az', AVAILABLE)).toBeUndefined();
    expect(dictionaryFor('az-Latn-AZ', AVAILABLE)).toBeUndefined();
    expect(dictionaryFor('', AVAILABLE)).toBeUndefined();
    expect(dictionaryFor('?/]', AVAILABLE)).toBeUndefined();
  });
});

describe('spellCheckPlan', () => {
  it('is off when spelling is off, whatever the language', () => {
    expect(spellCheckPlan({ spellCheck: false, spellCheckLanguage: 'en-GB' }, env())).toEqual({
      enabled: false,
    });
  });

  it('checks in the chosen language', () => {
    expect(spellCheckPlan({ spellCheck: true, spellCheckLanguage: 'fr-FR' }, env())).toEqual({
      enabled: true,
      languages: ['fr-FR'],
    });
  });

  it('follows the system with no language chosen: its first language with a dictionary', () => {
    expect(
      spellCheckPlan(
        { spellCheck: true, spellCheckLanguage: '' },
        env(['az-AZ', 'ru-RU', 'en-US']),
      ),
    ).toEqual({ enabled: true, languages: ['ru'] });
    // No dictionary for any of them: Electron's own choice stays.
    expect(spellCheckPlan({ spellCheck: true, spellCheckLanguage: '' }, env(['az-AZ']))).toEqual({
      enabled: true,
    });
  });

  it('falls back to the system’s language for one without a dictionary, and says so', () => {
    const plan = spellCheckPlan({ spellCheck: true, spellCheckLanguage: 'az' }, env(['en-GB']));
    expect(plan).toMatchObject({ enabled: true, languages: ['en-GB'] });
    expect(plan.problem).toBe(
      'No spelling dictionary is available for “az”; spelling is checked in en-GB instead.',
    );
  });

  it('leaves the language to the system on macOS', () => {
    const mac = { ...env(), platform: 'darwin' as const };
    expect(spellCheckPlan({ spellCheck: true, spellCheckLanguage: 'az' }, mac)).toEqual({
      enabled: true,
    });
  });
});

function fakeSession(fail?: 'languages') {
  const calls: string[] = [];
  const session: SpellSession = {
    availableSpellCheckerLanguages: AVAILABLE,
    setSpellCheckerEnabled: (on) => void calls.push(`enabled ${on}`),
    setSpellCheckerLanguages: (languages) => {
      if (fail === 'languages') throw new Error('Invalid language code provided');
      calls.push(`languages ${languages.join(',')}`);
    },
  };
  return { session, calls };
}

describe('applySpellCheck', () => {
  it('sets the languages before turning checking on, so no other dictionary is fetched', () => {
    const { session, calls } = fakeSession();
    const logged: string[] = [];
    applySpellCheck(
      session,
      { spellCheck: true, spellCheckLanguage: 'en-AU' },
      { platform: 'linux', system: [] },
      (m) => logged.push(m),
    );
    expect(calls).toEqual(['languages en-AU', 'enabled true']);
    expect(logged).toEqual([]);
  });

  it('turns checking off without touching the languages', () => {
    const { session, calls } = fakeSession();
    applySpellCheck(
      session,
      { ...DEFAULT_SETTINGS, spellCheck: false },
      { platform: 'win32', system: ['de-DE'] },
    );
    expect(calls).toEqual(['enabled false']);
  });

  it('leaves checking off, and logs why, when the session refuses', () => {
    const { session, calls } = fakeSession('languages');
    const logged: string[] = [];
    const plan = applySpellCheck(
      session,
      { spellCheck: true, spellCheckLanguage: 'ru' },
      { platform: 'linux', system: [] },
      (m) => logged.push(m),
    );
    expect(plan).toEqual({ enabled: false });
    expect(calls).toEqual(['enabled false']);
    expect(logged[0]).toMatch(/^Spell-checking could not be set up: Invalid language code/);
  });
});

describe('readSettings', () => {
  it('answers the settings, or undefined (and a line in the log) when they can’t be read', async () => {
    expect(await readSettings(async () => DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
    const logged: string[] = [];
    const none = await readSettings(
      () => Promise.reject(new Error('settings.json is damaged')),
      (m) => logged.push(m),
    );
    expect(none).toBeUndefined();
    expect(logged).toEqual(["The app's settings could not be read: settings.json is damaged"]);
  });
});
