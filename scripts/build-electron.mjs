// Bundles Electron's main process (ESM, split, dependencies left to node_modules) with the core's
// worker script beside it (out/main/core-worker.js: the pool finds it next to the bundle), and
// the preload (one CommonJS file, as a sandboxed preload can't require anything but 'electron').
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

// Chunk names change with their content: without this, old chunks pile up in out/main/chunks and
// would ship in the package.
await Promise.all(
  ['out/main', 'out/preload'].map((dir) => rm(dir, { recursive: true, force: true })),
);

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts', 'electron/core/workers/core-worker.ts'],
    outdir: 'out/main',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    // The importers (jsdom, Readability, markdown-it) become chunks loaded on first import in the
    // worker, so neither start-up nor a new worker waits for them. The pool looks for the worker
    // beside its own file or, from a chunk, one folder up: chunks stay in chunks/.
    splitting: true,
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'out/preload/index.cjs',
    format: 'cjs',
    external: ['electron'],
  }),
]);
