// The only module that touches window.notebook (set by the Electron preload or the browser host's
// bridge). Unwraps envelopes: results come back as values, refusals as ApiError with a message
// fit to show the analyst.
import type { CommandId } from '../../../electron/shared/commands';
import type {
  CallError,
  CallInput,
  CallName,
  CallResult,
  ChangeNotice,
  Envelope,
  NotebookBridge,
  OpenedFiles,
  Progress,
} from '../../../electron/shared/contract';

declare global {
  interface Window {
    notebook?: NotebookBridge;
  }
}

export class ApiError extends Error {
  constructor(
    readonly code: CallError['code'],
    message: string,
    /** An import refused because the file is in the notebook already: the article it is. */
    readonly duplicateOf?: CallError['duplicateOf'],
  ) {
    super(message);
  }
}

function bridge(): NotebookBridge {
  if (!window.notebook)
    throw new ApiError('internal', 'The notebook is not connected to its data.');
  return window.notebook;
}

export async function call<K extends CallName>(
  name: K,
  input: CallInput<K>,
): Promise<CallResult<K>> {
  // Indexing the bridge by a generic name gives a union TypeScript can't narrow; each entry does
  // match its own name's signature.
  const method = bridge()[name] as unknown as (
    input: CallInput<K>,
  ) => Promise<Envelope<CallResult<K>>>;
  const envelope = await method(input);
  if (!envelope.ok) {
    const { code, message, duplicateOf } = envelope.error;
    throw new ApiError(code, message, duplicateOf);
  }
  return envelope.value;
}

export function onMenuCommand(listener: (command: CommandId) => void): () => void {
  return window.notebook?.onMenuCommand(listener) ?? (() => {});
}

/** The core's "changed" event: what every commit changed, whoever made it. */
export function onChanged(listener: (notice: ChangeNotice) => void): () => void {
  return window.notebook?.onChanged(listener) ?? (() => {});
}

/** Progress of long work in the core (a project import), for a bar. */
export function onProgress(listener: (progress: Progress) => void): () => void {
  return window.notebook?.onProgress(listener) ?? (() => {});
}

/** Files the OS opened with the app (Electron only). */
export function onOpenFiles(listener: (opened: OpenedFiles) => void): () => void {
  return window.notebook?.onOpenFiles?.(listener) ?? (() => {});
}

/** A file the window imported, for the OS's recent documents (Electron only). */
export function addRecentFile(file: File) {
  window.notebook?.addRecentFile?.(file);
}

/** Whether a native menu owns the menu commands' keys (Electron). */
export const hasNativeMenu = () => window.notebook?.nativeMenu === true;

export const messageOf = (error: unknown) =>
  error instanceof Error ? error.message : 'Something went wrong.';
