// The messages between the main thread and a core worker, and how an error crosses: a
// NotebookError keeps its code and sentence, anything else its message (for the log).
import { NotebookError } from '../errors';

/** Main -> worker, on the worker's own channel: a job's pieces, then the job itself. */
export type ToWorker =
  | { kind: 'piece'; job: number; piece: unknown }
  | { kind: 'run'; job: number; task: string; skeleton: unknown; pieceCount: number };

/**
 * Worker -> main. An event (something a task hands over before it is done) and the result travel
 * as a skeleton here and `pieceCount` pieces on the side port, which the main thread takes one at
 * a time so that receiving a big value never holds it up.
 */
export type FromWorker =
  | { kind: 'event' | 'done'; job: number; skeleton: unknown; pieceCount: number }
  | { kind: 'failed'; job: number; error: SerialError };

export interface SideMessage {
  job: number;
  piece: unknown;
}

export interface SerialError {
  name: string;
  message: string;
  code?: NotebookError['code'];
  stack?: string;
}

export function serialiseError(error: unknown): SerialError {
  if (error instanceof NotebookError) {
    return { name: error.name, code: error.code, message: error.message };
  }
  if (error instanceof Error) {
    return { name: error.name, message: error.message, ...(error.stack && { stack: error.stack }) };
  }
  return { name: 'Error', message: String(error) };
}

/** A failure inside a task, as the caller would have seen it had the task run on its thread. */
export function reviveError(error: SerialError, task: string): Error {
  if (error.code) return new NotebookError(error.code, error.message);
  const revived = new Error(`${task} failed in a core worker: ${error.message}`);
  if (error.stack) revived.stack = `${revived.message}\n--- in the worker ---\n${error.stack}`;
  return revived;
}

/** The worker running a task stopped (crashed, ran out of memory, or the pool was closed). */
export class WorkerStoppedError extends Error {
  constructor(
    readonly task: string,
    reason: string,
  ) {
    super(`The ${task} work stopped unexpectedly (${reason}); nothing was saved.`);
    this.name = 'WorkerStoppedError';
  }
}
