// Lint: TypeScript and Svelte rules, plus the layer rules that keep each room in its place.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

const nodeBuiltins = {
  group: ['node:*'],
  message: 'electron/shared runs in the renderer too: no Node built-ins.',
};
const electronImport = {
  name: 'electron',
  message: 'Only electron/main and electron/preload may import electron.',
};

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
    files: ['electron/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronImport], patterns: [nodeBuiltins] }],
    },
  },
  {
    files: ['electron/core/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [electronImport] }] },
  },
  {
    files: ['renderer/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [electronImport],
          patterns: [
            {
              group: ['**/electron/core/**', '**/electron/main/**', '**/electron/preload/**'],
              message: 'The renderer talks to the core only through lib/api.ts.',
            },
            {
              group: [
                '**/electron/shared/*',
                '!**/electron/shared/model',
                '!**/electron/shared/contract',
                '!**/electron/shared/commands',
                '!**/electron/shared/import-formats',
              ],
              message: 'The renderer may import only the shared model and contract.',
            },
            {
              group: ['**/electron/shared/contract'],
              allowTypeImports: true,
              message: 'The renderer imports only types from the contract (zod stays in main).',
            },
            nodeBuiltins,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**'],
    ignores: ['renderer/src/lib/api.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='window'][property.name='notebook']",
          message: 'Only lib/api.ts touches window.notebook.',
        },
      ],
    },
  },
);
