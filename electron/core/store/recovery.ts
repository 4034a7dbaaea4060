// Opening a notebook whatever state the disk is in. Everything is read and decided first (a file or
// journal line from a newer app refuses the opening with nothing changed); then files that were
// not used are set aside, never deleted or overwritten, and the analyst is told in notices.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Notice, StorageProblem } from '../../shared/notices';
import { asStorageError, storageProblem } from '../errors';
import { chooseBase, type Choice, type Judged } from './base-choice';
import type { BodyStore } from './bodies';
import { keepCopy, setAside } from './durable-file';
import type { ClosedJournal } from './journal';
import { JournalScan } from './journal-scan';
import { lossNotices } from './journal-losses';
import { MIGRATIONS, type MigrationRegistry } from './migrations';
import {
  applyChange,
  stateFromData,
  type NotebookPaths,
  type NotebookState,
} from './notebook-data';
import { readKeptCopies, type KeptCopy } from './restore-points';

export interface Recovered {
  state: NotebookState;
  notices: Notice[];
  /** What memory holds differs from notebook.json, so it must be written before long. */
  dirty: boolean;
  /** journalSeq of notebook.json as it is on disk now (0 if there is none), and whether there is one. */
  fileSeq: number;
  fileExists: boolean;
  /** The last commit in memory: the next one is numbered after it and after every line on disk. */
  lastSeq: number;
  /** Journal entries applied on top of the copy opened. */
  applied: number;
  journals: ClosedJournal[];
  nextNumber: number;
  backup: KeptCopy | undefined;
  restorePoints: KeptCopy[];
}

export interface RecoveryOptions {
  now: () => Date;
  /** Where an upgrade puts the article bodies it takes out of the old file. */
  bodies: BodyStore;
  migrations?: MigrationRegistry;
  /**
   * Runs on the rebuilt state before anything on disk changes, and may refuse the opening.
   * `upgrading`: bodies an upgrade is about to write (not missing, just not there yet).
   */
  check?: (state: NotebookState, upgrading: ReadonlySet<string>) => Promise<void>;
}

export async function recoverNotebook(
  paths: NotebookPaths,
  { now, bodies, migrations = MIGRATIONS, check }: RecoveryOptions,
): Promise<Recovered> {
  // 1. Read and decide.
  const scan = await JournalScan.read(paths.dir);
  const kept = await readKeptCopies(paths);
  const choice = await chooseBase(paths, scan, kept.restorePoints, migrations);
  const state = choice.state ?? stateFromData(choice.data);
  let applied = 0;
  for (const seq of scan.seqs) {
    if (seq <= choice.from) continue;
    const entry = scan.entry(seq);
    if (!entry) continue; // damaged after all: counted with the losses below
    for (const change of entry.changes) applyChange(state, change);
    applied++;
  }
  const losses = lossNotices(scan, choice.from, state);
  const reading = choice.base?.reading;
  await check?.(state, new Set(reading?.kind === 'ok' ? reading.bodies?.keys() : []));

  // 2. Act. Nothing below can find the notebook unopenable any more.
  const stamp = fileStamp(now());
  const notices: Notice[] = [];
  try {
    await scan.cutTornTails().catch(() => undefined); // a disk that can't be written to: next time
    // A disk that refuses the moves (read-only, say) still opens the notebook; the recovery is
    // done again next time, and a notice says why it wasn't kept.
    let notSaved: StorageProblem | undefined;
    const unlessRefused = async <T>(action: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await action();
      } catch (error) {
        notSaved ??= storageProblem(error);
        if (!notSaved) throw error;
        return undefined;
      }
    };
    const setAsideNames = await setAsideRefused(choice, stamp, unlessRefused);
    const base = choice.base;
    const usedMain = base?.role === 'main';
    const problem = mainProblem(usedMain ? base : choice.refused.find((j) => j.role === 'main'));
    const keptMain = setAsideNames.get(paths.file);
    const alsoKept = [...setAsideNames].filter(([file]) => file !== paths.file).map(([, n]) => n);
    // A notebook that has only ever had a journal (never compacted) opens from nothing, quietly;
    // with no copy at all but a journal that starts later, the copies were lost.
    const hadCopies =
      base !== undefined ||
      choice.refused.some((j) => j.reading.kind !== 'missing') ||
      !startsAtTheBeginning(scan);
    if (base && problem) {
      // notebook.json itself, used although the journal disagrees: a copy of it as it was is kept.
      const copy = usedMain
        ? await unlessRefused(() => keepCopy(paths.file, `notebook.set-aside-${stamp}.json`))
        : undefined;
      const keptAs = keptMain ?? (copy && path.basename(copy));
      notices.push({
        code: 'notebook-restored',
        params: {
          problem,
          ...(keptAs !== undefined && { keptAs }),
          source: usedMain ? 'notebook' : base.role === 'backup' ? 'backup' : 'restore-point',
          savedAt: await modifiedAt(base.file),
          replayed: applied,
          complete: losses.length === 0,
          alsoKept,
        },
      });
    } else if (!base && hadCopies) {
      const since = scan.timeOf(scan.seqs.find((s) => s > choice.from));
      notices.push({
        code: 'notebook-rebuilt',
        params: {
          problem: problem ?? 'missing',
          ...(keptMain !== undefined && { keptAs: keptMain }),
          alsoKept,
          replayed: applied,
          ...(since !== undefined && { since }),
        },
      });
    }
    for (const loss of losses) {
      if (loss.code === 'changes-unreadable') {
        const { journal } = loss.params;
        const copy = await unlessRefused(() =>
          keepCopy(path.join(paths.dir, journal), corruptJournalName(journal, stamp)),
        );
        if (copy) loss.params.keptAs = path.basename(copy);
      }
      notices.push(loss);
    }
    const upgraded = await finishUpgrade(choice, { now, bodies });
    if (upgraded) notices.push(upgraded);
    if (notSaved) notices.push({ code: 'recovery-not-saved', params: { problem: notSaved } });
    return {
      state,
      notices,
      // Settled on disk at once, so the next opening doesn't redo it or repeat its notices.
      dirty: notices.length > 0,
      fileSeq: usedMain ? choice.data.journalSeq : 0,
      fileExists: usedMain,
      lastSeq: Math.max(choice.from, scan.seqs.at(-1) ?? 0, ...scan.claimedSeqs()),
      applied,
      journals: scan.closedJournals(),
      nextNumber: scan.nextNumber,
      backup: setAsideNames.has(paths.backup) ? undefined : kept.backup,
      restorePoints: kept.restorePoints.filter((p) => !setAsideNames.has(p.file)),
    };
  } catch (error) {
    throw asStorageError(error);
  }
}

