// npm run bench: builds the app (the browser host and the renderer the renderer cases drive),
// bundles the bench (tests/bench) into out/bench, and runs it. Measures and reports; see
// tests/bench/run.ts for what it prints and writes.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const built = spawnSync(npm, ['run', 'build', '--silent'], { stdio: ['ignore', 2, 2] });
if (built.status !== 0) process.exit(built.status ?? 1);

const common = { bundle: true, sourcemap: true, logLevel: 'warning' };
const node = { ...common, platform: 'node', target: 'node20', format: 'esm', packages: 'external' };
await Promise.all([
  build({ ...node, entryPoints: ['tests/bench/run.ts'], outfile: 'out/bench/run.js' }),
  build({
    ...node,
    entryPoints: ['tests/bench/core/startup-child.ts'],
    outfile: 'out/bench/startup-child.js',
  }),
  // The batch's own process; it loads the core's build below (see batch-child.ts).
  build({
    ...node,
    entryPoints: ['tests/bench/core/batch-child.ts'],
    outfile: 'out/bench/batch-child.js',
  }),
  // What the start-up and batch children load: the core as the hosts load it (and the dispatcher
  // the window calls it through), and the core's worker script (out/bench/core-worker.js, beside
  // run.js too, so the bench's own calls use a real worker).
  build({
    ...node,
    entryPoints: [
      'electron/core/notebook.ts',
      'electron/core/dispatch.ts',
      'electron/core/workers/core-worker.ts',
    ],
    outdir: 'out/bench',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    // As in the app's own build: the importers load on first use, not at start-up.
    splitting: true,
  }),
  build({
    ...common,
    entryPoints: ['tests/bench/renderer/naive-page-script.ts'],
    outfile: 'out/bench/naive-page.js',
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
  }),
]);

const run = spawnSync(process.execPath, ['--enable-source-maps', 'out/bench/run.js'], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
