// The one path from an untrusted call to a handler: known name -> schema parse -> handler ->
// envelope. Electron's ipc.ts and the browser host both use it, so validation can't differ.
import { z } from 'zod';
import type { CallError, CallName, Envelope, Handlers } from '../shared/contract';
import { NotebookError } from './errors';
import { inputSchemas } from './schemas';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Envelope<unknown>>;

const isCallName = (name: string): name is CallName => Object.hasOwn(inputSchemas, name);

export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) return failure('invalid-input', `Unknown call “${name.slice(0, 60)}”.`);
    const parsed = inputSchemas[name].safeParse(rawInput);
    if (!parsed.success) return failure('invalid-input', describeIssues(parsed.error));
    try {
      // Each handler's input type matches its own schema; TypeScript can't follow that through
      // the union of names, hence the cast.
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof NotebookError) return failure(error.code, error.message);
      log(`notebook call ${name} failed`, error);
      return failure(
        'internal',
        'Something went wrong; your notebook was not changed. Details are in the log.',
      );
    }
  };
}

function failure(code: CallError['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  const where = first?.path.length ? ` (${first.path.join('.')})` : '';
  return `The request was refused: ${first?.message ?? 'invalid input'}${where}.`;
}
