// Continuous replication between the replica and the team's server (PouchDB.sync, live, with
// retry): offline-first, so edits wait in the replica while the server can't be reached and go
// when it is back. What it reports becomes the status the window shows.
import type { SyncState } from '../../shared/sync';
import type { PouchStatic, Replica } from './replica';

export interface Remote {
  url: string;
  username: string;
  password?: string;
}

export interface ReplicationEvents {
  /** The replication's own state: syncing, idle, offline or error, with a sentence for the last two. */
  state(state: Exclude<SyncState, 'off' | 'connecting'>, message?: string): void;
  /** Documents newly written on either side. */
  written(direction: 'push' | 'pull', count: number): void;
  /** Documents the server refused (its validation, or the user's rights). */
  denied(count: number): void;
}

export interface Replication {
  cancel(): Promise<void>;
}

/** The longest wait between two tries to reach the server. */
const MAX_RETRY_MS = 5000;

type Emitter = {
  on(event: string, listener: (...args: never[]) => void): unknown;
  cancel(): void;
};

export function replicate(
  PouchDB: PouchStatic,
  replica: Replica,
  remote: Remote,
  events: ReplicationEvents,
): Replication {
  const server = new PouchDB(remote.url, {
    ...(remote.username !== '' && {
      auth: { username: remote.username, password: remote.password ?? '' },
    }),
  });
  const sync = replica.sync(server, {
    live: true,
    retry: true,
    batch_size: 250,
    back_off_function: (delay: number) => (delay === 0 ? 250 : Math.min(delay * 2, MAX_RETRY_MS)),
  }) as unknown as Emitter & { push: Emitter; pull: Emitter };
  // The sync and each direction are promises too, rejected when a request fails as the server
  // goes away (a cancel under way, a killed server): the events below report it, and an
  // unhandled rejection would end a Node host.
  for (const thenable of [sync, sync.push, sync.pull]) {
    void Promise.resolve(thenable as unknown as PromiseLike<unknown>).catch(() => undefined);
  }

  // Each direction on its own: the pair reports `paused` without the error that paused it.
  const directions = { push: 'idle' as DirectionState, pull: 'idle' as DirectionState };
  let problem: string | undefined;
  let stopped = false;
  const report = () => {
    if (stopped) return;
    const states = Object.values(directions);
    if (states.includes('offline')) events.state('offline', problem);
    else if (states.includes('active')) events.state('syncing');
    else events.state('idle');
  };
  for (const direction of ['push', 'pull'] as const) {
    const one = sync[direction];
    one.on('active', () => {
      directions[direction] = 'active';
      report();
    });
    one.on('paused', (error?: unknown) => {
      directions[direction] = error ? 'offline' : 'idle';
      if (error) problem = offlineMessage(error);
      report();
    });
    // docs_written counts from the replication's start (retries included): its growth is news.
    let written = 0;
    one.on('change', (info: { docs_written?: number }) => {
      const total = info.docs_written ?? written;
      if (total > written) events.written(direction, total - written);
      written = Math.max(written, total);
    });
    one.on('denied', () => events.denied(1));
  }
  sync.on('error', (error: unknown) => {
    stopped = true;
    events.state('error', refusalMessage(error));
  });

  let done: Promise<void> | undefined;
  return {
    cancel() {
      done ??= new Promise<void>((resolve) => {
        stopped = true;
        // Given a moment to end its requests, so none writes into a replica being closed.
        const timer = setTimeout(resolve, 2000);
        sync.on('complete', () => {
          clearTimeout(timer);
          resolve();
        });
        sync.cancel();
      }).then(() => server.close().catch(() => undefined));
      return done;
    },
  };
}

type DirectionState = 'idle' | 'active' | 'offline';

const statusOf = (error: unknown) => (error as { status?: number }).status;

/** Why the server can't be reached now, in words (never the address: it could carry a name). */
function offlineMessage(error: unknown): string {
  const status = statusOf(error);
  if (status === 401 || status === 403) return refusalMessage(error);
  if (typeof status === 'number' && status >= 500) {
    return `The server answered with an error (${status}). Changes wait here and go when it works again.`;
  }
  return 'The server can’t be reached. Changes wait here and go when it is back.';
}

function refusalMessage(error: unknown): string {
  const status = statusOf(error);
  if (status === 401) {
    return 'The server refused the user name or password. Type them again to sync.';
  }
  if (status === 403) {
    return 'The server doesn’t let this user read and write the database. Ask whoever runs it.';
  }
  if (status === 404) {
    return 'The server has no such database, and this user may not create it. Check the address.';
  }
  return 'Sync stopped: the server answered in a way it can’t work with. Check the address points at a CouchDB database.';
}
