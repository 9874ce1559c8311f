// The export dialogs remember what was chosen last (format, paper, orientation,
// resolution) in this window's local storage: one set of choices for the whole app.
import type { ExportFormat } from '../bindings/ExportFormat';
import type { Orientation } from '../bindings/Orientation';
import type { PageSize } from '../bindings/PageSize';

export interface ExportChoices {
  format: ExportFormat;
  /** null: the template's paper and orientation. */
  page: PageSize | null;
  orientation: Orientation | null;
  /** Resolution of PNG exports. */
  dpi: number;
}

export const DPI_CHOICES = [96, 192, 300, 600] as const;
const KEY = 'persona-studio.export.v1';
const DEFAULTS: ExportChoices = { format: 'pdf', page: null, orientation: null, dpi: 192 };

/** The remembered choices, each one checked: anything unknown falls back to the default. */
export function loadChoices(storage: Pick<Storage, 'getItem'> | null = globalThis.localStorage ?? null): ExportChoices {
  let raw: Partial<Record<keyof ExportChoices, unknown>> = {};
  try {
    raw = JSON.parse(storage?.getItem(KEY) ?? '{}') ?? {};
  } catch {
    raw = {};
  }
  return {
    format: raw.format === 'png' ? 'png' : 'pdf',
    page: raw.page === 'a4' || raw.page === 'letter' ? raw.page : null,
    orientation: raw.orientation === 'landscape' || raw.orientation === 'portrait' ? raw.orientation : null,
    dpi: (DPI_CHOICES as readonly unknown[]).includes(raw.dpi) ? (raw.dpi as number) : DEFAULTS.dpi,
  };
}

export function saveChoices(choices: ExportChoices, storage: Pick<Storage, 'setItem'> | null = globalThis.localStorage ?? null): void {
  try {
    storage?.setItem(KEY, JSON.stringify(choices));
  } catch {
    // A full or disabled storage only means the choices are not remembered.
  }
}
