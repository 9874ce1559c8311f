// The only module that talks to Tauri. Commands take camelCase arguments (Tauri 2
// converts them to the Rust side's snake_case) and reject with an `ErrorBody`.
import { invoke } from '@tauri-apps/api/core';
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { ExampleOutcome } from '../bindings/ExampleOutcome';
import type { LibraryOverview } from '../bindings/LibraryOverview';
import type { Persona } from '../bindings/Persona';
import type { Project } from '../bindings/Project';
import type { SearchFilters } from '../bindings/SearchFilters';
import type { SearchResults } from '../bindings/SearchResults';
import type { SearchSort } from '../bindings/SearchSort';
import type { Template } from '../bindings/Template';

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
  searchPersonas(query: string, filters: SearchFilters, sort: SearchSort) {
    return call<SearchResults>('search_personas', { query, filters, sort });
  }
  listTemplates() {
    return call<Template[]>('list_templates');
  }
}
