// Only renderer/src/lib/api.ts talks to the bridge: every other way of reaching window.notebook
// (dot, brackets, globalThis, destructuring, an alias of window) is reported.

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);
const BRIDGE = 'notebook';

// Type assertions and `!` don't change which object is in hand.
const WRAPPERS = new Set([
  'TSAsExpression',
  'TSNonNullExpression',
  'TSSatisfiesExpression',
  'TSTypeAssertion',
  'ChainExpression',
]);

function keyOf(node, computed) {
  if (node.type === 'Literal') return String(node.value);
  if (!computed) return node.type === 'Identifier' ? node.name : null;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
    return node.quasis[0].value.cooked;
  return undefined; // computed at run time: could be anything, the bridge included
}

/** @type {import('eslint').Rule.RuleModule} */
export const noWindowNotebook = {
  meta: {
    type: 'problem',
    docs: { description: 'Only renderer/src/lib/api.ts touches window.notebook.' },
    schema: [],
    messages: {
      bridge: 'Only renderer/src/lib/api.ts touches window.notebook: call its functions instead.',
      computed:
        'A computed key on the global object could reach window.notebook: name the property.',
    },
  },
  create(context) {
    const { sourceCode } = context;
    const seen = new Set();

    /** `expr` evaluates to the global object: look at what is done with it. */
    function inspect(expr) {
      let node = expr;
      while (WRAPPERS.has(node.parent?.type)) node = node.parent;
      const { parent } = node;
      if (!parent) return;
      if (parent.type === 'MemberExpression' && parent.object === node) {
        const key = keyOf(parent.property, parent.computed);
        if (key === BRIDGE) context.report({ node: parent, messageId: 'bridge' });
        else if (key === undefined) context.report({ node: parent, messageId: 'computed' });
        else if (GLOBAL_OBJECTS.has(key)) inspect(parent); // window.window, globalThis.self
      } else if (parent.type === 'VariableDeclarator' && parent.init === node) {
        if (parent.id.type === 'ObjectPattern') checkPattern(parent.id);
        else if (parent.id.type === 'Identifier') followAlias(parent);
      } else if (parent.type === 'AssignmentExpression' && parent.right === node) {
        if (parent.left.type === 'ObjectPattern') checkPattern(parent.left);
      } else if (parent.type === 'BinaryExpression' && parent.operator === 'in') {
        if (parent.right === node && keyOf(parent.left, true) === BRIDGE)
          context.report({ node: parent, messageId: 'bridge' });
      } else if (parent.type === 'CallExpression' && parent.arguments[0] === node) {
        // Reflect.get(window, 'notebook'), Object.getOwnPropertyDescriptor(window, 'notebook')...
        const { callee } = parent;
        const reflective =
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          (callee.object.name === 'Reflect' || callee.object.name === 'Object');
        const key = parent.arguments[1] && keyOf(parent.arguments[1], true);
        if (reflective && key === BRIDGE) context.report({ node: parent, messageId: 'bridge' });
      }
    }

    function checkPattern(pattern) {
      for (const property of pattern.properties) {
        if (property.type === 'RestElement') continue; // `...rest` is checked where it is used
        const key = keyOf(property.key, property.computed);
        if (key === BRIDGE) context.report({ node: property, messageId: 'bridge' });
        else if (key === undefined) context.report({ node: property, messageId: 'computed' });
      }
    }

    // `const w = window; w.notebook` is the same access under another name.
    function followAlias(declarator) {
      for (const variable of sourceCode.getDeclaredVariables(declarator)) {
        if (seen.has(variable)) continue;
        seen.add(variable);
        for (const reference of variable.references) {
          if (reference.isRead()) inspect(reference.identifier);
        }
      }
    }

    return {
      'Program:exit'() {
        // Globals are either declared ones (no definition in the file) or left unresolved.
        const { globalScope } = sourceCode.scopeManager;
        const identifiers = new Set(
          [
            ...globalScope.through,
            ...globalScope.variables.flatMap((variable) =>
              variable.defs.length === 0 ? variable.references : [],
            ),
          ]
            .map((reference) => reference.identifier)
            .filter((identifier) => GLOBAL_OBJECTS.has(identifier.name)),
        );
        for (const identifier of identifiers) inspect(identifier);
      },
    };
  },
};
