// Export warnings (the sheet crate's `Warning`) in the user's language.
import type { ExportReport } from '../bindings/ExportReport';
import type { Warning } from '../bindings/Warning';
import { t } from '../i18n';

export function describeWarning(w: Warning): string {
  switch (w.kind) {
    case 'missing_glyph':
      return t('warning.missingGlyph', { character: w.character, module: w.module });
    case 'shrunk':
      return t('warning.shrunk', { module: w.module, percent: w.percent });
    case 'continued':
      return t('warning.continued', { module: w.module, page: w.page });
    case 'truncated':
      return t('warning.truncated', { module: w.module });
    case 'font_not_found':
      return t('warning.fontNotFound', { family: w.family });
    case 'image_unusable':
      return t('warning.imageUnusable', { reason: w.reason });
    case 'chart_without_data':
      return t('warning.chartWithoutData', { module: w.module });
    case 'notes_cut':
      return t('warning.notesCut', { shown: w.shown, total: w.total });
  }
}

/** Says where an export went and, when the renderer had to compromise, what happened. */
export function announceExport(say: (text: string, kind?: 'success') => void, report: ExportReport): void {
  say(t('export.done', { path: report.path }), 'success');
  const first = report.warnings[0];
  if (first) say(t('export.notes', { count: report.warnings.length, first: describeWarning(first) }));
}
