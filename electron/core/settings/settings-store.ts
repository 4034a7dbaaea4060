// The app's settings on this machine, in one JSON file whose place the host gives (Electron:
// userData/settings.json). Written durably; a file that is damaged or from a newer app is set
// aside, never overwritten, and the defaults are used; keys this version doesn't know are kept.
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { notice, type Notice } from '../../shared/notices';
import { loadCallSchemas } from '../dispatch';
import { asStorageError } from '../errors';
import { isMissing, setAside, writeFileDurably } from '../store/durable-file';
import { fileStamp } from '../store/recovery';

/** The file's own format; a higher one is a newer app's, whose meaning this one can't know. */
export const SETTINGS_FORMAT = 1;

type Raw = Record<string, unknown>;
type Listener = (settings: AppSettings) => void;

export interface SettingsOptions {
  now?: () => Date;
  /** Where a value is dropped for being invalid (tests listen; the default logs). */
  log?: (message: string) => void;
}

export class SettingsStore {
  /** What the analyst should hear of the opening: a file set aside. */
  readonly notices: Notice[];
  readonly file: string | undefined;
  /** The file's content as read (unknown keys included), then as last written. */
  #raw: Raw;
  /** The known keys checked against the call's own schema: loaded with zod on first use. */
  #checked: Promise<AppSettings> | undefined;
  #tail: Promise<unknown> = Promise.resolve();
  readonly #listeners = new Set<Listener>();
  readonly #log: (message: string) => void;

  private constructor(
    file: string | undefined,
    raw: Raw,
    notices: Notice[],
    log: SettingsOptions['log'],
  ) {
    this.file = file;
    this.#raw = raw;
    this.notices = notices;
    this.#log = log ?? ((message) => console.warn(message));
  }

  /** Without a file: the defaults, kept in memory only (unit tests, a host that has no profile). */
  static inMemory(): SettingsStore {
    return new SettingsStore(undefined, {}, [], undefined);
  }

  static async open(file: string, options: SettingsOptions = {}): Promise<SettingsStore> {
    const now = options.now ?? (() => new Date());
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (isMissing(error)) return new SettingsStore(file, {}, [], options.log);
      // A file that can't be read is left where it is: the disk, not the file, is the trouble.
      return new SettingsStore(
        file,
        {},
        [notice('settings-reset', { problem: 'unreadable' })],
        options.log,
      );
    }
    const problem = problemOf(text);
    if (problem === undefined)
      return new SettingsStore(file, JSON.parse(text) as Raw, [], options.log);
    let keptAs: string | undefined;
    try {
      keptAs = path.basename(
        await setAside(file, `${path.basename(file)}.${problem}-${fileStamp(now())}`),
      );
    } catch {
      // Not set aside: it is still not overwritten until a setting changes, and then only once
      // the analyst has been told (the notice below).
    }
    return new SettingsStore(
      file,
      {},
      [notice('settings-reset', { problem, ...(keptAs !== undefined && { keptAs }) })],
      options.log,
    );
  }

  /** Every setting as it is now: the file's valid values over the defaults. */
  get(): Promise<AppSettings> {
    return (this.#checked ??= checked(this.#raw, this.#log));
  }

  /**
   * Changes some settings (already checked by the call's schema): on disk first, so a disk that
   * refuses leaves them as they were. Resolves to all of them as they now are.
   */
  set(change: Partial<AppSettings>): Promise<AppSettings> {
    const run = this.#tail.then(async () => {
      const next = { ...(await this.get()), ...change };
      const raw: Raw = { ...this.#raw, ...next, format: SETTINGS_FORMAT };
      if (this.file) {
        try {
          await mkdir(path.dirname(this.file), { recursive: true });
          await writeFileDurably(this.file, `${JSON.stringify(raw, null, 2)}\n`);
        } catch (error) {
          throw asStorageError(error);
        }
      }
      this.#raw = raw;
      this.#checked = Promise.resolve(next);
      for (const listener of this.#listeners) {
        try {
          listener(next);
        } catch (error) {
          this.#log(`A settings listener failed: ${(error as Error).message}`);
        }
      }
      return next;
    });
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Hear every change once it is saved (main applies the theme and the spell-checker). */
  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}

/** Why a settings file can't be used as it is, if it can't. */
function problemOf(text: string): 'damaged' | 'newer' | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'damaged';
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'damaged';
  const format = (value as Raw).format;
  if (format === undefined) return undefined;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) return 'damaged';
  return format > SETTINGS_FORMAT ? 'newer' : undefined;
}

/**
 * The known keys whose values pass the same schema setSettings checks input with; any other
 * value (edited by hand, say) gives way to its default and is logged.
 */
async function checked(raw: Raw, log: (message: string) => void): Promise<AppSettings> {
  const { inputSchemas } = await loadCallSchemas();
  const settings: AppSettings = structuredClone(DEFAULT_SETTINGS);
  for (const key of Object.keys(DEFAULT_SETTINGS) as Array<keyof AppSettings>) {
    if (!Object.hasOwn(raw, key)) continue;
    const parsed = inputSchemas.setSettings.safeParse({ [key]: raw[key] });
    if (parsed.success && parsed.data[key] !== undefined) {
      Object.assign(settings, { [key]: parsed.data[key] });
    } else {
      log(`The setting ${key} in the settings file is not valid; its default is used.`);
    }
  }
  return settings;
}
