// Run in a fresh Node process by the batch case (formats.ts benchBatch): a process that holds what
// the app's main process holds (the core, the open notebook, the file being imported) and nothing
// of the bench's own (its generated article and passages, the files' makers, Playwright). The main
// loop's pauses for garbage collection grow with everything a process keeps alive, so the batch's
// longest block is measured here, where only the app's own heap counts.
//
// argv: the notebook's data folder, the batch's manifest (JSON: warm-up files, then the batch's,
// each { path, fileName, format }), and the folder of the core's bench build. Each file is read
// from disk as it comes, the way the window hands the app one file's bytes at a time. Prints one
// JSON line: BatchChildResult.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { blockingRun, watchStalls } from '../stats';
import { importOne, type BenchFile } from './import-one';

export interface BatchManifestFile extends Omit<BenchFile, 'bytes'> {
  path: string;
}

export interface BatchManifest {
  warmup: BatchManifestFile[];
  batch: BatchManifestFile[];
}

export interface BatchChildResult {
  ms: number;
  maxBlockMs: number;
  /** When each file's import began (ms on the child's clock) and how long it took. */
  spans: Array<{ fileName: string; format: string; start: number; ms: number }>;
  /** Every stretch over 8 ms in which a 1 ms timer could not run. */
  stalls: Array<{ at: number; ms: number }>;
  /** The main heap after the warm-up: what the batch's garbage collections had to walk. */
  heapMB: number;
}

const [dataDir, manifestPath, coreDir] = process.argv.slice(2);
// The core as the app builds it (out/bench/notebook.js and dispatch.js, split so that importers
// load on first use), not bundled into this script: a bundle would load them all up front.
const load = async <T>(name: string) =>
  (await import(pathToFileURL(path.join(coreDir!, name)).href)) as T;
const { openNotebook } =
  await load<typeof import('../../../electron/core/notebook')>('notebook.js');
const { createDispatcher } =
  await load<typeof import('../../../electron/core/dispatch')>('dispatch.js');
const manifest = JSON.parse(await readFile(manifestPath!, 'utf8')) as BatchManifest;
const opened = await openNotebook({ dataDir: dataDir! });
const dispatch = createDispatcher(opened.handlers);
const read = async (f: BatchManifestFile): Promise<BenchFile> => ({
  fileName: f.fileName,
  format: f.format,
  bytes: await readFile(f.path),
});

for (const f of manifest.warmup) await importOne(dispatch, await read(f));
const heapMB = process.memoryUsage().heapUsed / 2 ** 20;
const spans: BatchChildResult['spans'] = [];
const watch = watchStalls(8);
const run = await blockingRun(async () => {
  for (const f of manifest.batch) {
    const start = performance.now();
    await importOne(dispatch, await read(f));
    spans.push({ fileName: f.fileName, format: f.format, start, ms: performance.now() - start });
  }
});
const stalls = watch.stop();
await opened.store.close();
const result: BatchChildResult = { ms: run.ms, maxBlockMs: run.maxBlockMs, spans, stalls, heapMB };
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
