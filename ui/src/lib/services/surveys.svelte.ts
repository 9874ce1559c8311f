// The surveys screen of a project: its datasets, the explorer of one (every question
// profiled, within a segment when one is built), two segments side by side, and
// evidence attached from a chart to a persona's field.
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { DatasetProfile } from '../bindings/DatasetProfile';
import type { DatasetSummary } from '../bindings/DatasetSummary';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { EvidenceSpec } from '../bindings/EvidenceSpec';
import type { FieldReport } from '../bindings/FieldReport';
import type { SegmentComparison } from '../bindings/SegmentComparison';
import type { SegmentCondition } from '../bindings/SegmentCondition';
import type { SegmentFilter } from '../bindings/SegmentFilter';
import { t } from '../i18n';
import { segmentName } from '../model/segments';

const words = () => ({ or: t('segment.or'), answered: t('segment.answered'), not: t('segment.not') });

export class SurveysController {
  /** The project's name (datasets name their project by name). */
  project = $state<{ id: string; name: string } | null>(null);
  datasets = $state<DatasetSummary[]>([]);
  state = $state<'loading' | 'ready' | 'error'>('loading');
  error = $state<ErrorBody | null>(null);
  selected = $state<string | null>(null);
  profile = $state<DatasetProfile | null>(null);
  /** The segment the explorer shows: every condition must hold. */
  conditions = $state<SegmentCondition[]>([]);
  /** Personal-data questions are hidden unless asked for. */
  showPersonal = $state(false);
  /** Two segments side by side, when the comparison is open. */
  comparison = $state<SegmentComparison | null>(null);
  private seq = 0;

  constructor(private readonly backend: Backend) {}

  /** The segment in force, or null for every respondent. */
  get segment(): SegmentFilter | null {
    const conditions = $state.snapshot(this.conditions) as SegmentCondition[];
    if (conditions.length === 0) return null;
    return { name: segmentName(conditions, this.profile, words()), conditions };
  }

  async load(project: { id: string; name: string }): Promise<void> {
    this.project = project;
    this.state = 'loading';
    try {
      const all = await this.backend.listDatasets();
      this.datasets = all.filter((d) => d.project === project.name);
      this.state = 'ready';
      const keep = this.datasets.some((d) => d.id === this.selected);
      const first = this.datasets[0]?.id ?? null;
      await this.select(keep ? this.selected : first);
    } catch (e) {
      this.error = toErrorBody(e);
      this.state = 'error';
    }
  }

  /** Deletes a dataset (its answers; evidence keeps its figures) and lists the rest. */
  async remove(id: string): Promise<DatasetSummary> {
    const gone = await this.backend.deleteDataset(id);
    if (this.selected === id) this.selected = null;
    if (this.project) await this.load(this.project);
    return gone;
  }

  async select(id: string | null): Promise<void> {
    if (id !== this.selected) {
      this.conditions = [];
      this.comparison = null;
    }
    this.selected = id;
    await this.refresh();
  }

  /** Profiles the selected dataset within the segment in force. */
  async refresh(): Promise<void> {
    const mine = ++this.seq;
    const id = this.selected;
    if (!id) {
      this.profile = null;
      return;
    }
    try {
      const profile = await this.backend.datasetProfile(id, this.segment);
      if (mine === this.seq) {
        this.profile = profile;
        this.error = null;
      }
    } catch (e) {
      if (mine === this.seq) this.error = toErrorBody(e);
    }
  }

  setConditions(conditions: SegmentCondition[]): Promise<void> {
    this.conditions = conditions;
    return this.refresh();
  }

  async compare(a: SegmentCondition[], b: SegmentCondition[]): Promise<void> {
    const id = this.selected;
    if (!id) return;
    const filter = (c: SegmentCondition[]): SegmentFilter => ({ name: segmentName(c, this.profile, words()), conditions: c });
    try {
      this.comparison = await this.backend.compareSegments(id, filter(a), filter(b));
      this.error = null;
    } catch (e) {
      this.error = toErrorBody(e);
    }
  }

  closeComparison(): void {
    this.comparison = null;
  }

  /** The fields of a persona evidence can go on (with content, and chart modules). */
  async fieldsOf(persona: string): Promise<FieldReport[]> {
    const report = await this.backend.evidenceReport(persona, null);
    return report.fields;
  }

  /** Attaches evidence; rejects with an `ErrorBody`. */
  async attach(persona: string, field: string, spec: EvidenceSpec): Promise<void> {
    await this.backend.addEvidence(persona, field, spec);
  }
}
