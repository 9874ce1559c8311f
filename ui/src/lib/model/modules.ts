// The kinds of module a user can add to a sheet, and what each starts with.
import type { ModuleBody } from '../bindings/ModuleBody';

/** What the "Add module" menu offers; sliders come as two kinds of scale. */
export const NEW_MODULE_KINDS = [
  'facts',
  'text',
  'list',
  'sliders-bipolar',
  'sliders-unipolar',
  'tags',
  'image',
  'chart',
] as const;
export type NewModuleKind = (typeof NEW_MODULE_KINDS)[number];

/** An empty module body of `kind`: one row to fill where the kind has rows. */
export function newModuleBody(kind: NewModuleKind): ModuleBody {
  switch (kind) {
    case 'facts':
      return { kind: 'facts', rows: [{ label: '', value: '' }] };
    case 'text':
      return { kind: 'text', text: '' };
    case 'list':
      return { kind: 'list', items: [] };
    case 'sliders-bipolar':
      return { kind: 'sliders', scale: 'bipolar', rows: [{ left: '', right: '', value: 50 }] };
    case 'sliders-unipolar':
      return { kind: 'sliders', scale: 'unipolar', rows: [{ left: '', right: '', value: 50 }] };
    case 'tags':
      return { kind: 'tags', tags: [] };
    case 'image':
      return { kind: 'image', asset: null, caption: '' };
    case 'chart':
      return { kind: 'chart', caption: '' };
  }
}
