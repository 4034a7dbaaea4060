// The layer rule's mechanics, on a small made-up set of layers: every kind of module reference
// is seen, resolved and checked, and whatever is not allowed fails.
import { RuleTester } from 'eslint';
import ts from 'typescript-eslint';
import { describe, it } from 'vitest';
import plugin from '../../../scripts/eslint/plugin.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = '/repo';
const options = [
  {
    root,
    layers: [
      { name: 'pure', files: ['lib/pure/**'], paths: ['lib/pure/**'] },
      { name: 'exact', files: ['lib/one.ts'], paths: ['lib/pure/only', 'lib/two.ts'] },
      {
        name: 'lib',
        files: ['lib/**'],
        paths: ['lib/**', '!lib/secret/**'],
        typeOnlyPaths: ['lib/secret/types'],
        packages: ['node:*', '*', '!banned', '!@banned/*'],
      },
      { name: 'ui', files: ['ui/**'], paths: ['ui/**'], packages: ['svelte'] },
      { name: 'free', files: ['tools/**', '*.config.js'], any: true },
    ],
  },
];
const at = (file: string) => `${root}/${file}`;
const tester = new RuleTester({ languageOptions: { parser: ts.parser } });

const valid = (code: string, file: string) => ({ code, filename: at(file), options });
const invalid = (code: string, file: string, ...messageIds: string[]) => ({
  code,
  filename: at(file),
  options,
  errors: messageIds.map((messageId) => ({ messageId })),
});

tester.run('local/layers', plugin.rules.layers, {
  valid: [
    valid("import { a } from './a';", 'lib/pure/b.ts'),
    valid("import { a } from '../pure/a.js';", 'lib/pure/deep/b.ts'),
    valid("import x from '.';", 'lib/pure/b.ts'),
    valid("export * from './a';", 'lib/pure/b.ts'),
    valid("export { a } from './a';", 'lib/pure/b.ts'),
    valid("const a = await import('./a');", 'lib/pure/b.ts'),
    valid('const a = await import(`./a`);', 'lib/pure/b.ts'),
    // Exact modules, named with or without extension, however they are spelled.
    valid("import { a } from './pure/only';", 'lib/one.ts'),
    valid("import { a } from './pure/only/index';", 'lib/one.ts'),
    valid("import { a } from './two.js';", 'lib/one.ts'),
    // A folder import resolves to its index, and dir/** covers it.
    valid("import { a } from './pure';", 'lib/c.ts'),
    valid("import { readFile } from 'node:fs/promises';", 'lib/c.ts'),
    valid("import { join } from 'path';", 'lib/c.ts'),
    valid("import { z } from 'zod';", 'lib/c.ts'),
    valid("import x from '@scope/pkg/sub';", 'lib/c.ts'),
    valid("const z = require('zod');", 'lib/c.ts'),
    valid("const p = require.resolve('zod');", 'lib/c.ts'),
    valid("import fs = require('node:fs');", 'lib/c.ts'),
    valid("import type { T } from './secret/types';", 'lib/c.ts'),
    valid("export type { T } from './secret/types';", 'lib/c.ts'),
    valid("type T = import('./secret/types').T;", 'lib/c.ts'),
    valid("const w = new URL('./worker.js', import.meta.url);", 'lib/c.ts'),
    valid("const w = new URL('worker.js', import.meta.url);", 'lib/c.ts'),
    valid("const u = new URL('https://example.org/', import.meta.url);", 'lib/c.ts'),
    valid("import { mount } from 'svelte';", 'ui/main.ts'),
    valid("import { writable } from 'svelte/store';", 'ui/main.ts'),
    valid("import './styles/global.css';", 'ui/main.ts'),
    valid("import './icon.svg?url';", 'ui/main.ts'),
    valid("import anything from '../lib/secret/x'; require(name); import(name);", 'tools/x.ts'),
    valid("import anything from 'electron';", 'vite.config.js'),
    // A file with no module references needs no layer.
    valid('export const x = 1;', 'elsewhere/x.ts'),
  ],
  invalid: [
    invalid("import { a } from '../c';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("import fs from 'node:fs';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("import fs from 'fs';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("import 'zod';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("import type { Z } from 'zod';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("export * from '../c';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("export { c } from '../c';", 'lib/pure/b.ts', 'notAllowed'),
    invalid("const c = await import('../c');", 'lib/pure/b.ts', 'notAllowed'),
    invalid("const c = require('../c');", 'lib/pure/b.ts', 'notAllowed'),
    invalid("import c = require('../c');", 'lib/pure/b.ts', 'notAllowed'),
    invalid("type C = import('../c').C;", 'lib/pure/b.ts', 'notAllowed'),
    invalid("const u = new URL('../c.js', import.meta.url);", 'lib/pure/b.ts', 'notAllowed'),
    invalid("const p = import.meta.resolve('../c');", 'lib/pure/b.ts', 'notAllowed'),
    // An exact module is not its folder.
    invalid("import { a } from './pure/other';", 'lib/one.ts', 'notAllowed'),
    invalid("import { a } from './two/deeper';", 'lib/one.ts', 'notAllowed'),
    // `!` takes a folder or package back out of a wider allowance.
    invalid("import s from './secret/key';", 'lib/c.ts', 'notAllowed'),
    invalid("import s from './secret';", 'lib/c.ts', 'notAllowed'),
    invalid("import b from 'banned';", 'lib/c.ts', 'notAllowed'),
    invalid("import b from 'banned/sub';", 'lib/c.ts', 'notAllowed'),
    invalid("import b from '@banned/x';", 'lib/c.ts', 'notAllowed'),
    // Type-only paths: `import { type T }` still loads the module, so it is not type-only.
    invalid("import { T } from './secret/types';", 'lib/c.ts', 'typeOnly'),
    invalid("import { type T } from './secret/types';", 'lib/c.ts', 'typeOnly'),
    invalid("import './secret/types';", 'lib/c.ts', 'typeOnly'),
    invalid("export { type T } from './secret/types';", 'lib/c.ts', 'typeOnly'),
    invalid("export * from './secret/types';", 'lib/c.ts', 'typeOnly'),
    invalid("const t = await import('./secret/types');", 'lib/c.ts', 'typeOnly'),
    // What can't be placed fails rather than slipping through.
    invalid('const m = await import(name);', 'lib/c.ts', 'computed'),
    invalid('const m = await import(`./${name}`);', 'lib/c.ts', 'computed'),
    invalid('const m = require(name);', 'lib/c.ts', 'computed'),
    invalid('const u = new URL(name, import.meta.url);', 'lib/c.ts', 'computed'),
    invalid("import x from '/abs/path';", 'lib/c.ts', 'unknown'),
    invalid("import x from '../../outside';", 'lib/c.ts', 'unknown'),
    invalid("import x from '#internal';", 'lib/c.ts', 'unknown'),
    invalid("import x from 'https://cdn.example/x.js';", 'lib/c.ts', 'unknown'),
    invalid("import x from 'virtual:thing';", 'lib/c.ts', 'unknown'),
    invalid("import x from '.\\\\a';", 'lib/c.ts', 'unknown'),
    invalid("import x from 'zod'; import y from './y';", 'elsewhere/x.ts', 'noLayer', 'noLayer'),
    invalid("import { x } from '../lib/c';", 'ui/main.ts', 'notAllowed'),
  ],
});
