// The open persona's evidence: every field with what backs it, its flags (assumption,
// weak, stale) and the coverage score, read from the app's evidence report; manual
// sources added and evidence removed from the editor.
import { tick } from 'svelte';
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { EvidenceReport } from '../bindings/EvidenceReport';

export interface ManualSource {
  name: string;
  /** YYYY-MM-DD, or empty. */
  date: string;
  url: string;
  note: string;
}

/** What a module's marker on the sheet says: how many sources back its fields. */
export interface ModuleEvidence {
  /** Pieces of evidence over all the module's fields. */
  count: number;
  /** Some of it is weak or stale. */
  warn: boolean;
  /** The first evidenced field, which the marker opens in the panel. */
  first: string;
}

/** Whether a field (`goals/2`, `quote`…) belongs to the module `id` (the header holds archetype and quote). */
export function fieldOfModule(field: string, id: string, header: boolean): boolean {
  if (header) return field === 'archetype' || field === 'quote' || field === id;
  return field === id || field.startsWith(`${id}/`);
}

export class EvidencePanel {
  report = $state<EvidenceReport | null>(null);
  error = $state<ErrorBody | null>(null);
  /** The field open in the panel, if any. */
  open = $state<string | null>(null);
  private seq = 0;

  constructor(
    private readonly backend: Backend,
    private readonly persona: string,
    private readonly staleAfterDays: () => number,
  ) {}

  async load(): Promise<void> {
    const mine = ++this.seq;
    try {
      const report = await this.backend.evidenceReport(this.persona, this.staleAfterDays());
      if (mine === this.seq) {
        this.report = report;
        this.error = null;
      }
    } catch (e) {
      if (mine === this.seq) this.error = toErrorBody(e);
    }
  }

  /** The marker of module `id` on the sheet; null when none of its fields has evidence. */
  forModule(id: string, header: boolean): ModuleEvidence | null {
    const fields = (this.report?.fields ?? []).filter((f) => f.evidence.length > 0 && fieldOfModule(f.field, id, header));
    const first = fields[0];
    if (!first) return null;
    return {
      count: fields.reduce((n, f) => n + f.evidence.length, 0),
      warn: fields.some((f) => f.flags.includes('weak') || f.flags.includes('stale')),
      first: first.field,
    };
  }

  /** Opens `field` in the panel and brings it into view with the keyboard focus on it. */
  async reveal(field: string): Promise<void> {
    this.open = field;
    await tick();
    const row = document.querySelector<HTMLElement>(`[data-testid="evidence-field"][data-field="${CSS.escape(field)}"]`);
    row?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    row?.querySelector<HTMLElement>('button.toggle')?.focus({ preventScroll: true });
  }

  /** Adds an interview note, analytics figure or report to a field; rejects with an `ErrorBody`. */
  async addManual(field: string, source: ManualSource): Promise<void> {
    await this.backend.addEvidence(this.persona, field, {
      from: 'manual',
      name: source.name.trim(),
      date: source.date === '' ? null : source.date,
      url: source.url.trim() === '' ? null : source.url.trim(),
      note: source.note.trim(),
    });
    await this.load();
  }

  async remove(evidence: string): Promise<void> {
    try {
      await this.backend.removeEvidence(this.persona, evidence);
    } catch (e) {
      this.error = toErrorBody(e);
    }
    await this.load();
  }
}
