// What the analyst is told when the window itself fails after the notebook opened: its page
// didn't load, or its renderer process went away. Without this the window would stay blank (or
// never show), with the reason only on stderr.

/** Chromium's net error for a load that was replaced by another (a reload): no failure. */
const ABORTED = -3;

export type WindowFailure =
  | { kind: 'load'; errorCode: number; description: string; url: string; mainFrame: boolean }
  | { kind: 'gone'; reason: string; exitCode: number };

export interface WindowFailureWords {
  title: string;
  message: string;
  detail: string;
  /** Reload first (the default), then Quit. */
  buttons: ['Reload', 'Quit'];
}

/** The words, or undefined when it is no failure worth a dialog. */
export function wordWindowFailure(failure: WindowFailure): WindowFailureWords | undefined {
  const saved = 'Everything saved is safe in the notebook folder; reload the window to go on.';
  if (failure.kind === 'load') {
    if (!failure.mainFrame || failure.errorCode === ABORTED) return undefined;
    return {
      title: 'Research Notebook could not show its window',
      message: 'The window could not be loaded.',
      detail: `${failure.description || 'Unknown error'} (${failure.errorCode}) loading ${failure.url}.\n\n${saved}`,
      buttons: ['Reload', 'Quit'],
    };
  }
  if (failure.reason === 'clean-exit') return undefined;
  return {
    title: 'Research Notebook’s window stopped',
    message: `The window stopped unexpectedly (${failure.reason}, exit code ${failure.exitCode}).`,
    detail: `Changes not yet saved in an open editor are lost. ${saved}`,
    buttons: ['Reload', 'Quit'],
  };
}
