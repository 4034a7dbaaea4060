// The one path from an untrusted call to a handler: known name -> schema parse -> handler ->
// envelope. Electron's ipc.ts and the browser host both use it, so validation can't differ.
import type { z } from 'zod';
import {
  CALL_NAMES,
  type CallError,
  type CallName,
  type Envelope,
  type Handlers,
} from '../shared/contract';
import { NotebookError } from './errors';

export type Dispatch = (name: string, rawInput: unknown) => Promise<Envelope<unknown>>;

const CALLS: ReadonlySet<string> = new Set(CALL_NAMES);
const isCallName = (name: string): name is CallName => CALLS.has(name);

// The schemas bring zod, which start-up doesn't wait for: loaded on the first call (and warmed
// by openNotebook once the notebook is open, so that call rarely waits).
let schemas: Promise<typeof import('./schemas')> | undefined;
export const loadCallSchemas = () => (schemas ??= import('./schemas'));

export function createDispatcher(
  handlers: Handlers,
  log: (message: string, error: unknown) => void = console.error,
): Dispatch {
  return async (name, rawInput) => {
    if (!isCallName(name)) return failure('invalid-input', `Unknown call “${name.slice(0, 60)}”.`);
    const { inputSchemas } = await loadCallSchemas();
    const parsed = inputSchemas[name].safeParse(rawInput);
    if (!parsed.success) return failure('invalid-input', describeIssues(parsed.error));
    try {
      // Each handler's input type matches its own schema; TypeScript can't follow that through
      // the union of names, hence the cast.
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof NotebookError) {
        return failure(error.code, error.message, error.duplicateOf);
      }
      log(`notebook call ${name} failed`, error);
      return failure(
        'internal',
        'Something went wrong; your notebook was not changed. Details are in the log.',
      );
    }
  };
}

function failure(
  code: CallError['code'],
  message: string,
  duplicateOf?: CallError['duplicateOf'],
): Envelope<never> {
  return { ok: false, error: { code, message, ...(duplicateOf && { duplicateOf }) } };
}

function describeIssues(error: z.ZodError): string {
  const first = error.issues[0];
  // A refinement's message is ours, a sentence that says what is wrong already: the field's
  // name after it ("… a path (name).") only looked like code leaking out.
  const where = first?.path.length && first.code !== 'custom' ? ` (${first.path.join('.')})` : '';
  return `The request was refused: ${first?.message ?? 'invalid input'}${where}.`;
}