/** The journal holds the notebook's first commit (or damage where it would be). */
const startsAtTheBeginning = (scan: JournalScan) =>
  (scan.seqs[0] ?? 1) === 1 || scan.damagedRuns().some((r) => r.after === undefined);

/** Why notebook.json wasn't used as it stood, if it wasn't. */
function mainProblem(main: Judged | undefined) {
  if (!main) return undefined;
  if (main.reading.kind === 'missing') return 'missing' as const;
  if (main.reading.kind === 'damaged') return 'damaged' as const;
  return main.verdict === 'ok' ? undefined : main.verdict;
}

/** Sets aside every copy read and not used; returns their new names by their old paths. */
async function setAsideRefused(
  choice: Choice,
  stamp: string,
  unlessRefused: <T>(action: () => Promise<T>) => Promise<T | undefined>,
): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const judged of choice.refused) {
    if (judged.reading.kind === 'missing') continue;
    const kind = judged.reading.kind === 'damaged' ? 'corrupt' : 'set-aside';
    const suffix = judged.role === 'main' ? '' : `-${judged.role}`;
    const name = `notebook.${kind}-${stamp}${suffix}.json`;
    const kept = await unlessRefused(() => setAside(judged.file, name));
    if (kept) names.set(judged.file, path.basename(kept));
  }
  return names;
}

const corruptJournalName = (journal: string, stamp: string) =>
  `${journal.replace(/\.jsonl$/, '')}.corrupt-${stamp}.jsonl`;

/**
 * An upgraded file keeps a copy of its old format, and the bodies it gave up are made durable now,
 * before any data pointing at them is written.
 */
async function finishUpgrade(
  choice: Choice,
  { now, bodies }: Pick<RecoveryOptions, 'now' | 'bodies'>,
): Promise<Notice | undefined> {
  const reading = choice.base?.reading;
  if (reading?.kind !== 'ok' || reading.migratedFrom === undefined || !choice.base)
    return undefined;
  const pending = [...(reading.bodies?.values() ?? [])];
  // A few at a time: each is a durable write of its own, and there may be thousands.
  for (let i = 0; i < pending.length; i += 8) {
    await Promise.all(pending.slice(i, i + 8).map((body) => bodies.put(body)));
  }
  // The rolling backup will be replaced within a few saves; an upgrade is worth keeping longer.
  const copy = await keepCopy(
    choice.base.file,
    `notebook.format-${reading.migratedFrom}-${fileStamp(now())}.json`,
  );
  return {
    code: 'notebook-upgraded',
    params: { fromFormat: reading.migratedFrom, keptAs: path.basename(copy) },
  };
}

/** A timestamp that is safe in a file name on every platform (no colons). */
export const fileStamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** When a file was last written, as an ISO time (the renderer words it in local time). */
async function modifiedAt(file: string): Promise<string> {
  return (await stat(file)).mtime.toISOString();
}
