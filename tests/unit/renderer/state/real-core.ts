// The renderer's state classes against the real core: a temp notebook folder, the real
// dispatcher, and a window.notebook that clones every value across the boundary (as IPC and the
// browser host do), with a hook to hold back chosen answers (to test requests that cross).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher } from '../../../../electron/core/dispatch';
import { openNotebook, type Notebook } from '../../../../electron/core/notebook';
import { CALL_NAMES, type NotebookBridge } from '../../../../electron/shared/contract';
import { decodeWire, encodeWire } from '../../../hosts/browser/wire';

export interface RealCore {
  notebook: Notebook;
  dir: string;
  /** Until the promise it returns resolves, answers to `name` wait (requests are sent at once). */
  holdAnswers(name: string, until: Promise<void>): void;
  /** Every call made, in order. */
  calls: string[];
  close(): Promise<void>;
}

const SAMPLE = join(process.cwd(), 'resources', 'azpromo-russia-azerbaijan.txt');

/**
 * `prepare` gets the empty folder first, to put files in it as an earlier run (or a sync tool,
 * or a damaged disk) would have left them.
 */
export async function startRealCore(
  options: { sample?: boolean; prepare?: (dir: string) => Promise<void> } = {},
): Promise<RealCore> {
  const dir = await mkdtemp(join(tmpdir(), 'notebook-renderer-'));
  await options.prepare?.(dir);
  const notebook = await openNotebook({
    dataDir: dir,
    ...(options.sample !== false && { samplePath: SAMPLE }),
  });
  const dispatch = createDispatcher(notebook.handlers);
  const holds = new Map<string, Promise<void>>();
  const calls: string[] = [];
  const methods = Object.fromEntries(
    CALL_NAMES.map((name) => [
      name,
      async (input: unknown) => {
        calls.push(name);
        const answer = dispatch(name, decodeWire(encodeWire(input ?? {})));
        const hold = holds.get(name);
        if (hold) {
          holds.delete(name);
          await hold;
        }
        return JSON.parse(JSON.stringify(await answer));
      },
    ]),
  );
  const bridge = {
    ...methods,
    onMenuCommand: () => () => {},
    onChanged: (listener: Parameters<NotebookBridge['onChanged']>[0]) =>
      notebook.onChanged((notice) => listener(JSON.parse(JSON.stringify(notice)))),
    nativeMenu: false,
  } as unknown as NotebookBridge;
  Object.defineProperty(window, 'notebook', { value: bridge, configurable: true });
  return {
    notebook,
    dir,
    calls,
    holdAnswers: (name, until) => void holds.set(name, until),
    async close() {
      await notebook.store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Resolves once `check` passes (state that follows a changed event settles a moment later). */
export async function eventually(check: () => void, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** A promise and the function that resolves it. */
export function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}
