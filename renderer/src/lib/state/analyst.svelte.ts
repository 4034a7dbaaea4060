// Who is coding: the notebook's analyst (asked once, on first run; changed in Settings) and
// everyone who ever coded in it, by id, so each record's author always finds a name. Kept
// current by the core's changed events.
import type { Startup } from '../../../../electron/shared/contract';
import { initialsOf, type Analyst } from '../../../../electron/shared/model';
import { call, onChanged } from '../api';
import { coalesced } from './latest';

export interface AnalystInput {
  name: string;
  initials: string;
  color: string;
}

/**
 * What the analyst typed, ready for setAnalyst: the name trimmed, initials from the name when
 * left empty. A string: why it can't be saved (no name), worded for the dialog.
 */
export function analystInputOf(fields: AnalystInput): AnalystInput | string {
  const name = fields.name.trim();
  if (name === '') return 'Type your name: it goes on everything you code.';
  return { name, initials: fields.initials.trim() || initialsOf(name), color: fields.color };
}

export class Analysts {
  /** Who is coding now; null until someone says (the first-run dialog asks meanwhile). */
  current = $state.raw<Analyst | null>(null);
  /** Everyone who ever coded in this notebook. */
  all = $state.raw<Analyst[]>([]);
  /** The same by id: an annotation's author shows by name. Rebuilt whole, never mutated. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  byId = $derived(new Map(this.all.map((a) => [a.id, a])));
  /** The name offered when asking (the account's user name; '' when unknown). */
  suggestedName = $state('');
  /** Whether the start-up answer came: until then nobody knows whether to ask. */
  started = $state(false);
  /** The Settings dialog is open (it edits who is coding, and more later). */
  settingsOpen = $state(false);

  /** The notebook has no analyst yet: ask before anything is coded. */
  readonly needsName = $derived(this.started && this.current === null);

  /** Takes what getStartup said; the list of everyone follows. */
  start(startup: Pick<Startup, 'analyst' | 'suggestedAnalystName'>) {
    this.current = startup.analyst ?? null;
    this.suggestedName = startup.suggestedAnalystName;
    this.started = true;
    if (startup.analyst) this.remember(startup.analyst);
    void this.refresh().catch(() => {});
  }

  refresh = coalesced(async () => {
    const [startup, everyone] = await Promise.all([
      call('getStartup', {}),
      call('listAnalysts', {}),
    ]);
    this.current = startup.analyst ?? null;
    this.all = everyone;
  });

  /** Names who is coding (first run) or changes their name, initials or colour (Settings). */
  async save(input: AnalystInput): Promise<Analyst> {
    const analyst = await call('setAnalyst', input);
    this.current = analyst;
    this.remember(analyst);
    return analyst;
  }

  /** Follows the core's changes; returns the unsubscribe. */
  connect(): () => void {
    return onChanged((notice) => {
      if (notice.analyst) void this.refresh().catch(() => {});
    });
  }

  /** Knows `analyst` as they are now, before the list comes back from the core. */
  private remember(analyst: Analyst) {
    this.all = [...this.all.filter((a) => a.id !== analyst.id), analyst];
  }
}

export const analysts = new Analysts();

/** Text that reads on an analyst's colour: dark on the palette's light colours, white on dark. */
export function inkOn(color: string): string {
  const rgb = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!rgb) return '#1b1b1b';
  const [r, g, b] = rgb.slice(1).map((hex) => parseInt(hex, 16) / 255) as [number, number, number];
  // Perceived lightness (Rec. 601 weights) is enough to choose between two inks.
  return 0.299 * r + 0.587 * g + 0.114 * b > 0.55 ? '#1b1b1b' : '#ffffff';
}
