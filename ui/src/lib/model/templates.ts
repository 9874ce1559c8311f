// The built-in templates and the example library, read from the same JSON files the
// Rust side compiles in, and a TypeScript copy of `Persona::from_template` for the mock.
import userPersona from '../../../../assets/templates/user-persona.json';
import ecommerceShopper from '../../../../assets/templates/ecommerce-shopper.json';
import b2bBuyer from '../../../../assets/templates/b2b-buyer.json';
import protoPersona from '../../../../assets/templates/proto-persona.json';
import idealCustomer from '../../../../assets/templates/ideal-customer-profile.json';
import shopperArchetypes from '../../../../assets/presets/shopper-archetypes.json';
import exampleStore from '../../../../assets/examples/example-store.json';
import type { Brand } from '../bindings/Brand';
import type { ModuleBody } from '../bindings/ModuleBody';
import type { Persona } from '../bindings/Persona';
import type { Preset } from '../bindings/Preset';
import type { Module } from '../bindings/Module';
import type { Template } from '../bindings/Template';
import type { TemplateLocale } from '../bindings/TemplateLocale';

/** The template new personas get when none is named (`DEFAULT_TEMPLATE` in Rust). */
export const DEFAULT_TEMPLATE = 'user-persona';

/** Fills in what serde defaults on the Rust side (a unipolar slider's `right`). */
export function normalizeBody(raw: unknown): ModuleBody {
  const body = structuredClone(raw) as ModuleBody;
  if (body.kind === 'sliders') {
    body.rows = body.rows.map((r) => ({ left: r.left, right: r.right ?? '', value: r.value }));
  }
  return body;
}

function normalizeTemplate(raw: unknown): Template {
  const t = structuredClone(raw) as Template;
  t.modules = t.modules.map((m) => ({ ...m, hint: m.hint ?? '', body: normalizeBody(m.body) }));
  t.locales = t.locales ?? {};
  return t;
}

/** The template's text in `lang` (`ru`, `zh-CN`…), if it has any (`Template::locale`). */
function locale(template: Template, lang: string): TemplateLocale | undefined {
  const code = lang.split(/[-_]/)[0]?.toLowerCase() ?? '';
  return template.locales[code];
}

const filled = (s: string | undefined): s is string => s !== undefined && s.trim() !== '';

/**
 * `Template::localize_modules`: titles, hints and labels of modules made from `template`
 * in `lang`, the base (English) text where the template has no translation.
 */
export function localizeModules(template: Template, lang: string, modules: Module[]): Module[] {
  const loc = locale(template, lang);
  if (!loc) return modules;
  return modules.map((m) => {
    const ml = loc.modules[m.id];
    if (!ml) return m;
    const label = (base: string) => (filled(ml.labels[base]) ? (ml.labels[base] as string) : base);
    // Copied by hand: the templates may be Svelte state proxies, which structuredClone refuses.
    const body = { ...m.body } as ModuleBody;
    const out: Module = { ...m, area: { ...m.area }, body };
    if (filled(ml.title)) out.title = ml.title;
    if (filled(ml.hint)) out.hint = ml.hint;
    switch (body.kind) {
      case 'header':
      case 'text':
        break;
      case 'list':
        body.items = [...body.items];
        break;
      case 'tags':
        body.tags = [...body.tags];
        break;
      case 'facts':
        body.rows = body.rows.map((r) => ({ ...r, label: label(r.label) }));
        break;
      case 'sliders':
        body.rows = body.rows.map((r) => ({ ...r, left: label(r.left), right: r.right === '' ? '' : label(r.right) }));
        break;
      case 'chart':
      case 'image':
        if (body.caption !== '') body.caption = label(body.caption);
        break;
    }
    return out;
  });
}

/** `Template::localized`: the name and description shown in `lang`, and its modules. */
export function localizedTemplate(template: Template, lang: string): Template {
  const loc = locale(template, lang);
  if (!loc) return template;
  return {
    ...template,
    name: filled(loc.name) ? loc.name : template.name,
    description: filled(loc.description) ? loc.description : template.description,
    modules: localizeModules(template, lang, template.modules),
  };
}

/** Every built-in template, in the order the app offers them. */
export const BUILTIN_TEMPLATES: readonly Template[] = [
  userPersona,
  ecommerceShopper,
  b2bBuyer,
  protoPersona,
  idealCustomer,
].map(normalizeTemplate);

/** Every built-in preset (the shopper archetypes), in the order the app offers them. */
export const BUILTIN_PRESETS: readonly Preset[] = (
  shopperArchetypes as unknown as { presets: Array<Partial<Preset>> }
).presets.map((p) => ({ quote: '', lists: {}, sliders: {}, tags: {}, ...p }) as Preset);

/**
 * `Preset::apply`: fills a new persona with a preset's content. Throws (changing nothing)
 * when the persona lacks a module or slider the preset names.
 */
export function applyPreset(preset: Preset, persona: Persona): Persona {
  const filled = structuredClone(persona);
  const mismatch = (module: string, detail: string) => ({
    code: 'invalid',
    message: `the preset '${preset.id}' does not fit this persona: module '${module}': ${detail}`,
  });
  const body = (id: string) => filled.modules.find((m) => m.id === id)?.body;
  for (const [id, items] of Object.entries(preset.lists)) {
    const b = body(id);
    if (b?.kind !== 'list') throw mismatch(id, 'no list module with this id');
    b.items = [...(items ?? [])];
  }
  for (const [id, values] of Object.entries(preset.sliders)) {
    const b = body(id);
    if (b?.kind !== 'sliders') throw mismatch(id, 'no sliders module with this id');
    for (const [label, value] of Object.entries(values ?? {})) {
      const row = b.rows.find((r) => r.left === label);
      if (!row) throw mismatch(id, `no slider '${label}'`);
      row.value = value ?? row.value;
    }
  }
  for (const [id, tags] of Object.entries(preset.tags)) {
    const b = body(id);
    if (b?.kind !== 'tags') throw mismatch(id, 'no tags module with this id');
    b.tags = [...(tags ?? [])];
  }
  filled.archetype = preset.archetype;
  filled.quote = preset.quote;
  return filled;
}

/** The same module with the user's content removed (`ModuleBody::emptied`). */
export function emptied(body: ModuleBody): ModuleBody {
  switch (body.kind) {
    case 'header':
      return { kind: 'header' };
    case 'facts':
      return { kind: 'facts', rows: body.rows.map((f) => ({ label: f.label, value: '' })) };
    case 'text':
      return { kind: 'text', text: '' };
    case 'list':
      return { kind: 'list', items: [] };
    case 'sliders':
      return { kind: 'sliders', scale: body.scale, rows: body.rows.map((s) => ({ ...s, value: 50 })) };
    case 'tags':
      return { kind: 'tags', tags: [] };
    case 'chart':
      return { kind: 'chart', caption: body.caption };
    case 'image':
      return { kind: 'image', asset: null, caption: body.caption };
  }
}

/** The example library as the JSON describes it. */
export interface ExampleLibrary {
  project: { name: string; brand: Brand };
  personas: Array<{
    template: string;
    name: string;
    archetype: string;
    quote: string;
    tags: string[];
    notes: string;
    modules: Record<string, unknown>;
  }>;
}

export const EXAMPLE_LIBRARY = exampleStore as unknown as ExampleLibrary;
