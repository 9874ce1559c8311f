// The built-in templates and the example library, read from the same JSON files the
// Rust side compiles in, and a TypeScript copy of `Persona::from_template` for the mock.
import userPersona from '../../../../assets/templates/user-persona.json';
import ecommerceShopper from '../../../../assets/templates/ecommerce-shopper.json';
import b2bBuyer from '../../../../assets/templates/b2b-buyer.json';
import exampleStore from '../../../../assets/examples/example-store.json';
import type { Brand } from '../bindings/Brand';
import type { ModuleBody } from '../bindings/ModuleBody';
import type { Template } from '../bindings/Template';

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
  return t;
}

/** Every built-in template, in the order the app offers them. */
export const BUILTIN_TEMPLATES: readonly Template[] = [userPersona, ecommerceShopper, b2bBuyer].map(
  normalizeTemplate,
);

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
