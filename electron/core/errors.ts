// Errors the core refuses with: each carries a code and a sentence fit to show the analyst.
import type { CallError } from '../shared/contract';

export class NotebookError extends Error {
  constructor(
    readonly code: Exclude<CallError['code'], 'internal' | 'invalid-input'>,
    message: string,
  ) {
    super(message);
    this.name = 'NotebookError';
  }
}

export const notFound = (what: string) =>
  new NotebookError('not-found', `${what} no longer exists.`);
export const conflict = (message: string) => new NotebookError('conflict', message);
export const badFile = (message: string) => new NotebookError('bad-file', message);
