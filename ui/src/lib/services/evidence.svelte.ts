// The open persona's evidence: every field with what backs it, its flags (assumption,
// weak, stale) and the coverage score, read from the app's evidence report; manual
// sources added and evidence removed from the editor.
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

export class EvidencePanel {
  report = $state<EvidenceReport | null>(null);
  error = $state<ErrorBody | null>(null);
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
