// The survey import dialog's state: a file chosen with the native dialog is previewed
// (nothing stored), every override re-previews, and the import sends exactly the
// overrides of the preview on screen. Work longer than half a second shows a
// "working" state that can be cancelled.
import type { Backend } from '../backend';
import { toErrorBody } from '../backend';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { ImportOutcome } from '../bindings/ImportOutcome';
import type { SurveyOverrides } from '../bindings/SurveyOverrides';
import type { SurveyPreview } from '../bindings/SurveyPreview';
import type { SurveyProgress } from '../bindings/SurveyProgress';
import { withSlowSignal } from '../model/progress';

export type QuestionKindName = SurveyOverrides['kinds'][string];
export type ToolName = NonNullable<SurveyOverrides['tool']>;

export const TOOLS: ToolName[] = [
  'google_forms',
  'survey_monkey',
  'qualtrics',
  'typeform',
  'microsoft_forms',
  'tally',
  'jotform',
  'wenjuanxing',
  'generic',
];

export const KINDS: QuestionKindName[] = [
  'single_choice',
  'multiple_choice',
  'scale',
  'numeric',
  'datetime',
  'text',
  'id',
  'personal',
];

/** The delimiters survey tools and spreadsheets write text files with. */
export const DELIMITERS = [',', ';', '\t', '|'];

/** Encodings survey exports come in, by their WHATWG labels. */
export const ENCODINGS = [
  'UTF-8',
  'UTF-16LE',
  'windows-1252',
  'windows-1251',
  'windows-1257',
  'macintosh',
  'x-mac-cyrillic',
  'IBM866',
  'GBK',
  'gb18030',
  'Big5',
  'Shift_JIS',
  'EUC-KR',
];

export function noOverrides(): SurveyOverrides {
  return {
    encoding: null,
    delimiter: null,
    tool: null,
    header_rows: null,
    sheet: null,
    kinds: {},
    repair_mojibake: true,
  };
}

export class SurveyImportFlow {
  /** The file in the dialog; null when the dialog is closed. */
  path = $state<string | null>(null);
  /** The project the survey goes into. */
  project = $state<string | null>(null);
  overrides = $state<SurveyOverrides>(noOverrides());
  /** The preview with the overrides on screen. */
  preview = $state<SurveyPreview | null>(null);
  /** The first preview, with nothing overridden: what was detected. */
  detected = $state<SurveyPreview | null>(null);
  error = $state<ErrorBody | null>(null);
  /** A preview or the import is running. */
  busy = $state(false);
  /** It has been running for more than half a second: show progress and Cancel. */
  working = $state(false);
  /** What is running: for the progress line. */
  task = $state<'preview' | 'import'>('preview');
  /** Where the running work is; null until the app first reports. */
  progress = $state<SurveyProgress | null>(null);
  private generation = 0;

  constructor(
    private readonly backend: Backend,
    private readonly imported: (outcome: ImportOutcome) => void | Promise<void>,
  ) {}

  get fileName(): string {
    return this.path?.split(/[\\/]/).pop() ?? '';
  }

  /** The native open dialog, then the preview. */
  async choose(project: string): Promise<void> {
    try {
      const path = await this.backend.chooseSurveyFile();
      if (path) await this.open(path, project);
    } catch (e) {
      this.error = toErrorBody(e);
    }
  }

  async open(path: string, project: string): Promise<void> {
    this.path = path;
    this.project = project;
    this.overrides = noOverrides();
    this.preview = null;
    this.detected = null;
    this.error = null;
    await this.refresh();
  }

  /** Runs `work` as the one current job; a newer job or a cancel makes its answer moot. */
  private async run<T>(task: 'preview' | 'import', work: () => Promise<T>): Promise<{ value: T } | null> {
    const mine = ++this.generation;
    this.busy = true;
    this.task = task;
    this.error = null;
    this.progress = null;
    const stop = await this.backend.onSurveyProgress((p) => {
      if (mine === this.generation) this.progress = p;
    });
    try {
      const value = await withSlowSignal(work(), (slow) => {
        if (mine === this.generation) this.working = slow;
      });
      return mine === this.generation ? { value } : null;
    } catch (e) {
      if (mine === this.generation) this.error = toErrorBody(e);
      return null;
    } finally {
      stop();
      if (mine === this.generation) {
        this.busy = false;
        this.working = false;
        this.progress = null;
      }
    }
  }

  /** Previews the file with the overrides on screen. */
  async refresh(): Promise<void> {
    const path = this.path;
    if (!path) return;
    const overrides = $state.snapshot(this.overrides) as SurveyOverrides;
    const answer = await this.run('preview', () => this.backend.previewSurvey(path, overrides));
    if (!answer) return;
    this.preview = answer.value;
    this.detected ??= answer.value;
  }

  setTool(tool: ToolName | null): Promise<void> {
    this.overrides.tool = tool;
    return this.refresh();
  }

  setHeaderRows(rows: number | null): Promise<void> {
    this.overrides.header_rows = rows;
    return this.refresh();
  }

  /** Splits the rows at `delimiter` (one character) instead of the detected one. */
  setDelimiter(delimiter: string | null): Promise<void> {
    this.overrides.delimiter = delimiter;
    return this.refresh();
  }

  /** Reads another worksheet of a spreadsheet (null: the first with data). */
  setSheet(sheet: string | null): Promise<void> {
    this.overrides.sheet = sheet;
    return this.refresh();
  }

  setEncoding(encoding: string | null): Promise<void> {
    this.overrides.encoding = encoding;
    return this.refresh();
  }

  /** Forces a question's kind; the detected kind takes the override away. */
  setKind(question: string, kind: QuestionKindName): Promise<void> {
    const detected = this.preview?.questions.find((q) => q.id === question)?.detected_kind;
    const kinds = { ...this.overrides.kinds };
    if (kind === detected) delete kinds[question];
    else kinds[question] = kind;
    this.overrides.kinds = kinds;
    return this.refresh();
  }

  /** Keeps the text as found in the file (undoes the mojibake repair), or repairs it again. */
  setRepair(repair: boolean): Promise<void> {
    this.overrides.repair_mojibake = repair;
    return this.refresh();
  }

  /** Imports what the preview shows; closes the dialog when done. */
  async confirm(): Promise<void> {
    const path = this.path;
    const project = this.project;
    if (!path || !project || !this.preview) return;
    const overrides = $state.snapshot(this.overrides) as SurveyOverrides;
    const answer = await this.run('import', () => this.backend.importSurvey(project, path, overrides, null));
    if (!answer) return;
    this.close();
    await this.imported(answer.value);
  }

  /** Stops the running preview or import; the app stores nothing. */
  async cancel(): Promise<void> {
    this.generation += 1;
    this.busy = false;
    this.working = false;
    try {
      await this.backend.cancelSurvey();
    } catch {
      // Nothing was running any more: there is nothing to stop.
    }
  }

  close(): void {
    if (this.busy) void this.cancel();
    this.path = null;
    this.preview = null;
    this.detected = null;
    this.error = null;
  }
}
