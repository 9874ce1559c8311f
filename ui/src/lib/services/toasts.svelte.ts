// Short messages at the bottom of the window: confirmations and errors from commands.

export type ToastKind = 'info' | 'success' | 'error';

export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

export class Toasts {
  items = $state<Toast[]>([]);
  private next = 1;

  constructor(private readonly lifetimeMs = 5000) {}

  show(text: string, kind: ToastKind = 'info'): number {
    const id = this.next++;
    this.items.push({ id, kind, text });
    // Errors stay until dismissed: the user may need to read them twice.
    if (kind !== 'error') setTimeout(() => this.dismiss(id), this.lifetimeMs);
    return id;
  }

  dismiss(id: number): void {
    this.items = this.items.filter((t) => t.id !== id);
  }
}
