// Types for the JavaScript plugin, so the TypeScript tests can import it.
import type { ESLint, Rule } from 'eslint';

declare const plugin: ESLint.Plugin & {
  rules: { layers: Rule.RuleModule; 'no-window-notebook': Rule.RuleModule };
};
export default plugin;
