// The only module that talks to Tauri. Commands take camelCase arguments (Tauri 2
// converts them to the Rust side's snake_case) and reject with an `ErrorBody`.
import { invoke } from '@tauri-apps/api/core';
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { ExampleOutcome } from '../bindings/ExampleOutcome';
import type { LibraryOverview } from '../bindings/LibraryOverview';
import type { Persona } from '../bindings/Persona';
import type { Project } from '../bindings/Project';
import type { Template } from '../bindings/Template';
import type { DatasetProfile } from '../bindings/DatasetProfile';
import type { DatasetSummary } from '../bindings/DatasetSummary';
import type { Evidence } from '../bindings/Evidence';
import type { EvidenceReport } from '../bindings/EvidenceReport';
import type { EvidenceSpec } from '../bindings/EvidenceSpec';
import type { ImportOutcome } from '../bindings/ImportOutcome';
import type { SegmentComparison } from '../bindings/SegmentComparison';
import type { SegmentFilter } from '../bindings/SegmentFilter';

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export class TauriBackend implements Backend {
  readonly kind = 'tauri' as const;
  libraryOverview() {
    return call<LibraryOverview>('library_overview');
  }
  installExample() {
    return call<ExampleOutcome>('install_example');
  }
  createProject(name: string) {
    return call<Project>('create_project', { name });
  }
  createPersona(project: string, name: string, template: string | null) {
    return call<Persona>('create_persona', { project, name, template });
  }
  getPersona(id: string) {
    return call<Persona>('get_persona', { id });
  }
  savePersona(persona: Persona) {
    return call<Persona>('save_persona', { persona });
  }
  deletePersona(id: string) {
    return call<null>('delete_persona', { id });
  }
  listTemplates() {
    return call<Template[]>('list_templates');
  }
  importSurvey(project: string, replaces: string | null) {
    return call<ImportOutcome | null>('import_survey', { project, replaces });
  }
  listDatasets() {
    return call<DatasetSummary[]>('list_datasets');
  }
  datasetProfile(dataset: string, segment: SegmentFilter | null) {
    return call<DatasetProfile>('dataset_profile', { dataset, segment });
  }
  compareSegments(dataset: string, a: SegmentFilter, b: SegmentFilter) {
    return call<SegmentComparison>('compare_segments', { dataset, a, b });
  }
  addEvidence(persona: string, field: string, spec: EvidenceSpec) {
    return call<Evidence>('add_evidence', { persona, field, spec });
  }
  removeEvidence(persona: string, evidence: string) {
    return call<null>('remove_evidence', { persona, evidence });
  }
  evidenceReport(persona: string, maxAgeDays: number | null) {
    return call<EvidenceReport>('evidence_report', { persona, maxAgeDays });
  }
}
