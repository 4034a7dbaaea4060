// A real notebook in a temp folder, reached through the dispatcher (so every input passes its
// call's schema), with a clock and ids a test can follow, and a reopen on the same folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import type { CallName, CallResult } from '../../../electron/shared/contract';

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');

export interface DispatchedNotebook {
  readonly dir: string;
  readonly notebook: Notebook;
  readonly dispatch: Dispatch;
  /** The call's value; a refusal fails the test with its message. */
  call<K extends CallName>(name: K, input: unknown): Promise<CallResult<K>>;
  /** The refusal's message; a success fails the test. */
  refusal(name: CallName, input: unknown): Promise<string>;
  /** Close and open the same folder again, as a restart would. */
  reopen(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a fresh folder holding the bundled sample; each tick of its clock is one second. */
export async function dispatchedNotebook(prefix: string): Promise<DispatchedNotebook> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  let ids = 0;
  let clock = Date.parse('2026-12-01T09:00:00Z');
  const open = () =>
    openNotebook({
      dataDir: dir,
      samplePath: SAMPLE,
      now: () => new Date((clock += 1000)),
      newId: () => `id-${++ids}`,
    });
  let notebook = await open();
  let dispatch = createDispatcher(notebook.handlers, () => undefined);
  return {
    dir,
    get notebook() {
      return notebook;
    },
    get dispatch() {
      return dispatch;
    },
    async call(name, input) {
      const answer = await dispatch(name, input);
      if (!answer.ok) throw new Error(`${name} refused: ${answer.error.message}`);
      return answer.value as never;
    },
    async refusal(name, input) {
      const answer = await dispatch(name, input);
      if (answer.ok) throw new Error(`${name} was accepted`);
      return answer.error.message;
    },
    async reopen() {
      await notebook.store.close();
      notebook = await open();
      dispatch = createDispatcher(notebook.handlers, () => undefined);
    },
    async close() {
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
