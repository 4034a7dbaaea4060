// Sync through a CouchDB-protocol server (pouchdb-server on 127.0.0.1, as the tests run it): the
// first sync of the bench notebook (10k annotations on the 3 MB article and the small articles'
// passages) into an empty database, timed until the server holds every document and the notebook
// says it is up to date; then one change saved on A until a second notebook B, syncing with the
// same database, has it in its store (save -> A's replica -> server -> B's replica -> B's commit).
import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { openNotebook, type Notebook } from '../../../electron/core/notebook';
import { startCouchServer, type CouchServer } from '../../unit/core/sync/server';
import { copyNotebook, type BenchNotebook } from '../data-dir';
import { benchLine, log, median, type BenchLine } from '../stats';

export const SYNC_FIGURES = {
  first: 'first sync of the 10k-annotation notebook to an empty server, until up to date',
  change: 'one annotation change saved on A, until B has it (through the server)',
} as const;

const FIRST_RUNS = 3;
const CHANGE_RUNS = 15;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean, ms: number, what: string) {
  const limit = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > limit) throw new Error(`Timed out waiting for ${what}`);
    await wait(10);
  }
}

/** The server's document count for `db`. */
async function docCount(url: string): Promise<number> {
  const response = await fetch(url);
  if (!response.ok) return -1;
  return ((await response.json()) as { doc_count: number }).doc_count;
}

/** What the notebook sends: its records and one body per revision. */
function documentsOf(notebook: Notebook): number {
  const { state } = notebook.store;
  const bodies = new Set(
    [...state.articles.values()].flatMap((a) => a.revisions.map((r) => r.bodyHash)),
  );
  return (
    state.articles.size +
    state.annotations.size +
    state.tags.size +
    state.analysts.size +
    state.codebookLog.size +
    state.adjudications.size +
    bodies.size
  );
}

async function open(dir: string): Promise<Notebook> {
  return openNotebook({
    dataDir: dir,
    settingsFile: path.join(path.dirname(dir), `${path.basename(dir)}.settings.json`),
    compactAfterMs: 60_000,
  });
}

export async function benchSync(notebook: BenchNotebook, root: string): Promise<BenchLine[]> {
  const server: CouchServer = await startCouchServer();
  const opened: Notebook[] = [];
  try {
    const firsts: number[] = [];
    let a: Notebook | undefined;
    let url = '';
    for (let run = 0; run < FIRST_RUNS; run++) {
      const dir = await copyNotebook(notebook, root);
      const nb = await open(dir);
      opened.push(nb);
      url = server.db(`bench-${run}`);
      const expected = documentsOf(nb);
      const t0 = performance.now();
      await nb.handlers.setSync({ url, username: '', enabled: true });
      await until(
        async () =>
          (await nb.handlers.getSync({})).status.state === 'idle' &&
          (await docCount(url)) >= expected,
        300_000,
        'the first sync',
      );
      firsts.push(performance.now() - t0);
      log(`sync: first sync ${run + 1}: ${(firsts.at(-1)! / 1000).toFixed(1)} s, ${expected} docs`);
      if (run < FIRST_RUNS - 1) {
        await nb.store.close();
        opened.pop();
      } else {
        a = nb;
      }
    }

    // B starts empty and takes everything from the server first (not timed here).
    const bDir = await mkdtemp(path.join(root, 'sync-b-'));
    const b = await open(path.join(bDir, 'notebook'));
    opened.push(b);
    await b.handlers.setSync({ url, username: '', enabled: true });
    const total = a!.store.state.annotations.size;
    await until(() => b.store.state.annotations.size >= total, 600_000, 'B to take the notebook');

    const ids = [...a!.store.state.annotations.keys()];
    const changes: number[] = [];
    for (let run = 0; run < CHANGE_RUNS; run++) {
      const id = ids[(run * 7919) % ids.length]!;
      const record = a!.store.state.annotations.get(id)!;
      const comment = `Changed by the sync bench, number ${run}.`;
      const arrived = new Promise<void>((resolve) => {
        const stop = b.onChanged((notice) => {
          if (
            notice.annotations.includes(id) &&
            b.store.state.annotations.get(id)?.comment === comment
          ) {
            stop();
            resolve();
          }
        });
      });
      const t0 = performance.now();
      await a!.handlers.updateAnnotation({ id, comment, tagNames: tagPaths(record, a!) });
      await Promise.race([
        arrived,
        wait(30_000).then(() => {
          throw new Error('The change did not arrive on B within 30 s');
        }),
      ]);
      changes.push(performance.now() - t0);
      // Let both sides go quiet, so each run starts alike.
      await wait(200);
    }
    return [
      benchLine({
        name: SYNC_FIGURES.first,
        median: median(firsts),
        unit: 'ms',
        budget: 60_000,
        baseline: null,
        runs: firsts.length,
        documents: documentsOf(a!),
      }),
      benchLine({
        name: SYNC_FIGURES.change,
        median: median(changes),
        unit: 'ms',
        budget: 1000,
        baseline: null,
        runs: changes.length,
        max: Math.round(Math.max(...changes)),
      }),
    ];
  } finally {
    for (const nb of opened) await nb.store.close().catch(() => undefined);
    await server.dispose();
  }
}

/** The annotation's tags by path, so the change is its comment only. */
function tagPaths(record: { tagIds: string[] }, notebook: Notebook): string[] {
  const { tags } = notebook.store.state;
  const pathOf = (id: string): string => {
    const tag = tags.get(id);
    if (!tag) return '';
    return tag.parentId ? `${pathOf(tag.parentId)}/${tag.name}` : tag.name;
  };
  return record.tagIds.map(pathOf).filter(Boolean);
}
