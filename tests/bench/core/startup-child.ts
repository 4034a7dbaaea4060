// Run in a fresh Node process by the start-up case: times, from this script's first line to
// "ready", opening the notebook (mode "notebook") or parsing the old single-file one ("naive").
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

const t0 = performance.now();
const [mode, target, notebookModule] = process.argv.slice(2);

if (mode === 'notebook') {
  // Loaded here, not imported above, so loading the core counts as part of start-up.
  const { openNotebook } = (await import(pathToFileURL(notebookModule!).href)) as {
    openNotebook: (options: { dataDir: string }) => Promise<unknown>;
  };
  await openNotebook({ dataDir: target! });
} else {
  JSON.parse(await readFile(target!, 'utf8'));
}

process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0 })}\n`);
// A background compaction or timer must not keep the process (or the measurement) alive.
process.exit(0);
