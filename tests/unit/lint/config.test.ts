// The allow-lists as configured in eslint.config.js, run through ESLint itself on small snippets
// placed in each folder: the forbidden forms are reported, the allowed ones are not.
import { ESLint } from 'eslint';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const WATCHED = new Set([
  'local/layers',
  'local/no-window-notebook',
  '@typescript-eslint/no-import-type-side-effects',
]);
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The layer-related problems ESLint reports for `code` placed at `file`, as "rule: message". */
async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, file) });
  // A message without a rule is a parse error or "file ignored": either way the snippet went unchecked.
  const messages = result!.messages.filter((m) => m.ruleId === null || WATCHED.has(m.ruleId));
  return messages.map((m) => `${m.ruleId ?? 'eslint'}: ${m.message}`);
}

const forbidden: [string, string, string, RegExp][] = [
  [
    'an electron/main module from the renderer',
    'renderer/src/lib/x.ts',
    "import { APP_ORIGIN } from '../../../electron/main/app-url';\nexport { APP_ORIGIN };",
    /local\/layers: renderer\/src may not import .*electron\/main\/app-url/,
  ],
  [
    "Electron's own electron/main subpath from the renderer",
    'renderer/src/lib/x.ts',
    "import { app } from 'electron/main';\nexport { app };",
    /local\/layers: renderer\/src may not import 'electron\/main' \(electron\)/,
  ],
  [
    'require() from the renderer',
    'renderer/src/lib/x.ts',
    "export const core = require('../../../electron/core/notebook');",
    /renderer\/src may not import .*electron\/core\/notebook/,
  ],
  [
    'a dynamic import() from the renderer',
    'renderer/src/lib/x.ts',
    "export const core = await import('../../../electron/core/dispatch');",
    /renderer\/src may not import .*electron\/core\/dispatch/,
  ],
  [
    'a computed dynamic import() from the renderer',
    'renderer/src/lib/x.ts',
    'export const load = (name: string) => import(name);',
    /renderer\/src may not name a module computed at run time/,
  ],
  [
    'node:fs from the renderer',
    'renderer/src/lib/x.ts',
    "import { readFileSync } from 'node:fs';\nexport { readFileSync };",
    /renderer\/src may not import 'node:fs'/,
  ],
  [
    'zod from the renderer',
    'renderer/src/lib/x.ts',
    "import { z } from 'zod';\nexport { z };",
    /renderer\/src may not import 'zod'/,
  ],
  [
    'a shared module the renderer was not given',
    'renderer/src/lib/x.ts',
    "import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/security';\nexport { CONTENT_SECURITY_POLICY };",
    /renderer\/src may not import .*electron\/shared\/security/,
  ],
  [
    'contract values in the renderer',
    'renderer/src/lib/x.ts',
    "import { CALL_NAMES } from '../../../electron/shared/contract';\nexport { CALL_NAMES };",
    /renderer\/src may import .*contract' only with `import type`/,
  ],
  [
    "window['notebook'] in a renderer module",
    'renderer/src/lib/state/x.svelte.ts',
    "export const api = window['notebook'];",
    /local\/no-window-notebook/,
  ],
  [
    'window.notebook?.x in a component',
    'renderer/src/components/X.svelte',
    '<script lang="ts">\n  const list = () => window.notebook?.listArticles();\n</script>\n<button onclick={list}>x</button>\n',
    /local\/no-window-notebook/,
  ],
  [
    'destructuring the bridge from globalThis',
    'renderer/src/App.svelte',
    '<script lang="ts">\n  const { notebook } = globalThis as any;\n  notebook.ping();\n</script>\n',
    /local\/no-window-notebook/,
  ],
  [
    'an inline type import that leaves a side-effect import',
    'renderer/src/lib/x.ts',
    "import { type Tag } from '../../../electron/shared/model';\nexport type T = Tag;",
    /no-import-type-side-effects/,
  ],
  [
    'node:fs from shared',
    'electron/shared/x.ts',
    "import { readFileSync } from 'node:fs';\nexport { readFileSync };",
    /electron\/shared may not import 'node:fs'/,
  ],
  [
    'a bare built-in (fs) from shared',
    'electron/shared/x.ts',
    "import { readFileSync } from 'fs';\nexport { readFileSync };",
    /electron\/shared may not import 'fs' \(node:fs\)/,
  ],
  [
    'zod from shared',
    'electron/shared/x.ts',
    "import { z } from 'zod';\nexport { z };",
    /electron\/shared may not import 'zod'/,
  ],
  [
    'the core from shared',
    'electron/shared/x.ts',
    "export type { Dispatch } from '../core/dispatch';",
    /electron\/shared may not import .*electron\/core\/dispatch/,
  ],
  [
    'zod from the preload',
    'electron/preload/index.ts',
    "import { z } from 'zod';\nexport { z };",
    /electron\/preload may not import 'zod'/,
  ],
  [
    'node:path from the preload',
    'electron/preload/index.ts',
    "import { join } from 'node:path';\nexport { join };",
    /electron\/preload may not import 'node:path'/,
  ],
  [
    'the core from the preload',
    'electron/preload/index.ts',
    "import { openNotebook } from '../core/notebook';\nexport { openNotebook };",
    /electron\/preload may not import .*electron\/core\/notebook/,
  ],
  [
    'the schemas from a core service',
    'electron/core/service/x.ts',
    "import * as schemas from '../schemas';\nexport { schemas };",
    /electron\/core may not import .*electron\/core\/schemas/,
  ],
  [
    'a schema file from the store',
    'electron/core/store/x.ts',
    "export type { X } from '../schemas/index.js';",
    /electron\/core may not import .*electron\/core\/schemas/,
  ],
  [
    'the schemas from main',
    'electron/main/x.ts',
    "import * as schemas from '../core/schemas';\nexport { schemas };",
    /electron\/main may not import .*electron\/core\/schemas/,
  ],
  [
    'electron from the core',
    'electron/core/x.ts',
    "import { app } from 'electron';\nexport { app };",
    /electron\/core may not import 'electron'/,
  ],
  [
    'core code from the schemas',
    'electron/core/schemas/x.ts',
    "import { AppError } from '../errors';\nexport { AppError };",
    /electron\/core\/schemas may not import .*electron\/core\/errors/,
  ],
  [
    "electron in main's electron-free logic",
    'electron/main/window-guards.ts',
    "import { shell } from 'electron';\nexport { shell };",
    /electron\/main \(electron-free logic\) may not import 'electron'/,
  ],
  [
    "an electron shell from main's electron-free logic",
    'electron/main/app-url.ts',
    "import { setupIpc } from './ipc';\nexport { setupIpc };",
    /electron-free logic\) may not import .*electron\/main\/ipc/,
  ],
  [
    'anything from a folder in no layer',
    'electron/worker/x.ts',
    "import { model } from '../shared/model';\nexport { model };",
    /'electron\/worker\/x.ts' belongs to no layer/,
  ],
];

