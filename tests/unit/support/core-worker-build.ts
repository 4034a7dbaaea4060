// Vitest global setup: bundles the core's worker script (workers can't load TypeScript, and Node
// 20 has no type stripping) under out/, so the bundle resolves this repository's node_modules.
// The setup file (core-worker.ts) points the core's pool at it; one folder per project and run,
// since several runs may share this tree.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    coreWorkerDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = join(process.cwd(), 'out', 'test-workers', `${project.name}-${process.pid}`);
  await build({
    entryPoints: {
      'core-worker': 'electron/core/workers/core-worker.ts',
      // The same runtime with tasks that crash, hang or fail, for the pool's own tests.
      'test-worker': 'tests/unit/core/workers/test-worker.ts',
    },
    outdir: dir,
    // As in the app's builds: jsdom and markdown-it load with their importers, on first use.
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  project.provide('coreWorkerDir', dir);
  return () => rm(dir, { recursive: true, force: true });
}
