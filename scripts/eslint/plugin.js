// The repo's own ESLint rules, registered in eslint.config.js as the `local` plugin.
import { layers } from './layers.js';
import { noWindowNotebook } from './no-window-notebook.js';

export default {
  meta: { name: 'local' },
  rules: { layers, 'no-window-notebook': noWindowNotebook },
};
