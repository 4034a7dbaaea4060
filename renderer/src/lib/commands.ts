// What each command of the one table (electron/shared/commands.ts) does in the window, and the
// one keydown handler that runs them. The native menu, the shortcuts, the buttons and the help
// dialog all go through runCommand, and every key label comes from keysOf.
import {
  COMMANDS,
  isSingleKey,
  keyLabel,
  matchesKey,
  menuKey,
  type CommandId,
  type KeySpec,
} from '../../../electron/shared/commands';
import { hasNativeMenu } from './api';
import { annotationImport } from './flows/annotation-import.svelte';
import { projectImport } from './flows/project-import.svelte';
import { mergeFlow } from '../components/merge/merge-flow.svelte';
import { reportFlow } from './flows/export-report.svelte';
import { imports } from './flows/imports.svelte';
import { analysts } from './state/analyst.svelte';
import { annotations } from './state/annotations.svelte';
import { openArticle } from './state/article.svelte';
import { toasts } from './state/toasts.svelte';
import { ui } from './state/ui.svelte';
import { undo } from './state/undo.svelte';

export const isMac =
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl+E" or "⌘E": the label of a key as this platform writes it. */
export const label = (spec: KeySpec) => keyLabel(spec, isMac);

/** The labels of a command's keys ("]" and "Alt+↓"), the first being the main one. */
export const keysOf = (id: CommandId): string[] => COMMANDS[id].keys.map(label);

/** A button's tooltip: the command's description with its main key, "Export notes (Ctrl+E)". */
export function titleOf(id: CommandId, text: string = COMMANDS[id].description): string {
  const key = keysOf(id)[0];
  return key ? `${text} (${key})` : text;
}

interface Runtime {
  run: () => void | Promise<unknown>;
  /** Also while typing in a field (only commands with a modifier key ever are). */
  inFields?: boolean;
}

function focusSearch() {
  ui.tab = 'annotations';
  // The panel renders the search box when its tab shows; wait for that.
  requestAnimationFrame(() => document.getElementById('annotation-search')?.focus());
}

const RUNTIME: Record<CommandId, Runtime> = {
  'import-file': { run: () => imports.pickAndImport(), inFields: true },
  'import-folder': { run: () => imports.pickFolderAndImport(), inFields: true },
  'paste-text': { run: () => ui.open('paste') },
  'import-annotations': { run: () => annotationImport.start(), inFields: true },
  'import-project': { run: () => projectImport.start(), inFields: true },
  'merge-notebook': { run: () => mergeFlow.start(), inFields: true },
  export: { run: () => ui.open('export'), inFields: true },
  report: { run: () => reportFlow.start(), inFields: true },
  settings: {
    run: () => {
      // Not over the first-run question (Electron's menu sends its command even then): that
      // names who is coding first, and Settings would only ask the same.
      if (!analysts.needsName) analysts.settingsOpen = true;
    },
  },
  annotate: {
    run: () => {
      if (annotations.startNew()) ui.tab = 'annotations';
      else toasts.show('Select a passage in the article first.');
    },
  },
  'next-annotation': { run: () => step(1) },
  'previous-annotation': { run: () => step(-1) },
  'edit-annotation': {
    run: () => {
      ui.tab = 'annotations';
      if (!annotations.editActive()) {
        toasts.show(
          `Choose an annotation first (${keysOf('next-annotation')[0]} goes to the next).`,
        );
      }
    },
  },
  search: { run: focusSearch, inFields: true },
  'search-everything': {
    run: () => {
      ui.tab = 'search';
      requestAnimationFrame(() => document.getElementById('search-everything')?.focus());
    },
    inFields: true,
  },
  analysis: {
    run: () => {
      ui.view = ui.view === 'analysis' ? 'reader' : 'analysis';
    },
    inFields: true,
  },
  agreement: {
    run: () => {
      ui.view = ui.view === 'agreement' ? 'reader' : 'agreement';
    },
    inFields: true,
  },
  adjudication: {
    run: () => {
      ui.view = ui.view === 'adjudication' ? 'agreement' : 'adjudication';
    },
    inFields: true,
  },
  undo: {
    run: () => {
      // From the native menu while typing: the field's own undo.
      if (isTyping(document.activeElement)) document.execCommand('undo');
      else void undo.undo();
    },
  },
  redo: {
    run: () => {
      if (isTyping(document.activeElement)) document.execCommand('redo');
      else void undo.redo();
    },
  },
  'edit-details': {
    run: () => {
      if (openArticle.article) ui.open('details');
    },
  },
  'toggle-library': {
    run: () => {
      if (ui.narrow) ui.libraryOpen = !ui.libraryOpen;
      else document.querySelector<HTMLElement>('[aria-label="Articles"] button')?.focus();
    },
    inFields: true,
  },
  help: { run: () => ui.open('help') },
};

function step(direction: 1 | -1) {
  ui.tab = 'annotations';
  annotations.step(direction);
}

export function runCommand(id: CommandId) {
  try {
    const result = RUNTIME[id].run();
    if (result instanceof Promise) result.catch((error: unknown) => toasts.error(error));
  } catch (error) {
    toasts.error(error);
  }
}

/** A field, text area, select or contenteditable: where keys are typing, not commands. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'color', 'file', 'submit', 'reset'].includes(
      target.type,
    );
  }
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** Enter means "activate" on buttons, links, tabs and options; as a command only elsewhere. */
const INTERACTIVE =
  'button, a[href], input, textarea, select, summary, [role="tab"], [role="option"], [role="button"], [contenteditable]';

function allowed(id: CommandId, spec: KeySpec, target: EventTarget | null): boolean {
  // A modal dialog is open: its own keys only. (Asked of the page, not of ui.dialog: the dialog
  // closes at once on Esc, its close event, which updates the state, comes a moment later.)
  if (document.querySelector('dialog:modal')) return false;
  // Electron's menu has this key and sends the command itself.
  if (hasNativeMenu() && menuKey(id) === spec) return false;
  if (isTyping(target)) return !isSingleKey(spec) && RUNTIME[id].inFields === true;
  if (spec === 'Enter') return !(target instanceof Element && target.closest(INTERACTIVE));
  return true;
}

/** The window's keydown handler: runs the first command whose key this is, where it may run. */
export function handleKeydown(event: KeyboardEvent) {
  if (event.defaultPrevented || event.isComposing) return;
  for (const id of Object.keys(COMMANDS) as CommandId[]) {
    const spec = COMMANDS[id].keys.find((key) => matchesKey(key, event, isMac));
    if (spec === undefined) continue;
    if (!allowed(id, spec, event.target)) return;
    event.preventDefault();
    runCommand(id);
    return;
  }
}
