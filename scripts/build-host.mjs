// Bundles the browser host (a development tool that never ships in the packaged app): the
// loopback server that runs the core with the core's worker script beside it, and the bridge
// script that stands in for the preload.
import { build } from 'esbuild';

const common = { bundle: true, sourcemap: true, minify: true, logLevel: 'warning' };

await Promise.all([
  build({
    ...common,
    entryPoints: {
      'browser-host': 'tests/hosts/browser/server.ts',
      'core-worker': 'electron/core/workers/core-worker.ts',
    },
    outdir: 'out/host',
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['tests/hosts/browser/bridge.ts'],
    outfile: 'out/host/bridge.js',
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
  }),
]);
