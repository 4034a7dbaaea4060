// A CouchDB-protocol server for the sync tests: pouchdb-server (a devDependency) run as its own
// process on 127.0.0.1, on a free port, answering before start() resolves. In memory, or with a
// data folder so it can be killed and started again on the same port with its data.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const BIN = join(require.resolve('pouchdb-server/package.json'), '..', 'bin', 'pouchdb-server');

export interface CouchServer {
  readonly port: number;
  /** http://127.0.0.1:<port> */
  readonly origin: string;
  /** The address of database `name` on it. */
  db(name: string): string;
  /** Starts it again after a kill or stop (on the same port, with its data when it has a folder). */
  start(): Promise<void>;
  /** Ends it at once (SIGKILL), as a crash or a pulled cable would. */
  kill(): Promise<void>;
  /** Ends it and removes its folders. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a server; `persistent` keeps its databases in a folder (for kill-and-restart tests). */
export async function startCouchServer(
  options: { persistent?: boolean } = {},
): Promise<CouchServer> {
  const work = await mkdtemp(join(tmpdir(), 'couch-server-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) return;
    const args = [
      BIN,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--config',
      join(work, 'config.json'),
      '--no-stdout-logs',
      ...(options.persistent ? ['--dir', join(work, 'data')] : ['--in-memory']),
    ];
    if (options.persistent) await mkdir(join(work, 'data'), { recursive: true });
    const started = spawn(process.execPath, args, {
      cwd: work,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child = started;
    let stderr = '';
    started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<never>((_, reject) =>
      started.once('exit', (code) =>
        reject(new Error(`pouchdb-server ended (${code}) before answering: ${stderr}`)),
      ),
    );
    exited.catch(() => undefined);
    started.once('exit', () => {
      if (child === started) child = undefined;
    });
    await Promise.race([answering(origin), exited]);
  };

  const kill = async () => {
    const running = child;
    if (!running) return;
    child = undefined;
    const gone = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGKILL');
    await gone;
  };

  await start();
  return {
    port,
    origin,
    db: (name) => `${origin}/${name}`,
    start,
    kill,
    async dispose() {
      await kill();
      await rm(work, { recursive: true, force: true });
    },
  };
}

/** Resolves once the server answers its welcome; gives up after 30 s. */
async function answering(origin: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${origin}/`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) throw new Error(`pouchdb-server did not answer at ${origin}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
