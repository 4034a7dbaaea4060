// What went wrong when a notebook folder could not be opened, as a value a host can put in words
// (electron/main/startup-failure.ts): locked by another instance, from a newer app, or else.
import type { OpenFailure } from '../shared/contract';
import { NotebookError } from './errors';
import { NotebookLockedError } from './store/lock';
import { newerFormat } from './store/migrations';

// The store raises a newer format as a NotebookError with code 'conflict' (store/migrations.ts).
// It is known by the notice it carries where it carries one, else by that same factory's
// wording, so a rewording there carries over.
const NEWER = (() => {
  const marker = 987654321;
  const [before = '', after = ''] = newerFormat(marker).message.split(String(marker));
  return { before, after };
})();

function isNewerFormat(error: NotebookError): boolean {
  const notice = (error as { notice?: { code?: unknown } }).notice;
  if (notice?.code === 'newer-version') return true;
  return (
    error.code === 'conflict' &&
    error.message.startsWith(NEWER.before) &&
    error.message.endsWith(NEWER.after)
  );
}

export function openFailureOf(error: unknown): OpenFailure {
  if (error instanceof NotebookLockedError) {
    const { host, pid, owner, since, token } = error.holder;
    return { kind: 'locked', host, pid, owner, since, token, sameHost: error.sameHost };
  }
  if (error instanceof NotebookError && isNewerFormat(error)) {
    return { kind: 'newer-version', message: error.message };
  }
  return { kind: 'other', message: error instanceof Error ? error.message : String(error) };
}
