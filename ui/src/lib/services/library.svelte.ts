// The library screen's state: the overview, the selected project, the templates, and
// the commands that change them. Components only read it and call its methods.
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ExampleOutcome } from '../bindings/ExampleOutcome';
import type { LibraryOverview } from '../bindings/LibraryOverview';
import type { Persona } from '../bindings/Persona';
import type { Project } from '../bindings/Project';
import type { ProjectCard } from '../bindings/ProjectCard';
import type { PersonaCard } from '../bindings/PersonaCard';
import type { SearchSort } from '../bindings/SearchSort';
import type { Template } from '../bindings/Template';
import type { Preset } from '../bindings/Preset';
import type { Brand } from '../bindings/Brand';
import { initials } from '../model/initials';
import { byName } from '../model/sort';
import { allTags } from '../model/search';

export type LoadState = 'loading' | 'ready' | 'error';

/** What the latest search found. */
export interface SearchResults {
  /** The matching personas, in the requested order. */
  hits: PersonaCard[];
  /** How many personas the library holds in all. */
  total: number;
  /** Every persona tag in the library, for the tag filter. */
  tags: string[];
}


export class LibraryStore {
  overview = $state<LibraryOverview | null>(null);
  templates = $state<Template[]>([]);
  presets = $state<Preset[]>([]);
  state = $state<LoadState>('loading');
  error = $state<ErrorBody | null>(null);
  selectedId = $state<string | null>(null);
  /** True when the library shows every project's personas at once. */
  showAll = $state(false);
  /** The search box; every word must occur somewhere in a persona. */
  query = $state('');
  templateFilter = $state<string | null>(null);
  tagFilter = $state<string | null>(null);
  sort = $state<SearchSort>('name');
  /** What the latest search found; null until the first answer. */
  results = $state<SearchResults | null>(null);
  private searchSeq = 0;

  constructor(private readonly backend: Backend) {}

  /** True when the search box or a filter narrows the list. */
  get filtering(): boolean {
    return this.query.trim() !== '' || this.templateFilter !== null || this.tagFilter !== null;
  }

  /** The personas to show: the search's answer, or the project's cards before it comes. */
  get cards(): PersonaCard[] {
    if (this.results) return this.results.hits;
    if (this.showAll) return this.projects.flatMap((p) => p.personas);
    return this.selected?.personas ?? [];
  }

  /** Every persona tag in the library. */
  get tags(): string[] {
    return this.results?.tags ?? [];
  }

  /** Asks the backend for the personas matching the search box and filters. Never throws. */
  async search(): Promise<void> {
    const seq = ++this.searchSeq;
    const project = this.showAll ? null : (this.selected?.id ?? null);
    try {
      const hits = await this.backend.searchPersonas({
        text: this.query,
        project,
        template: this.templateFilter,
        tag: this.tagFilter,
        sort: this.sort,
      });
      // An older search answering late must not replace a newer one.
      if (seq !== this.searchSeq) return;
      const everyone = this.projects.flatMap((p) => p.personas);
      const results: SearchResults = {
        hits: hits.map((h) => h.card),
        total: everyone.length,
        tags: allTags(everyone),
      };
      this.results = results;
      // A filter for a tag no persona has any more finds nothing; drop it.
      if (this.tagFilter !== null && !results.tags.includes(this.tagFilter)) {
        this.tagFilter = null;
        void this.search();
      }
    } catch (e) {
      if (seq === this.searchSeq) this.error = toErrorBody(e);
    }
  }

  clearFilters(): void {
    this.query = '';
    this.templateFilter = null;
    this.tagFilter = null;
  }

  selectAll(): void {
    this.showAll = true;
  }

  get projects(): ProjectCard[] {
    return this.overview?.projects ?? [];
  }

  /** True once loaded when there is no project at all: the welcome screen shows. */
  get isEmpty(): boolean {
    return this.state === 'ready' && this.projects.length === 0;
  }

  get selected(): ProjectCard | null {
    return this.projects.find((p) => p.id === this.selectedId) ?? this.projects[0] ?? null;
  }

  selectProject(id: string): void {
    this.selectedId = id;
    this.showAll = false;
  }

  /** Reloads the overview (and the templates the first time); never throws. */
  async load(): Promise<void> {
    if (this.overview === null) this.state = 'loading';
    try {
      const [overview, templates, presets] = await Promise.all([
        this.backend.libraryOverview(),
        this.templates.length > 0 ? Promise.resolve(this.templates) : this.backend.listTemplates(),
        this.presets.length > 0 ? Promise.resolve(this.presets) : this.backend.listPresets(),
      ]);
      this.overview = overview;
      this.templates = templates;
      this.presets = presets;
      this.error = null;
      this.state = 'ready';
      if (this.results !== null) await this.search();
    } catch (e) {
      this.error = toErrorBody(e);
      this.state = 'error';
    }
  }

  private selectByName(name: string): void {
    const project = this.projects.find((p) => p.name === name);
    if (project) {
      this.selectedId = project.id;
      this.showAll = false;
    }
  }

  /** Adds the example library and selects it. Rejects with an `ErrorBody`. */
  async installExample(): Promise<ExampleOutcome> {
    const outcome = await this.run(() => this.backend.installExample());
    await this.load();
    if (outcome.outcome !== 'not_empty') this.selectByName(outcome.project);
    return outcome;
  }

  /** Creates a project and selects it. Rejects with an `ErrorBody`. */
  async createProject(name: string): Promise<Project> {
    const project = await this.run(() => this.backend.createProject(name));
    await this.load();
    this.selectedId = project.id;
    this.showAll = false;
    return project;
  }

  /**
   * Creates a persona in the selected project, its module titles, hints and labels in
   * `lang` (the UI language) where the template has them. Rejects with an `ErrorBody`.
   */
  async createPersona(
    name: string,
    template: string | null,
    preset: string | null = null,
    lang: string | null = null,
  ): Promise<Persona> {
    const project = this.selected;
    if (!project) throw { code: 'unknown_project', message: 'no project is selected' } satisfies ErrorBody;
    const persona = await this.run(() =>
      preset === null && lang === null
        ? this.backend.createPersona(project.id, name, template)
        : this.backend.createPersonaFrom(project.id, name, template, preset, lang),
    );
    await this.load();
    return persona;
  }

  /** Renames a project and sets its brand. Rejects with an `ErrorBody`. */
  async updateProject(id: string, name: string, brand: Brand): Promise<Project> {
    const project = await this.run(() => this.backend.updateProject(id, name, brand));
    await this.load();
    return project;
  }

  /** Deletes a persona. Rejects with an `ErrorBody`. */
  async deletePersona(id: string): Promise<void> {
    await this.run(() => this.backend.deletePersona(id));
    await this.load();
  }

  /** Puts what the editor just saved on its card without a round trip. */
  applySaved(persona: Persona): void {
    const hit = this.results?.hits.find((c) => c.id === persona.id);
    if (hit) {
      hit.name = persona.name;
      hit.archetype = persona.archetype;
      hit.quote = persona.quote;
      hit.updated = persona.updated;
    }
    for (const project of this.projects) {
      const card = project.personas.find((c) => c.id === persona.id);
      if (!card) continue;
      card.name = persona.name;
      card.archetype = persona.archetype;
      card.updated = persona.updated;
      card.photo = persona.photo;
      card.initials = initials(persona.name);
      project.personas.sort(byName);
    }
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      throw toErrorBody(e);
    }
  }
}
