// The layer rule: each file belongs to the first layer whose `files` match it, and may import
// only what that layer allows. An allow-list, so a new kind of reference fails until it is named.
import { relative, sep } from 'node:path';
import { allowedBy, matchesPackage, matchesPath } from './glob.js';
import { moduleReferenceVisitors, resolveSpecifier } from './module-refs.js';

const patterns = { type: 'array', items: { type: 'string' } };

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only the folders and packages its layer allows.' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          layers: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                name: { type: 'string' },
                files: patterns,
                paths: patterns,
                typeOnlyPaths: patterns,
                packages: patterns,
                any: { type: 'boolean' },
              },
              required: ['name', 'files'],
              additionalProperties: false,
            },
          },
        },
        required: ['layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      notAllowed:
        "{{layer}} may not import '{{specifier}}'{{resolved}}. It may import: {{allowed}}.",
      typeOnly:
        "{{layer}} may import '{{specifier}}' only with `import type` / `export type`: nothing of it may load at run time.",
      computed:
        '{{layer}} may not name a module computed at run time: the layer rule cannot check it.',
      unknown: "{{layer}} may not import '{{specifier}}': {{reason}}.",
      noLayer:
        "'{{file}}' belongs to no layer, so it may import nothing: give its folder an allow-list in eslint.config.js.",
    },
  },
  create(context) {
    const { root = context.cwd, layers: all } = context.options[0] ?? { layers: [] };
    const file = relative(root, context.filename).split(sep).join('/');
    const layer = all.find((candidate) => candidate.files.some((glob) => matchesPath(glob, file)));
    if (layer?.any) return {};

    return moduleReferenceVisitors(({ node, specifier, typeOnly }) => {
      if (!layer) return context.report({ node, messageId: 'noLayer', data: { file } });
      const data = { layer: layer.name, specifier };
      if (specifier === null) return context.report({ node, messageId: 'computed', data });
      const target = resolveSpecifier(specifier, file);
      if (target.kind === 'unknown')
        return context.report({
          node,
          messageId: 'unknown',
          data: { ...data, reason: target.reason },
        });
      if (target.kind === 'package') {
        if (allowedBy(layer.packages, target.name, matchesPackage)) return;
      } else {
        if (allowedBy(layer.paths, target.path, matchesPath)) return;
        if (allowedBy(layer.typeOnlyPaths, target.path, matchesPath)) {
          if (!typeOnly) context.report({ node, messageId: 'typeOnly', data });
          return;
        }
      }
      const name = target.kind === 'package' ? target.name : target.path;
      context.report({
        node,
        messageId: 'notAllowed',
        data: {
          ...data,
          resolved: name === specifier ? '' : ` (${name})`,
          allowed: describe(layer),
        },
      });
    });
  },
};

function describe(layer) {
  const types = (layer.typeOnlyPaths ?? []).map((path) => `${path} (types only)`);
  const all = [...(layer.paths ?? []), ...types, ...(layer.packages ?? [])];
  return all.length ? all.join(', ') : 'nothing';
}
