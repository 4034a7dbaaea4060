// Bundles Electron's main process (ESM, split, dependencies left to node_modules) and the preload
// (one CommonJS file, as a sandboxed preload can't require anything but 'electron').
import { build } from 'esbuild';

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
    entryPoints: ['electron/main/index.ts'],
    outdir: 'out/main',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    // The importers (jsdom, Readability, markdown-it) become chunks loaded on first import, so
    // start-up doesn't wait for them.
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
