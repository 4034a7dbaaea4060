// Lint: TypeScript and Svelte rules, plus the layer rules that keep each room in its place.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import local from './scripts/eslint/plugin.js';

const SHARED = 'electron/shared/**';
const CORE = 'electron/core/**';
// zod schemas belong to the dispatcher alone: everything else reaches them through dispatch.
const NOT_SCHEMAS = '!electron/core/schemas/**';
// Electron's own packages need the Electron runtime, which the core must never assume.
const NPM_NOT_ELECTRON = ['*', '!electron', '!@electron/*'];
// The main-process modules that hold its logic without importing electron, so unit tests can
// load them in plain Node; they may lean only on each other, shared and Node.
const MAIN_PURE = [
  'electron/main/about.ts',
  'electron/main/app-url.ts',
  'electron/main/context-menu.ts',
  'electron/main/data-dir.ts',
  'electron/main/ipc-sender.ts',
  'electron/main/menu-items.ts',
  'electron/main/network-guard.ts',
  'electron/main/open-files.ts',
  'electron/main/progress-bar.ts',
  'electron/main/protocol-path.ts',
  'electron/main/recent.ts',
  'electron/main/spellcheck.ts',
  'electron/main/startup-failure.ts',
  'electron/main/update-policy.ts',
  'electron/main/window-bounds.ts',
  'electron/main/window-failure.ts',
  'electron/main/window-guards.ts',
];

/**
 * Who may import what, first match wins. `paths` are repo globs (a folder may always import
 * itself, so each names its own), `packages` npm names or `node:*`, `!x` takes one back out.
 * Anything not named fails, and so does a file in no layer.
 */
const LAYERS = [
  { name: 'electron/shared', files: [SHARED], paths: [SHARED] },
  {
    name: 'electron/core/schemas',
    files: ['electron/core/schemas/**'],
    paths: ['electron/core/schemas/**', SHARED],
    packages: ['zod'],
  },
  {
    name: 'electron/core/dispatch.ts',
    files: ['electron/core/dispatch.ts'],
    paths: [CORE, SHARED],
    packages: ['node:*', ...NPM_NOT_ELECTRON],
  },
  {
    name: 'electron/core',
    files: [CORE],
    paths: [CORE, NOT_SCHEMAS, SHARED],
    packages: ['node:*', ...NPM_NOT_ELECTRON],
  },
  {
    name: 'electron/main (electron-free logic)',
    files: MAIN_PURE,
    paths: [...MAIN_PURE, SHARED],
    packages: ['node:*'],
  },
  {
    name: 'electron/main',
    files: ['electron/main/**'],
    paths: ['electron/main/**', CORE, NOT_SCHEMAS, SHARED],
    packages: ['node:*', '*'],
  },
  {
    name: 'electron/preload',
    files: ['electron/preload/**'],
    paths: ['electron/preload/**', SHARED],
    packages: ['electron'],
  },
  {
    name: 'renderer/src',
    files: ['renderer/src/**'],
    paths: [
      'renderer/src/**',
      'electron/shared/model',
      'electron/shared/commands',
      'electron/shared/import-formats',
      'electron/shared/places',
      'electron/shared/citation',
      'electron/shared/codebook-log',
      'electron/shared/analysis',
      'electron/shared/search',
      'electron/shared/interchange',
      'electron/shared/settings',
      'electron/shared/report',
      'electron/shared/agreement',
      'electron/shared/merge',
      'electron/shared/sync',
    ],
    // The contract's types describe the bridge; its code stays on the other side of it.
    typeOnlyPaths: ['electron/shared/contract'],
    // Packages that run in a browser; a new one is added here on purpose.
    packages: ['svelte', 'markdown-it', 'd3-scale'],
  },
  {
    name: 'tests, scripts and config',
    files: ['tests/**', 'scripts/**', '*.config.{js,mjs,cjs,ts}', 'renderer/*.config.{js,ts}'],
    any: true,
  },
];

export default ts.config(
  {
    ignores: [
      'out/',
      'dist/',
      'release/',
      'test-results/',
      'playwright-report/',
      'scratch/',
      'node_modules/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // `import { type X } from 'y'` still loads y at run time; `import type` loads nothing.
      '@typescript-eslint/no-import-type-side-effects': 'error',
      'svelte/no-at-html-tags': 'error',
      // Importers and file-name slugs strip control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    plugins: { local },
    rules: { 'local/layers': ['error', { root: import.meta.dirname, layers: LAYERS }] },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/src/lib/api.ts'],
    rules: { 'local/no-window-notebook': 'error' },
  },
);
