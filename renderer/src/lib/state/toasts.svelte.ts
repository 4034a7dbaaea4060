// Short messages to the analyst: confirmations, errors (announced to screen readers), and undo.
import { messageOf } from '../api';

export interface Toast {
  id: number;
  kind: 'info' | 'error';
  message: string;
  action?: { label: string; run: () => void };
  /** A toast of the same key takes this one's place (one "Undone: …" for a run of undos). */
  key?: string;
}

class Toasts {
  items = $state<Toast[]>([]);
  #next = 1;

  show(
    message: string,
    options: { kind?: Toast['kind']; action?: Toast['action']; ms?: number; key?: string } = {},
  ) {
    const toast: Toast = {
      id: this.#next++,
      kind: options.kind ?? 'info',
      message,
      action: options.action,
      key: options.key,
    };
    const others = this.items.filter((t) => toast.key === undefined || t.key !== toast.key);
    this.items = [...others.slice(-3), toast];
    const ms = options.ms ?? (toast.kind === 'error' ? 12_000 : toast.action ? 10_000 : 4_000);
    setTimeout(() => this.dismiss(toast.id), ms);
    return toast.id;
  }

  error(error: unknown) {
    return this.show(messageOf(error), { kind: 'error' });
  }

  dismiss(id: number) {
    this.items = this.items.filter((t) => t.id !== id);
  }
}

export const toasts = new Toasts();
