// Errors the core refuses with: each carries a code and a sentence fit to show the analyst. Disk
// failures are turned into such sentences here, in one place, so every call says why it failed.
import type { CallError } from '../shared/contract';
import type { Notice, StorageProblem } from '../shared/notices';

export class NotebookError extends Error {
  constructor(
    readonly code: Exclude<CallError['code'], 'internal' | 'invalid-input'>,
    message: string,
    options?: { cause?: unknown; notice?: Notice; duplicateOf?: CallError['duplicateOf'] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NotebookError';
    this.notice = options?.notice;
    this.duplicateOf = options?.duplicateOf;
  }

  /** The same news as a structured notice, for a host that shows it instead of the message. */
  readonly notice: Notice | undefined;
  /** See CallError. */
  readonly duplicateOf: CallError['duplicateOf'];
}

/**
 * The text (body) of an article revision is missing or damaged on disk. Only that article is
 * affected: a whole-notebook export leaves it out and says so, and importing the original file
 * again repairs it.
 */
export class UnreadableTextError extends NotebookError {
  constructor(problem: 'missing' | 'damaged', file: string) {
    super(
      problem === 'missing' ? 'not-found' : 'bad-file',
      problem === 'missing'
        ? 'The text of this article revision is missing from the notebook folder. Import the original file again to repair it; the rest of the notebook is unaffected.'
        : `The text of this article revision is damaged on disk (${file} in the bodies folder). Import the original file again to repair it; the rest of the notebook is unaffected.`,
    );
    this.name = 'UnreadableTextError';
  }
}

export const notFound = (what: string) =>
  new NotebookError('not-found', `${what} no longer exists.`);
export const conflict = (message: string) => new NotebookError('conflict', message);
export const badFile = (message: string) => new NotebookError('bad-file', message);

/**
 * The notebook (a file, a value in it, or a journal line) was written by a newer version of the
 * app. Opening it anyway would drop what this version doesn't know at the next save, so nothing
 * is opened and nothing is changed.
 */
export const newerVersion = (format?: number) =>
  new NotebookError(
    'conflict',
    format === undefined
      ? 'This notebook was saved by a newer version of Research Notebook; update the app to open it.'
      : `This notebook was saved by a newer version of Research Notebook (format ${format}); update the app to open it.`,
    { notice: { code: 'newer-version', params: format === undefined ? {} : { format } } },
  );

export const errorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;

const PROBLEMS: Readonly<Record<string, StorageProblem>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'permission',
  EPERM: 'permission',
  EIO: 'disk-error',
};

/** What the disk said, when an error is one of the failures the analyst can do something about. */
export function storageProblem(error: unknown): StorageProblem | undefined {
  const code = errorCode(error);
  return code !== undefined && Object.hasOwn(PROBLEMS, code) ? PROBLEMS[code] : undefined;
}

const NOT_SAVED: Record<StorageProblem, string> = {
  'disk-full': 'The disk is full: your change was not saved. Free some space and try again.',
  'read-only':
    'The notebook folder is on a disk that can only be read: your change was not saved. Make the disk writable (or move the notebook to one that is) and try again.',
  permission:
    'Research Notebook is not allowed to write in the notebook folder: your change was not saved. Check the folder’s permissions and try again.',
  'disk-error':
    'The disk reported an error: your change was not saved. Check the disk and try again.',
};

const NOT_READ: Record<StorageProblem, string> = {
  'disk-full': NOT_SAVED['disk-full'],
  'read-only': NOT_SAVED['read-only'],
  permission:
    'Research Notebook is not allowed to read a file in the notebook folder. Check the folder’s permissions and try again.',
  'disk-error':
    'The disk reported an error while reading the notebook. Check the disk and try again.',
};

/**
 * A disk failure as the sentence the analyst needs (the original kept as `cause`, for the log);
 * anything else comes back unchanged. `reading`: the failure was on a read, not a save.
 */
export function asStorageError(error: unknown, reading = false): unknown {
  if (error instanceof NotebookError) return error;
  const problem = storageProblem(error);
  if (!problem) return error;
  return new NotebookError('storage', (reading ? NOT_READ : NOT_SAVED)[problem], { cause: error });
}
