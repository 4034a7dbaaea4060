// What the window shows: the side panel's tab, which dialog is open, and whether the library
// drawer is out (in a narrow window the library overlays the reader instead of squeezing it).
export const PANEL_TABS = ['annotations', 'review', 'memo', 'codebook', 'search'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

export type DialogName = 'paste' | 'export' | 'help' | 'details' | 'import-preview' | 'confirm';

/** A question for the analyst, answered in the app's own dialog (never the browser's). */
export interface Question {
  title: string;
  message: string;
  /** The button that goes ahead ("Delete", "Discard"). */
  confirm: string;
  /** The button that keeps things as they are ("Keep editing"); "Cancel" by default. */
  cancel?: string;
  /** The going-ahead button is drawn as dangerous (it deletes or throws away). */
  danger?: boolean;
}

/** Below this width the library becomes a drawer (the reader keeps room to read). */
export const NARROW_WIDTH = 1100;

/**
 * What the main area shows: the open article, the analysis of the whole coding, or the coders'
 * agreement and the adjudication of their disagreements.
 */
export type MainView = 'reader' | 'analysis' | 'agreement' | 'adjudication';

class Ui {
  tab = $state<PanelTab>('annotations');
  view = $state<MainView>('reader');
  dialog = $state<DialogName | null>(null);
  libraryOpen = $state(false);
  narrow = $state(false);

  /** Tracks the window's width; returns the unsubscribe. */
  watchWidth(): () => void {
    const query = window.matchMedia(`(max-width: ${NARROW_WIDTH - 0.02}px)`);
    const update = () => {
      this.narrow = query.matches;
      if (!this.narrow) this.libraryOpen = false;
    };
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }

  question = $state.raw<(Question & { answer: (yes: boolean) => void }) | null>(null);

  /** Asks in the app's confirm dialog; resolves true when the analyst goes ahead. */
  ask(question: Question): Promise<boolean> {
    this.question?.answer(false);
    return new Promise((resolve) => {
      this.question = { ...question, answer: resolve };
      this.dialog = 'confirm';
    });
  }

  /** The confirm dialog's buttons (and Esc, which is "no"). */
  answer(yes: boolean) {
    const question = this.question;
    this.question = null;
    this.close('confirm');
    question?.answer(yes);
  }

  open(dialog: DialogName) {
    this.dialog = dialog;
  }

  close(dialog: DialogName) {
    if (this.dialog === dialog) this.dialog = null;
  }
}

export const ui = new Ui();
