// The folder lock on real files: one holder at a time, refusals that write nothing, stale locks
// taken over (also after a SIGKILL, and by exactly one of many racing processes), another
// machine's lock never taken unless asked for by its token, and release only of our own.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook } from '../../../../electron/core/notebook';
import {
  acquireLock,
  LOCK_NAME,
  NotebookLockedError,
  type LockHolder,
} from '../../../../electron/core/store/lock';
import { bundleForChild, spawnChild, type Child } from '../../support/child-bundle';
import { snapshotDir } from '../../support/dir-snapshot';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-lock-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lockFile = () => join(dir, LOCK_NAME);
const readHolder = async (): Promise<LockHolder> =>
  JSON.parse(await readFile(lockFile(), 'utf8')) as LockHolder;
const holder = (over: Partial<LockHolder> = {}): LockHolder => ({
  owner: 'Research Notebook 0.0.9',
  pid: 999_999,
  host: hostname(),
  token: 'aaaaaaaa-1111-2222-3333-444444444444',
  since: new Date().toISOString(),
  ...over,
});
const plant = (h: LockHolder) => writeFile(lockFile(), JSON.stringify(h));

/** The pid of a process that has just exited (so nothing answers to it). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

describe('acquireLock', () => {
  it('writes who holds the folder, and release removes it', async () => {
    const lock = await acquireLock(dir, { owner: 'Research Notebook 1.2.3' });
    const written = await readHolder();
    expect(written).toEqual(lock.holder);
    expect(written).toMatchObject({ owner: 'Research Notebook 1.2.3', pid: process.pid });
    expect(written.host).toBe(hostname());
    expect(Date.parse(written.since)).toBeGreaterThan(Date.now() - 60_000);
    expect(await readdir(dir)).toEqual([LOCK_NAME]); // no temp file left behind
    expect(await lock.release()).toBe(true);
    expect(await readdir(dir)).toEqual([]);
    expect(await lock.release()).toBe(false);
  });

  it('refuses a second holder in the same process, and writes nothing', async () => {
    const first = await acquireLock(dir, { owner: 'first' });
    const before = await snapshotDir(dir);
    const refused = await acquireLock(dir, { owner: 'second' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(NotebookLockedError);
    const error = refused as NotebookLockedError;
    expect(error.sameHost).toBe(true);
    expect(error.holder.token).toBe(first.holder.token);
    expect(error.message).toMatch(`another window of Research Notebook (process ${process.pid})`);
    expect(await snapshotDir(dir)).toEqual(before);
    await first.release();
  });

  it('refuses a live process on this machine', async () => {
    await plant(holder({ pid: 4242 }));
    const before = await snapshotDir(dir);
    const refused = await acquireLock(dir, { owner: 'x', isAlive: () => true }).catch((e) => e);
    expect(refused).toBeInstanceOf(NotebookLockedError);
    expect((refused as NotebookLockedError).holder.pid).toBe(4242);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('takes over a lock whose process is gone', async () => {
    await plant(holder({ pid: await deadPid() }));
    const lock = await acquireLock(dir, { owner: 'x' });
    expect((await readHolder()).token).toBe(lock.holder.token);
    expect(await readdir(dir)).toEqual([LOCK_NAME]);
    await lock.release();
  });

  it('lets exactly one of many interleaved starters take over a stale lock', async () => {
    // In one process, so the starters interleave at every await. A plain "rename, then re-read"
    // let two of them win within a couple of hundred rounds here; the guard must hold in all.
    for (let round = 0; round < 100; round++) {
      await plant(holder({ pid: 7, token: `stale-${round}-aaaaaaaa` }));
      const pids = Array.from({ length: 8 }, (_, i) => 1000 + i);
      const outcomes = await Promise.allSettled(
        pids.map((pid) => acquireLock(dir, { owner: 'x', pid, isAlive: (p) => pids.includes(p) })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const refused = outcomes.filter((o) => o.status === 'rejected');
      for (const r of refused) expect(r.reason).toBeInstanceOf(NotebookLockedError);
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof acquireLock>>>)
        .value;
      expect((await readHolder()).token).toBe(winner.holder.token);
      expect(await readdir(dir)).toEqual([LOCK_NAME]);
      await winner.release();
    }
  });

  it('takes over a lock taken before this machine last started, whoever has its pid now', async () => {
    await plant(holder({ pid: 1, since: '2020-01-01T00:00:00.000Z' }));
    const lock = await acquireLock(dir, {
      owner: 'x',
      isAlive: () => true,
      bootTime: () => Date.parse('2021-01-01T00:00:00Z'),
    });
    expect((await readHolder()).token).toBe(lock.holder.token);
    await lock.release();
  });

  it('takes over an empty or unreadable lock once it is no longer being written', async () => {
    for (const content of ['', '{"owner":', 'not json at all', '{"pid":0}']) {
      await writeFile(lockFile(), content);
      const old = new Date(Date.now() - 10_000);
      await utimes(lockFile(), old, old);
      const lock = await acquireLock(dir, { owner: 'x' });
      expect((await readHolder()).token).toBe(lock.holder.token);
      await lock.release();
    }
  });

  it('waits for a lock that is being written before judging it', async () => {
    await writeFile(lockFile(), '');
    const started = Date.now();
    setTimeout(() => void plant(holder({ pid: process.pid, token: 'bbbbbbbb-live' })), 300);
    const refused = await acquireLock(dir, { owner: 'x' }).catch((e) => e);
    expect(refused).toBeInstanceOf(NotebookLockedError);
    expect((refused as NotebookLockedError).holder.token).toBe('bbbbbbbb-live');
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('never takes over another machine’s lock by itself, even one long dead', async () => {
    await plant(
      holder({ host: 'ANNS-LAPTOP', pid: await deadPid(), since: '2020-01-01T00:00:00Z' }),
    );
    const before = await snapshotDir(dir);
    const refused = await acquireLock(dir, { owner: 'x' }).catch((e) => e);
    expect(refused).toBeInstanceOf(NotebookLockedError);
    expect((refused as NotebookLockedError).sameHost).toBe(false);
    expect((refused as Error).message).toMatch(
      /open on ANNS-LAPTOP since .*wait for your sync tool/,
    );
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('takes over a held lock when asked by its token, and only that lock', async () => {
    const theirs = holder({ host: 'ANNS-LAPTOP' });
    await plant(theirs);
    const wrong = await acquireLock(dir, { owner: 'x', takeOver: 'cccccccc-not-it' }).catch(
      (e) => e,
    );
    expect(wrong).toBeInstanceOf(NotebookLockedError);
    expect((await readHolder()).token).toBe(theirs.token);
    const lock = await acquireLock(dir, { owner: 'x', takeOver: theirs.token });
    expect((await readHolder()).token).toBe(lock.holder.token);
    await lock.release();
  });

  it('releases only its own lock', async () => {
    const lock = await acquireLock(dir, { owner: 'x' });
    const theirs = holder({ host: 'ANNS-LAPTOP' });
    await plant(theirs); // taken over from elsewhere meanwhile
    expect(await lock.release()).toBe(false);
    expect(await readHolder()).toEqual(theirs);
  });

  it('confirm takes a deleted lock again, and refuses once another holds it', async () => {
    const lock = await acquireLock(dir, { owner: 'x' });
    await rm(lockFile());
    await lock.confirm();
    expect((await readHolder()).token).toBe(lock.holder.token);
    await plant(holder({ host: 'ANNS-LAPTOP' }));
    await expect(lock.confirm()).rejects.toThrow(/opened elsewhere by .* on ANNS-LAPTOP/);
    expect(await lock.release()).toBe(false);
  });
});

describe('openNotebook and the lock', () => {
  it('refuses a second opening of one folder in one process, writing nothing', async () => {
    const first = await openNotebook({ dataDir: dir, owner: 'first' });
    await first.handlers.createTag({ name: 'economy' });
    const before = await snapshotDir(dir);
    await expect(openNotebook({ dataDir: dir, owner: 'second' })).rejects.toBeInstanceOf(
      NotebookLockedError,
    );
    expect(await snapshotDir(dir)).toEqual(before);
    await first.store.close();
    expect(await readdir(dir)).not.toContain(LOCK_NAME);
    const again = await openNotebook({ dataDir: dir });
    expect((await again.handlers.listTags({})).map((t) => t.name)).toEqual(['economy']);
    await again.store.close();
  });

  it('releases the lock when the store fails to open', async () => {
    await writeFile(join(dir, 'notebook.json'), JSON.stringify({ version: 99 }));
    await expect(openNotebook({ dataDir: dir })).rejects.toThrow(/newer version/);
    expect(await readdir(dir)).toEqual(['notebook.json']);
  });

  it('refuses writes, changing nothing, once another machine has taken the folder over', async () => {
    const notebook = await openNotebook({ dataDir: dir });
    await notebook.handlers.createTag({ name: 'before' });
    await plant(holder({ host: 'ANNS-LAPTOP' }));
    const before = await snapshotDir(dir);
    await expect(notebook.handlers.createTag({ name: 'after' })).rejects.toThrow(
      /no longer saves; nothing was changed/,
    );
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await notebook.handlers.listTags({})).map((t) => t.name)).toEqual(['before']);
    // Closing compacts nothing either: the folder is theirs now, and the journal holds 'before'.
    await notebook.store.compact();
    await notebook.store.close();
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await readHolder()).host).toBe('ANNS-LAPTOP'); // theirs stays
  });
});

describe('between processes', () => {
  let script: string;
  const children: Child[] = [];
  beforeAll(async () => {
    script = await bundleForChild('tests/unit/support/lock-child.ts', 'lock-child');
  });
  afterEach(async () => {
    for (const child of children.splice(0)) {
      if (child.process.exitCode === null && child.process.signalCode === null) {
        child.process.kill('SIGKILL');
        await child.exited;
      }
    }
  });
  afterAll(async () => {
    await rm(script, { force: true });
  });

  /** Starts `n` children, waits until each is loaded, then lets them all go at once. */
  async function race(mode: 'lock' | 'notebook', n: number) {
    const racers = Array.from({ length: n }, () => spawnChild(script, [mode, dir, '--wait']));
    children.push(...racers);
    await Promise.all(racers.map((c) => c.waitFor(/^ready$/m)));
    for (const c of racers) c.process.stdin!.write('go\n');
    const outcomes = await Promise.all(racers.map((c) => c.waitFor(/^(won|refused) (.*)$/m)));
    return { racers, winners: racers.filter((_, i) => outcomes[i]![1] === 'won') };
  }

  it('lets exactly one of many racing processes take a free folder', async () => {
    for (let round = 0; round < 3; round++) {
      const { racers, winners } = await race('lock', 5);
      expect(winners).toHaveLength(1);
      expect((await readHolder()).pid).toBe(winners[0]!.process.pid);
      for (const c of racers) c.process.stdin!.end();
      await Promise.all(racers.map((c) => c.exited));
      expect(await readdir(dir)).toEqual([]);
    }
  }, 120_000);

  it('lets exactly one of many racing processes take over a stale lock', async () => {
    for (let round = 0; round < 3; round++) {
      await plant(holder({ pid: await deadPid() }));
      const { racers, winners } = await race('lock', 5);
      expect(winners).toHaveLength(1);
      expect((await readHolder()).pid).toBe(winners[0]!.process.pid);
      for (const c of racers) c.process.stdin!.end();
      await Promise.all(racers.map((c) => c.exited));
      expect(await readdir(dir)).toEqual([]);
    }
  }, 120_000);

  it('lets exactly one of two processes open the notebook, and the next after a SIGKILL', async () => {
    const { racers, winners } = await race('notebook', 2);
    expect(winners).toHaveLength(1);
    const loser = racers.find((c) => c !== winners[0])!;
    expect(loser.stdout()).toMatch(
      `another window of Research Notebook (process ${winners[0]!.process.pid})`,
    );
    winners[0]!.process.kill('SIGKILL');
    await winners[0]!.exited;
    expect((await readHolder()).pid).toBe(winners[0]!.process.pid); // left behind, stale
    const next = spawnChild(script, ['notebook', dir]);
    children.push(next);
    await next.waitFor(/^won /m);
    expect((await readHolder()).pid).toBe(next.process.pid);
  }, 60_000);
});
