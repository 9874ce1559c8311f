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
import type { Template } from '../bindings/Template';
import type { Preset } from '../bindings/Preset';
import type { Brand } from '../bindings/Brand';
import { initials } from '../model/initials';
import { byName } from '../model/sort';

export type LoadState = 'loading' | 'ready' | 'error';


export class LibraryStore {
  overview = $state<LibraryOverview | null>(null);
  templates = $state<Template[]>([]);
  presets = $state<Preset[]>([]);
  state = $state<LoadState>('loading');
  error = $state<ErrorBody | null>(null);
  selectedId = $state<string | null>(null);

  constructor(private readonly backend: Backend) {}

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
    } catch (e) {
      this.error = toErrorBody(e);
      this.state = 'error';
    }
  }

  private selectByName(name: string): void {
    const project = this.projects.find((p) => p.name === name);
    if (project) this.selectedId = project.id;
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
    return project;
  }

  /** Creates a persona in the selected project. Rejects with an `ErrorBody`. */
  async createPersona(name: string, template: string | null, preset: string | null = null): Promise<Persona> {
    const project = this.selected;
    if (!project) throw { code: 'unknown_project', message: 'no project is selected' } satisfies ErrorBody;
    const persona = await this.run(() =>
      preset === null
        ? this.backend.createPersona(project.id, name, template)
        : this.backend.createPersonaFrom(project.id, name, template, preset),
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
