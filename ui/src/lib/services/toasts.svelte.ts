// Short messages at the bottom of the window: confirmations and errors from commands.

export type ToastKind = 'info' | 'success' | 'error';

/** A button on a toast, such as "Undo". */
export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
  action?: ToastAction;
}

export class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  constructor(private readonly lifetimeMs = 5000) {}

  show(text: string, kind: ToastKind = 'info', action?: ToastAction): number {
    const id = this.next++;
    this.items.push(action ? { id, kind, text, action } : { id, kind, text });
    // Errors stay until dismissed: the user may need to read them twice.
    if (kind !== 'error') setTimeout(() => this.dismiss(id), this.lifetimeMs);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
