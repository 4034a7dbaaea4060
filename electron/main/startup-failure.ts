// What the analyst is told when the notebook can't be opened at start, in words: a folder another
// instance holds (here or on another machine), a notebook from a newer app, anything else. Both
// hosts word it here: Electron shows it in a native dialog, the browser host prints and serves it.
import type { OpenFailure } from '../shared/contract';

export interface FailureWords {
  /** The dialog's title, the page's heading. */
  title: string;
  /** The one sentence that says what happened. */
  message: string;
  /** What to do about it, and where the notebook is. May hold blank lines between paragraphs. */
  detail: string;
  /** The message and what to do, on one line (stdout, stderr, the log). */
  line: string;
  /** In order; the first is the default and what Esc chooses. */
  buttons: FailureButton[];
}

export type FailureButton =
  { label: string; action: 'quit' } | { label: string; action: 'take-over'; token: string };

export interface WordingContext {
  dataDir: string;
  /** Where the details were written, when not just to the console. */
  logFile?: string;
  /**
   * How taking over another machine's lock is offered: as a button (Electron), as a flag to
   * start again with (the browser host), or not at all. Never done without the analyst asking.
   */
  takeOver?: 'button' | { flag: string };
  /** Formats the lock's time for the analyst (default: local time, to the minute). */
  formatTime?: (date: Date) => string;
}

const QUIT: FailureButton = { label: 'Quit', action: 'quit' };

export function wordStartupFailure(failure: OpenFailure, context: WordingContext): FailureWords {
  const folder = `Notebook folder: ${context.dataDir}`;
  if (failure.kind === 'locked' && failure.sameHost) {
    const message = `This notebook is already open in another window of Research Notebook (process ${failure.pid}).`;
    const advice = 'Switch to that window, or close it and start Research Notebook again.';
    return words('Research Notebook is already open', message, [advice, NOTHING, folder]);
  }
  if (failure.kind === 'locked') {
    const time = Date.parse(failure.since);
    const since = Number.isNaN(time)
      ? failure.since
      : (context.formatTime ?? localTime)(new Date(time));
    const message = `This notebook is open on ${failure.host} since ${since}; close it there, or wait for your sync tool.`;
    const advice = `Research Notebook on ${failure.host} holds this notebook folder, so nothing was changed here. Close the notebook there; if it is closed already, wait until your sync tool has brought that over, then start Research Notebook again.`;
    const anyway = `Only if Research Notebook is no longer running on ${failure.host} (that computer is lost, or crashed)`;
    const after = `Anything still saved there afterwards comes back as a conflicted copy, which you can then bring in.`;
    const offer = context.takeOver;
    if (offer === 'button') {
      return words(
        'Notebook open on another computer',
        message,
        [advice, `${anyway}, choose “Open here anyway”. ${after}`, folder],
        [QUIT, { label: 'Open here anyway', action: 'take-over', token: failure.token }],
      );
    }
    const paragraphs = [advice];
    if (offer)
      paragraphs.push(`${anyway}, start again with ${offer.flag} ${failure.token}. ${after}`);
    return words('Notebook open on another computer', message, [...paragraphs, folder]);
  }
  if (failure.kind === 'newer-version') {
    const message =
      'This notebook was saved by a newer version of Research Notebook; update the app to open it.';
    return words('Update Research Notebook', message, [NOTHING, folder]);
  }
  const message = `Research Notebook could not start with the notebook in ${context.dataDir}.`;
  const log = `Details are in the log${context.logFile ? ` (${context.logFile})` : ''}.`;
  return words('Research Notebook could not start', message, [failure.message, log]);
}

const NOTHING = 'Nothing was changed.';

function words(
  title: string,
  message: string,
  paragraphs: string[],
  buttons: FailureButton[] = [QUIT],
): FailureWords {
  const detail = paragraphs.join('\n\n');
  const line = [message, ...paragraphs].join(' ').replace(/\s+/g, ' ');
  return { title, message, detail, line, buttons };
}

/** The button the analyst chose (by the index a dialog answers with); Quit when unsure. */
export function chosenButton(words: FailureWords, response: number): FailureButton {
  return words.buttons[response] ?? QUIT;
}

/** A log entry for a start-up failure: when, where, and everything the error holds. */
export function startupLogEntry(error: unknown, dataDir: string, now: Date = new Date()): string {
  const what =
    error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  const cause =
    error instanceof Error && error.cause !== undefined
      ? `\nCaused by: ${describe(error.cause)}`
      : '';
  return `${now.toISOString()} Research Notebook could not start (notebook folder ${dataDir}):\n${what}${cause}\n`;
}

const describe = (value: unknown) =>
  value instanceof Error ? (value.stack ?? value.message) : String(value);

/** Local time, to the minute: 2026-01-02 10:10. */
function localTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}
