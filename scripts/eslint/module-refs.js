// Every way a file can name another module, and what each name resolves to (a repo path, a
// package or a built-in), so the layer rule sees them all and none slips past it.
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { moduleId } from './glob.js';

const BUILTINS = new Set(builtinModules);

/**
 * What a specifier written in `fromFile` (a repo path) refers to:
 * `{ kind: 'path', path }`, `{ kind: 'package', name }` (built-ins as `node:x`), or
 * `{ kind: 'unknown', reason }` for anything the rule can't place and therefore refuses.
 */
export function resolveSpecifier(specifier, fromFile) {
  if (specifier.startsWith('#')) return unknown('a package.json import map entry');
  // Vite's `?url`, `?raw` and fragments don't change which file is loaded.
  const bare = specifier.replace(/[?#].*$/, '');
  if (bare.includes('\\')) return unknown('a backslash in a module name');
  if (bare === '.' || bare === '..' || bare.startsWith('./') || bare.startsWith('../')) {
    const path = posix.normalize(posix.join(posix.dirname(fromFile), bare));
    if (path === '..' || path.startsWith('../')) return unknown('a path outside the repository');
    return { kind: 'path', path: moduleId(path) };
  }
  if (bare.startsWith('/')) return unknown('an absolute path');
  if (bare.startsWith('node:'))
    return { kind: 'package', name: `node:${bare.slice(5).split('/')[0]}` };
  const name = /^(?:@[^/:]+\/)?[^/:@][^/:]*/.exec(bare)?.[0];
  // Anything with a colon left is a URL or a bundler's virtual module, not a package.
  if (!name || bare.slice(name.length).includes(':'))
    return unknown('not a relative path or a package name');
  const top = name.split('/')[0];
  if (BUILTINS.has(top)) return { kind: 'package', name: `node:${top}` };
  return { kind: 'package', name };
}

const unknown = (reason) => ({ kind: 'unknown', reason });

/** The string a node spells out, or null when it is computed at run time. */
function staticString(node) {
  if (!node) return null;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0].value.cooked;
  if (node.type === 'TSLiteralType') return staticString(node.literal);
  return null;
}

const isImportMeta = (node) =>
  node?.type === 'MetaProperty' && node.meta.name === 'import' && node.property.name === 'meta';

const isImportMetaUrl = (node) =>
  node?.type === 'MemberExpression' &&
  isImportMeta(node.object) &&
  !node.computed &&
  node.property.name === 'url';

/**
 * Visitors that call `report({ node, specifier, typeOnly })` for each module reference;
 * `specifier` is null when it is computed. `typeOnly` means nothing is loaded at run time:
 * `import { type X }` is not type-only, since it still leaves `import 'x'` behind.
 */
export function moduleReferenceVisitors(report) {
  const from = (node, source, typeOnly) =>
    report({ node: source ?? node, specifier: staticString(source), typeOnly });
  return {
    ImportDeclaration: (node) => from(node, node.source, node.importKind === 'type'),
    ExportNamedDeclaration: (node) => {
      if (node.source) from(node, node.source, node.exportKind === 'type');
    },
    ExportAllDeclaration: (node) => from(node, node.source, node.exportKind === 'type'),
    ImportExpression: (node) => from(node, node.source, false),
    // typescript-eslint 8 names the specifier `source`; older versions called it `argument`.
    TSImportType: (node) => from(node, 'source' in node ? node.source : node.argument, true),
    TSExternalModuleReference: (node) =>
      from(node, node.expression, node.parent?.importKind === 'type'),
    CallExpression: (node) => {
      const { callee } = node;
      const isRequire =
        (callee.type === 'Identifier' && callee.name === 'require') ||
        (callee.type === 'MemberExpression' &&
          !callee.computed &&
          ((callee.object.type === 'Identifier' && callee.object.name === 'require') ||
            isImportMeta(callee.object)) &&
          callee.property.name === 'resolve');
      if (isRequire) from(node, node.arguments[0], false);
    },
    // `new URL('./x', import.meta.url)`: a file beside this one, as workers and assets are named.
    NewExpression: (node) => {
      if (node.callee.type !== 'Identifier' || node.callee.name !== 'URL') return;
      if (!isImportMetaUrl(node.arguments[1])) return;
      const text = staticString(node.arguments[0]);
      if (text !== null && /^[a-z][a-z\d+.-]*:/i.test(text)) return; // an absolute URL
      const relative = text === null || /^\.\.?(?:\/|$)|^\//.test(text) ? text : `./${text}`;
      report({ node: node.arguments[0], specifier: relative, typeOnly: false });
    },
  };
}
