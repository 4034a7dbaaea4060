// Every spelling of window.notebook outside lib/api.ts is reported; other globals are not.
import { RuleTester } from 'eslint';
import globals from 'globals';
import ts from 'typescript-eslint';
import { describe, it } from 'vitest';
import plugin from '../../../scripts/eslint/plugin.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const rule = plugin.rules['no-window-notebook'];
const declared = new RuleTester({
  languageOptions: { parser: ts.parser, globals: { ...globals.browser } },
});
// Without declared globals, window is an unresolved reference: still the global object.
const undeclared = new RuleTester({ languageOptions: { parser: ts.parser } });

const bridge = (code: string, count = 1) => ({
  code,
  errors: Array.from({ length: count }, () => ({ messageId: 'bridge' })),
});
const computed = (code: string) => ({ code, errors: [{ messageId: 'computed' }] });

const cases = {
  valid: [
    'window.addEventListener("keydown", () => {});',
    'const { innerWidth } = window;',
    'globalThis.setTimeout(() => {}, 1);',
    'const notebook = api.notebook;',
    'const { notebook } = props;',
    'window["localStorage"].getItem("x");',
    'window[`document`].title;',
    // A local named window is not the global one.
    'function f(window: { notebook: 1 }) { return window.notebook; }',
    'const self = { notebook: 1 }; self.notebook;',
    // Types describe the bridge without touching it.
    'type Bridge = typeof window.notebook;',
    'declare global { interface Window { notebook?: unknown } }',
  ],
  invalid: [
    bridge('window.notebook.listArticles();'),
    bridge('window.notebook?.listArticles();'),
    bridge('window?.notebook;'),
    bridge("window['notebook'];"),
    bridge('window["notebook"].x;'),
    bridge('window[`notebook`];'),
    bridge('globalThis.notebook;'),
    bridge('self.notebook;'),
    bridge('window.window.notebook;'),
    bridge('globalThis.window.notebook;'),
    bridge('(window as any).notebook;'),
    bridge('window!.notebook;'),
    bridge('const { notebook } = window;'),
    bridge('const { notebook: api } = globalThis;'),
    bridge("const { 'notebook': api } = window;"),
    bridge("const { ['notebook']: api } = window;"),
    bridge('let api; ({ notebook: api } = window);'),
    bridge('const { notebook } = window as Window;'),
    bridge('const w = window; w.notebook.x();'),
    bridge('const w = window; const v = w; const { notebook } = v;'),
    bridge("if ('notebook' in window) {}"),
    bridge("Reflect.get(window, 'notebook');"),
    bridge("Object.getOwnPropertyDescriptor(globalThis, 'notebook');"),
    bridge('function f() { return window.notebook; }'),
    bridge('window.notebook; globalThis.notebook;', 2),
    computed('window[key];'),
    computed('const { [key]: value } = window;'),
  ],
};

declared.run('local/no-window-notebook (declared globals)', rule, cases);
undeclared.run('local/no-window-notebook (undeclared globals)', rule, cases);
