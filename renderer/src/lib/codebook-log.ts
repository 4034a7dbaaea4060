// The codebook's change log as the Codebook tab lists it: "<when> · <who> · <what>", newest
// first. What happened is worded by electron/shared/codebook-log.ts, so the tab and the codebook
// exports say the same thing the same way; this adds who and when.
import { describeCodebookEvent } from '../../../electron/shared/codebook-log';
import type { CodebookEvent } from '../../../electron/shared/model';
import { when } from './notices';

/** What happened, in a sentence: "Moved “Commerce” under “Economy”." */
export function codebookEventText(event: CodebookEvent): string {
  // A log written by a newer version may hold an operation this one has no words for.
  return (describeCodebookEvent(event) as string | undefined) ?? `Changed “${event.path}”.`;
}

/** Who did it: the analyst's name, or "—" when the log does not say (or they are unknown). */
export const codebookEventAuthor = (event: CodebookEvent, names: ReadonlyMap<string, string>) =>
  (event.by !== undefined && names.get(event.by)) || '—';

/** One line of the log: "10:42 · Leyla Əliyeva · Created “Trade”." */
export function codebookLogLine(
  event: CodebookEvent,
  names: ReadonlyMap<string, string>,
  now = new Date(),
): string {
  return `${when(event.at, now)} · ${codebookEventAuthor(event, names)} · ${codebookEventText(event)}`;
}

/**
 * Newest first. The core keeps the log oldest first; events of one millisecond (a path typed in
 * the tag field creates its tags together) keep their order, reversed.
 */
export const newestFirst = (events: readonly CodebookEvent[]) =>
  [...events].reverse().sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