const allowed: [string, string, string][] = [
  [
    'the renderer: its own files, model, commands, contract types, svelte',
    'renderer/src/lib/x.ts',
    [
      "import { mount } from 'svelte';",
      "import { LIMITS, type Tag } from '../../../electron/shared/model';",
      "import type { CommandId } from '../../../electron/shared/commands';",
      "import type { CallName } from '../../../electron/shared/contract';",
      "import { api } from './api';",
      "import '../styles/global.css';",
      'export { mount, LIMITS, api };',
      'export type { Tag, CommandId, CallName };',
    ].join('\n'),
  ],
  [
    'a component importing a component and svelte',
    'renderer/src/components/X.svelte',
    "<script lang=\"ts\">\n  import { tick } from 'svelte';\n  import Dialog from './Dialog.svelte';\n  void tick;\n</script>\n<Dialog />\n",
  ],
  [
    'lib/api.ts touching window.notebook',
    'renderer/src/lib/api.ts',
    'export const bridge = () => window.notebook;',
  ],
  [
    'shared importing shared',
    'electron/shared/x.ts',
    "import type { Tag } from './model';\nexport type T = Tag;",
  ],
  [
    'schemas importing zod and shared',
    'electron/core/schemas/x.ts',
    "import { z } from 'zod';\nimport { LIMITS } from '../../shared/model';\nexport { z, LIMITS };",
  ],
  [
    'dispatch importing the schemas',
    'electron/core/dispatch.ts',
    "import { z } from 'zod';\nimport * as schemas from './schemas';\nexport { z, schemas };",
  ],
  [
    'the core importing the core, shared, node and npm',
    'electron/core/service/x.ts',
    [
      "import { readFile } from 'node:fs/promises';",
      "import { JSDOM } from 'jsdom';",
      "import { AppError } from '../errors';",
      "import type { Tag } from '../../shared/model';",
      "const lazy = () => import('../import/html');",
      'export { readFile, JSDOM, AppError, lazy };',
      'export type { Tag };',
    ].join('\n'),
  ],
  [
    'main importing electron, the core, shared and node',
    'electron/main/x.ts',
    [
      "import { app } from 'electron';",
      "import { join } from 'node:path';",
      "import { createDispatcher } from '../core/dispatch';",
      "import { CHANGED_CHANNEL } from '../shared/contract';",
      "import { isAppUrl } from './app-url';",
      'export { app, join, createDispatcher, CHANGED_CHANNEL, isAppUrl };',
    ].join('\n'),
  ],
  [
    "main's electron-free logic importing its peers, shared and node",
    'electron/main/window-guards.ts',
    [
      "import { join } from 'node:path';",
      "import { isAllowedExternalUrl } from '../shared/security';",
      "import { isAppUrl } from './app-url';",
      'export { join, isAllowedExternalUrl, isAppUrl };',
    ].join('\n'),
  ],
  [
    'the preload importing electron and shared',
    'electron/preload/index.ts',
    "import { contextBridge } from 'electron';\nimport { CALL_NAMES } from '../shared/contract';\nexport { contextBridge, CALL_NAMES };",
  ],
  [
    'tests importing anything',
    'tests/unit/x.test.ts',
    "import { app } from 'electron';\nimport * as s from '../../electron/core/schemas';\nexport { app, s };",
  ],
  [
    'a root config file importing anything',
    'vite.config.ts',
    "import { defineConfig } from 'vite';\nexport default defineConfig({});",
  ],
];

describe('eslint.config.js layers', () => {
  it.each(forbidden)('reports %s', async (_what, file, code, expected) => {
    const found = await problems(file, code);
    expect(
      found.some((line) => expected.test(line)),
      found.join('\n'),
    ).toBe(true);
  });

  it.each(allowed)('allows %s', async (_what, file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});
