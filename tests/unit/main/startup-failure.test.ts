// The words for a notebook that can't be opened at start, from the core's real errors: a folder
// held here or on another machine, a notebook from a newer app, anything else.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openNotebook } from '../../../electron/core/notebook';
import { openFailureOf } from '../../../electron/core/open-failure';
import { LOCK_NAME } from '../../../electron/core/store/lock';
import {
  chosenButton,
  startupLogEntry,
  wordStartupFailure,
} from '../../../electron/main/startup-failure';
import type { OpenFailure } from '../../../electron/shared/contract';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'notebook-startup-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failureOpening = async (options: { takeOverLock?: string } = {}) =>
  openFailureOf(
    await openNotebook({ dataDir: dir, ...options }).then(
      () => expect.unreachable('it opened'),
      (error: unknown) => error,
    ),
  );
const utc = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ');

describe('the folder held by another instance on this machine', () => {
  it('names the other window’s process and changes nothing', async () => {
    const first = await openNotebook({ dataDir: dir });
    const failure = await failureOpening();
    expect(failure).toMatchObject({
      kind: 'locked',
      sameHost: true,
      pid: process.pid,
      host: hostname(),
    });
    const words = wordStartupFailure(failure, { dataDir: dir, takeOver: 'button' });
    expect(words.title).toBe('Research Notebook is already open');
    expect(words.message).toBe(
      `This notebook is already open in another window of Research Notebook (process ${process.pid}).`,
    );
    expect(words.detail).toBe(
      `Switch to that window, or close it and start Research Notebook again.\n\nNothing was changed.\n\nNotebook folder: ${dir}`,
    );
    // No taking over a live process here, whatever the host offers.
    expect(words.buttons).toEqual([{ label: 'Quit', action: 'quit' }]);
    expect(words.line).not.toMatch(/\n/);
    expect(words.line).toMatch(
      /^This notebook is already open in another window .* Nothing was changed\./,
    );
    await first.store.close();
  });
});

describe('the folder held on another machine', () => {
  const since = '2026-01-02T10:10:00.000Z';
  async function lockedThere(): Promise<OpenFailure> {
    await writeFile(
      join(dir, LOCK_NAME),
      JSON.stringify({
        owner: 'Research Notebook 0.1.0',
        pid: 4321,
        host: 'ANNS-LAPTOP',
        token: 'tok-12345678',
        since,
      }),
    );
    return failureOpening();
  }

  it('says where and since when, and offers taking over only as a separate button', async () => {
    const failure = await lockedThere();
    expect(failure).toEqual({
      kind: 'locked',
      sameHost: false,
      host: 'ANNS-LAPTOP',
      pid: 4321,
      owner: 'Research Notebook 0.1.0',
      since,
      token: 'tok-12345678',
    });
    const words = wordStartupFailure(failure, {
      dataDir: dir,
      takeOver: 'button',
      formatTime: utc,
    });
    expect(words.title).toBe('Notebook open on another computer');
    expect(words.message).toBe(
      'This notebook is open on ANNS-LAPTOP since 2026-01-02 10:10; close it there, or wait for your sync tool.',
    );
    expect(words.detail).toMatch(/nothing was changed here/);
    expect(words.detail).toMatch(
      /Only if Research Notebook is no longer running on ANNS-LAPTOP .* choose “Open here anyway”/,
    );
    expect(words.detail).toMatch(
      new RegExp(`Notebook folder: ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    );
    // Quit comes first: the default, and what Esc does.
    expect(words.buttons).toEqual([
      { label: 'Quit', action: 'quit' },
      { label: 'Open here anyway', action: 'take-over', token: 'tok-12345678' },
    ]);
    expect(chosenButton(words, 0).action).toBe('quit');
    expect(chosenButton(words, 7).action).toBe('quit');
    const chosen = chosenButton(words, 1);
    expect(chosen).toMatchObject({ action: 'take-over' });

    // Choosing it opens the notebook, taking over exactly that lock.
    const notebook = await openNotebook({
      dataDir: dir,
      takeOverLock: chosen.action === 'take-over' ? chosen.token : '',
    });
    await notebook.store.close();
  });

  it('tells the browser host’s user the flag to take over with, or nothing when not offered', async () => {
    const failure = await lockedThere();
    const flagged = wordStartupFailure(failure, {
      dataDir: dir,
      takeOver: { flag: '--take-over-lock' },
    });
    expect(flagged.buttons).toEqual([{ label: 'Quit', action: 'quit' }]);
    expect(flagged.detail).toMatch(/start again with --take-over-lock tok-12345678\./);
    const plain = wordStartupFailure(failure, { dataDir: dir });
    expect(plain.detail).not.toMatch(/anyway|take-over/);
    expect(plain.line).toMatch(
      /^This notebook is open on ANNS-LAPTOP since .*; close it there, or wait for your sync tool\. /,
    );
  });
});

describe('a notebook from a newer version', () => {
  it('says to update the app and that nothing was changed', async () => {
    await writeFile(join(dir, 'notebook.json'), JSON.stringify({ version: 3, journalSeq: 0 }));
    const failure = await failureOpening();
    expect(failure.kind).toBe('newer-version');
    const words = wordStartupFailure(failure, { dataDir: dir });
    expect(words.title).toBe('Update Research Notebook');
    expect(words.message).toBe(
      'This notebook was saved by a newer version of Research Notebook; update the app to open it.',
    );
    expect(words.detail).toBe(`Nothing was changed.\n\nNotebook folder: ${dir}`);
    expect(words.buttons).toEqual([{ label: 'Quit', action: 'quit' }]);
  });
});

describe('any other failure', () => {
  it('names the folder, the error and where the details are', async () => {
    await writeFile(join(dir, 'notebook.json'), '{}');
    const failure = openFailureOf(new Error('EACCES: permission denied, open …/journal-2.jsonl'));
    expect(failure).toEqual({
      kind: 'other',
      message: 'EACCES: permission denied, open …/journal-2.jsonl',
    });
    const words = wordStartupFailure(failure, {
      dataDir: '/home/a/notebook',
      logFile: '/home/a/logs/main.log',
    });
    expect(words.message).toBe(
      'Research Notebook could not start with the notebook in /home/a/notebook.',
    );
    expect(words.detail).toBe(
      'EACCES: permission denied, open …/journal-2.jsonl\n\nDetails are in the log (/home/a/logs/main.log).',
    );
    expect(wordStartupFailure(failure, { dataDir: '/n' }).line).toBe(
      'Research Notebook could not start with the notebook in /n. EACCES: permission denied, open …/journal-2.jsonl Details are in the log.',
    );
  });

  it('logs the stack and its cause with the time and folder', () => {
    const error = new Error('outer', { cause: new Error('inner') });
    const entry = startupLogEntry(error, '/n', new Date('2026-01-02T10:10:00Z'));
    expect(entry).toMatch(
      /^2026-01-02T10:10:00\.000Z Research Notebook could not start \(notebook folder \/n\):\nError: outer\n\s+at /,
    );
    expect(entry).toMatch(/Caused by: Error: inner/);
    expect(startupLogEntry('plain', '/n', new Date(0))).toMatch(/:\nplain\n$/);
  });
});
