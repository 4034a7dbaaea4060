// Tiny matchers for the layer rule's allow-lists: repo-path globs and package-name patterns.

const SCRIPT_EXTENSION = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const cache = new Map();

/** `**` any depth, `*` and `?` within one segment, `{a,b}` alternatives; `dir/**` includes `dir`. */
export function globToRegExp(glob) {
  let regExp = cache.get(glob);
  if (regExp) return regExp;
  // A folder import (`./store`, its index) resolves to the folder itself, so `store/**` covers it.
  const folder = glob.endsWith('/**');
  const body = folder ? glob.slice(0, -3) : glob;
  const source = body.replace(
    /\*\*\/|\*\*|\*|\?|\{([^}]*)\}|[.+^$()|[\]\\{}]/g,
    (token, alternatives) => {
      if (token === '**/') return '(?:.*/)?';
      if (token === '**') return '.*';
      if (token === '*') return '[^/]*';
      if (token === '?') return '[^/]';
      if (alternatives !== undefined) return `(?:${alternatives.split(',').map(escape).join('|')})`;
      return `\\${token}`;
    },
  );
  regExp = new RegExp(`^${source}${folder ? '(?:/.*)?' : ''}$`);
  cache.set(glob, regExp);
  return regExp;
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Drops a script extension and a trailing /index: `./model.js` and `./model` are one module. */
export function moduleId(path) {
  return path.replace(SCRIPT_EXTENSION, '').replace(/(?:^|\/)index$/, '') || '.';
}

/** A repo path against one glob; `a/b.ts` also names the module `a/b` however it is imported. */
export function matchesPath(pattern, path) {
  if (globToRegExp(pattern).test(path)) return true;
  return !/[*?{]/.test(pattern) && moduleId(pattern) === moduleId(path);
}

/** `*` any npm package, `@scope/*` a scope, `node:*` any built-in; otherwise the exact name. */
export function matchesPackage(pattern, name) {
  // Built-ins and npm packages are separate namespaces: `*` never lets `node:fs` in by accident.
  if (pattern.startsWith('node:') !== name.startsWith('node:')) return false;
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

/** Allowed when some entry matches and no `!entry` does. */
export function allowedBy(patterns = [], subject, matches) {
  let allowed = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matches(pattern.slice(1), subject)) return false;
    } else if (!allowed && matches(pattern, subject)) allowed = true;
  }
  return allowed;
}
