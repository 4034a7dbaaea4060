// The worker side of the pool: receives a job's pieces and the job, runs the named task, and
// sends back what it hands over and what it returns (see protocol.ts). One job at a time: the
// pool never sends a worker a second job before the first is answered.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { serialiseError, type FromWorker, type SideMessage, type ToWorker } from './protocol';
import { join, split, transferOf } from './transport';

/** A task: plain data in, plain data out; `emit` hands something over before the end. */
export type Task = (input: never, emit: (value: unknown) => void) => unknown;

export function serveTasks(tasks: Record<string, Task>): void {
  const port = parentPort;
  const side = (workerData as { side?: MessagePort } | undefined)?.side;
  if (!port || !side) throw new Error('serveTasks runs in a core worker started by the pool.');
  const pending = new Map<number, unknown[]>();

  const send = (kind: 'event' | 'done', job: number, value: unknown) => {
    const { skeleton, pieces, transfer } = split(value);
    // The pieces first: by the time the main thread sees this message, they are all waiting.
    for (const piece of pieces) {
      side.postMessage({ job, piece } satisfies SideMessage, transferOf(piece));
    }
    port.postMessage(
      { kind, job, skeleton, pieceCount: pieces.length } satisfies FromWorker,
      transfer,
    );
  };

  port.on('message', (message: ToWorker) => {
    if (message.kind === 'piece') {
      const pieces = pending.get(message.job) ?? [];
      pieces.push(message.piece);
      pending.set(message.job, pieces);
      return;
    }
    const { job, task: name } = message;
    const pieces = pending.get(job) ?? [];
    pending.delete(job);
    void (async () => {
      try {
        const task = tasks[name];
        if (!task) throw new Error(`there is no task “${name}”`);
        if (pieces.length !== message.pieceCount) throw new Error('the input arrived incomplete');
        const input = join(message.skeleton, pieces) as never;
        send('done', job, await task(input, (value) => send('event', job, value)));
      } catch (error) {
        port.postMessage({
          kind: 'failed',
          job,
          error: serialiseError(error),
        } satisfies FromWorker);
      }
    })();
  });
}
