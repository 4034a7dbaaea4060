// A child process for the lock tests: says "ready", and on a "go" line takes a notebook folder's
// lock (mode "lock") or opens the notebook (mode "notebook"; at once without --wait), says what
// happened, then holds on until its stdin closes (and releases) or it is killed.
import { createInterface } from 'node:readline';
import { acquireLock } from '../../../electron/core/store/lock';
import { openNotebook } from '../../../electron/core/notebook';

const [mode, dir, wait] = process.argv.slice(2);
let close: () => Promise<unknown> = async () => undefined;

async function attempt() {
  try {
    if (mode === 'lock') {
      const lock = await acquireLock(dir!, { owner: 'lock-child' });
      close = () => lock.release();
    } else {
      const notebook = await openNotebook({ dataDir: dir!, owner: 'lock-child' });
      close = () => notebook.store.close();
    }
    process.stdout.write(`won ${process.pid}\n`);
  } catch (error) {
    process.stdout.write(`refused ${(error as Error).message}\n`);
  }
}

const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => void (line === 'go' && attempt()));
lines.on('close', () => void close().finally(() => process.exit(0)));
if (wait === '--wait') process.stdout.write('ready\n');
else void attempt();
