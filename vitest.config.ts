// Unit tests. "core": the core, main's logic and the lint rules in plain Node, exactly as
// Electron's main process and the browser host run them. "renderer": the renderer's modules,
// components and state classes in jsdom, compiled by Svelte; state talks to the real core.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    // The core's worker script, bundled for the run (Node 20 can't load TypeScript in a worker).
    globalSetup: ['tests/unit/support/core-worker-build.ts'],
    setupFiles: ['tests/unit/support/core-worker.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          include: ['tests/unit/**/*.test.ts'],
          exclude: ['tests/unit/renderer/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [svelte({ configFile: 'renderer/svelte.config.js' })],
        resolve: { conditions: ['browser'] },
        test: {
          name: 'renderer',
          include: ['tests/unit/renderer/**/*.test.ts'],
          environment: 'jsdom',
        },
      },
    ],
  },
});
