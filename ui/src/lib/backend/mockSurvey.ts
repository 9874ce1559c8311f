// The mock's survey: a small, deterministic dataset and the statistics the Rust side
// computes on stored surveys (counts, 95% Wilson intervals, type-7 quartiles,
// histograms, segments), plus the evidence report (flags and coverage), so the UI runs
// against the same semantics in a browser and in tests.
import type { AssessedEvidence } from '../bindings/AssessedEvidence';
import type { DatasetProfile } from '../bindings/DatasetProfile';
import type { DatasetSummary } from '../bindings/DatasetSummary';
import type { ErrorBody } from '../bindings/ErrorBody';
import type { EvidencePolicy } from '../bindings/EvidencePolicy';
import type { EvidenceReport } from '../bindings/EvidenceReport';
import type { EvidenceSource } from '../bindings/EvidenceSource';
import type { FieldFlag } from '../bindings/FieldFlag';
import type { FieldReport } from '../bindings/FieldReport';
import type { OptionShare } from '../bindings/OptionShare';
import type { Persona } from '../bindings/Persona';
import type { QuestionProfile } from '../bindings/QuestionProfile';
import type { SegmentCondition } from '../bindings/SegmentCondition';
import type { SegmentFilter } from '../bindings/SegmentFilter';
import type { SurveyEvidenceSpec } from '../bindings/SurveyEvidenceSpec';
import type { PreviewRepair } from '../bindings/PreviewRepair';
import type { SurveyOverrides } from '../bindings/SurveyOverrides';
import type { SurveyPreview } from '../bindings/SurveyPreview';

export const DEFAULT_POLICY: EvidencePolicy = { min_n: 30, max_half_width: 15, max_age_days: 365 };

/** A question kind as the app names it (snake_case). */
export type Kind = SurveyOverrides['kinds'][string];
const CHOICE_KINDS: Kind[] = ['single_choice', 'multiple_choice', 'scale'];
export const isChoice = (k: string): boolean => (CHOICE_KINDS as string[]).includes(k);

interface MockQuestion {
  id: string;
  text: string;
  kind: Kind;
  /** The kind the importer detected, kept so an override can be undone. */
  detected: Kind;
  options: string[];
}

/** A stored survey of the mock: its summary, questions and one row per respondent. */
export interface MockDataset {
  summary: DatasetSummary;
  questions: MockQuestion[];
  rows: Array<Record<string, string>>;
  /** What the import noticed and repaired, for the preview. */
  encoding: string;
  headerRows: number;
  repairs: PreviewRepair[];
}

const CHANNELS = ['Email', 'Social', 'Search'];
const REASONS = ['good prices', 'fast delivery', 'friendly support', 'good prices and fast delivery'];
/** A café name as the file has it: UTF-8 once read as Windows-1252 (mojibake), and its repair. */
export const MOJIBAKE = { original: 'CafÃ© Å½alias', repaired: 'Café Žalias' };
const CAFES = [MOJIBAKE.original, 'Green Bean', 'Kavinė Rytas'];

/** The sample survey file the mock "opens": 60 respondents in a fixed pattern. */
function sampleRows(): Array<Record<string, string>> {
  return Array.from({ length: 60 }, (_, i) => ({
    q1: CHANNELS[i % 5 === 0 ? 2 : i % 2] ?? 'Email',
    q2: String(18 + ((i * 7) % 50)),
    q3: i % 4 === 3 ? '' : (REASONS[i % REASONS.length] ?? ''),
    q4: i % 6 === 5 ? '' : (CAFES[i % 3] ?? ''),
    q5: `customer${i + 1}@example.com`,
  }));
}

const SAMPLE_QUESTIONS: Array<Omit<MockQuestion, 'kind'>> = [
  { id: 'q1', text: 'Preferred channel', detected: 'single_choice', options: CHANNELS },
  { id: 'q2', text: 'Age', detected: 'numeric', options: [] },
  { id: 'q3', text: 'Why do you shop with us?', detected: 'text', options: [] },
  { id: 'q4', text: 'Favourite café', detected: 'single_choice', options: [] },
  { id: 'q5', text: 'Email address', detected: 'personal', options: [] },
];

/** How the mock reads its sample file, with the import dialog's overrides applied. */
export function readSample(id: string, project: string, imported: string, file: string, o: SurveyOverrides): MockDataset {
  // Extra header rows swallow the first respondents, as they would in a real file.
  const headerRows = o.header_rows ?? 1;
  let rows = sampleRows().slice(Math.max(0, headerRows - 1));
  const repairs: PreviewRepair[] = [];
  if (o.repair_mojibake) {
    const cells = rows.filter((r) => r.q4 === MOJIBAKE.original).length;
    if (cells > 0) repairs.push({ original: MOJIBAKE.original, repaired: MOJIBAKE.repaired, cells, guessed: false });
    rows = rows.map((r) => (r.q4 === MOJIBAKE.original ? { ...r, q4: MOJIBAKE.repaired } : r));
  }
  const questions = SAMPLE_QUESTIONS.map((q) => {
    const kind = o.kinds[q.id] ?? q.detected;
    return { ...q, kind, options: isChoice(kind) ? (q.options.length > 0 ? q.options : byCount(rows, q.id)) : [] };
  });
  const stem = file.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return {
    summary: {
      id,
      name: stem === 'customer-survey' ? 'Customer survey' : stem,
      project,
      tool: o.tool ?? 'google_forms',
      respondents: rows.length,
      questions: questions.length,
      imported,
      source_file: file.replace(/^.*[\\/]/, ''),
      collected: imported.slice(0, 10),
    },
    questions,
    rows,
    encoding: o.encoding ?? 'UTF-8',
    headerRows,
    repairs,
  };
}

/** The sample survey with nothing overridden. */
export function sampleDataset(id: string, project: string, imported: string): MockDataset {
  return readSample(id, project, imported, 'customer-survey.csv', DEFAULT_OVERRIDES);
}

export const DEFAULT_OVERRIDES: SurveyOverrides = {
  encoding: null,
  delimiter: null,
  tool: null,
  header_rows: null,
  sheet: null,
  kinds: {},
  repair_mojibake: true,
};

/**
 * The preview of a workbook holding the sample on "Responses" and, after it, a
 * "Summary" sheet listing the questions (one text column): a user picks the sheet.
 */
export function workbookPreview(d: MockDataset, sheet: string | null): SurveyPreview {
  const base = { ...preview(d), format: 'xlsx', encoding: 'UTF-8', delimiter: null, sheets: ['Responses', 'Summary'] };
  if (sheet !== 'Summary') return { ...base, sheet: 'Responses' };
  const texts = d.questions.map((q) => q.text);
  return {
    ...base,
    sheet: 'Summary',
    respondents: texts.length,
    warnings: [],
    repairs: [],
    repairs_total: 0,
    questions: [
      { id: 'q1', text: 'Question', kind: 'text', detected_kind: 'text', hidden: false, options: [], options_total: 0, answered: texts.length, missing: 0 },
    ],
  };
}

/** Distinct answers, most chosen first, then by label (as the importer orders choices). */
function byCount(rows: Array<Record<string, string>>, q: string): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) if ((r[q] ?? '') !== '') counts.set(r[q] ?? '', (counts.get(r[q] ?? '') ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
}

/** The import dialog's preview of a mock dataset, like `persona_api::preview_survey`. */
export function preview(d: MockDataset, delimiter: string | null = null): SurveyPreview {
  if (delimiter !== null && delimiter !== ',') {
    // The sample is comma-separated: split at anything else, each row is one cell.
    const text = d.questions.map((q) => q.text).join(',');
    return {
      ...preview(d),
      delimiter,
      questions: [
        { id: 'q1', text, kind: 'text', detected_kind: 'text', hidden: false, options: [], options_total: 0, answered: d.rows.length, missing: 0 },
      ],
    };
  }
  return {
    file: d.summary.source_file,
    format: 'csv',
    tool: d.summary.tool,
    encoding: d.encoding,
    delimiter: ',',
    header_rows: d.headerRows,
    sheet: null,
    sheets: [],
    respondents: d.rows.length,
    warnings: d.repairs.map((r) => ({
      code: 'mojibake_repaired',
      line: null,
      message: `repaired ${r.cells} cells of text that had been mis-decoded before`,
    })),
    repairs: d.repairs,
    repairs_total: d.repairs.length,
    questions: d.questions.map((q) => {
      const answered = d.rows.filter((r) => (r[q.id] ?? '') !== '');
      const options = isChoice(q.kind)
        ? q.options.map((label) => ({ label, count: answered.filter((r) => r[q.id] === label).length }))
        : [];
      return {
        id: q.id,
        text: q.text,
        kind: q.kind,
        detected_kind: q.detected,
        hidden: q.kind === 'personal',
        options: options.slice(0, 12),
        options_total: options.length,
        answered: answered.length,
        missing: d.rows.length - answered.length,
      };
    }),
  };
}

// prettier-ignore
const STOPWORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'for', 'with', 'is', 'are',
  'was', 'it', 'i', 'you', 'we', 'they', 'that', 'this', 'be', 'as', 'by', 'from', 'my', 'me',
  'not', 'so', 'if', 'de', 'la', 'el', 'en', 'y', 'que', 'los', 'las', 'un', 'una', 'por', 'con',
  'para', 'es', 'no', 'se',
]);
const isCjk = (c: string) => /[\u4e00-\u9fff\u3400-\u4dbf]/u.test(c);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}']/u)
    .filter((t) => t !== '')
    .flatMap((t) => ([...t].some(isCjk) ? [...t] : [t]));
}

/**
 * Phrases of one to three words, counted once per respondent, at least two
 * respondents each; most used first, longer first among equals, then alphabetical
 * (as `persona_survey::stats::frequent_phrases`).
 */
export function frequentPhrases(answers: string[], limit: number): Array<{ phrase: string; respondents: number }> {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    const w = words(answer);
    const seen = new Set<string>();
    for (let len = 1; len <= 3; len++) {
      for (let i = 0; i + len <= w.length; i++) {
        const win = w.slice(i, i + len);
        const edgeStop = STOPWORDS.has(win[0] ?? '') || STOPWORDS.has(win[len - 1] ?? '');
        const short = len === 1 && [...(win[0] ?? '')].length < 3 && ![...(win[0] ?? '')].some(isCjk);
        if (!edgeStop && !short) seen.add(win.join(' '));
      }
    }
    for (const p of seen) counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const size = (p: string) => p.split(' ').length;
  return [...counts.entries()]
    .filter(([, n]) => n >= 2)
    .map(([phrase, respondents]) => ({ phrase, respondents }))
    .sort((a, b) => b.respondents - a.respondents || size(b.phrase) - size(a.phrase) || (a.phrase < b.phrase ? -1 : a.phrase > b.phrase ? 1 : 0))
    .slice(0, limit);
}

const Z = 1.959963984540054;

/** The 95% Wilson score interval in percent. */
export function wilson(k: number, n: number): [number, number] {
  if (n === 0) return [0, 0];
  const p = k / n;
  const d = 1 + (Z * Z) / n;
  const c = (p + (Z * Z) / (2 * n)) / d;
  const h = (Z * Math.sqrt((p * (1 - p)) / n + (Z * Z) / (4 * n * n))) / d;
  return [Math.max(0, c - h) * 100, Math.min(1, c + h) * 100];
}

function quantile(sorted: number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return (sorted[lo] ?? 0) + (h - lo) * ((sorted[hi] ?? 0) - (sorted[lo] ?? 0));
}

function fail(code: string, message: string): ErrorBody {
  return { code, message };
}

function holds(c: SegmentCondition, row: Record<string, string>): boolean {
  switch (c.op) {
    case 'any_of':
      return c.options.includes(row[c.question] ?? '');
    case 'between': {
      const v = Number(row[c.question]);
      return row[c.question] !== '' && !Number.isNaN(v) && (c.min === null || v >= c.min) && (c.max === null || v <= c.max);
    }
    case 'answered':
      return (row[c.question] ?? '') !== '';
    case 'not':
      return !holds(c.condition, row);
  }
}

function checkIds(c: SegmentCondition, d: MockDataset): void {
  if (c.op === 'not') return checkIds(c.condition, d);
  if (!d.questions.some((q) => q.id === c.question)) {
    throw fail('bad_segment', `the segment cannot be applied: no question with id "${c.question}"`);
  }
}

export function segmentRows(d: MockDataset, segment: SegmentFilter | null): Array<Record<string, string>> {
  if (!segment) return d.rows;
  segment.conditions.forEach((c) => checkIds(c, d));
  return d.rows.filter((r) => segment.conditions.every((c) => holds(c, r)));
}

function shares(q: MockQuestion, rows: Array<Record<string, string>>): { n: number; options: OptionShare[] } {
  const answered = rows.filter((r) => (r[q.id] ?? '') !== '');
  const n = answered.length;
  const options = q.options.map((label) => {
    const count = answered.filter((r) => r[q.id] === label).length;
    const [ci_low, ci_high] = wilson(count, n);
    return { label, count, percent: n === 0 ? 0 : (count * 100) / n, ci_low, ci_high };
  });
  return { n, options };
}

function numbers(q: MockQuestion, rows: Array<Record<string, string>>): number[] {
  return rows
    .map((r) => r[q.id] ?? '')
    .filter((v) => v !== '')
    .map(Number)
    .sort((a, b) => a - b);
}

export function profile(d: MockDataset, segment: SegmentFilter | null): DatasetProfile {
  const rows = segmentRows(d, segment);
  const questions: QuestionProfile[] = d.questions.map((q) => {
    const answered = rows.filter((r) => (r[q.id] ?? '') !== '').length;
    const p: QuestionProfile = {
      id: q.id,
      text: q.text,
      kind: q.kind,
      hidden: q.kind === 'personal',
      answered,
      missing: rows.length - answered,
      options: [],
      bins: [],
      summary: null,
      phrases: [],
      answers: [],
      answers_total: 0,
    };
    if (isChoice(q.kind)) p.options = shares(q, rows).options;
    if (q.kind === 'numeric') {
      const v = numbers(q, rows);
      if (v.length > 0) {
        const min = v[0] ?? 0;
        const max = v[v.length - 1] ?? 0;
        const width = max === min ? 1 : (max - min) / 12;
        const bins = max === min ? 1 : 12;
        p.bins = Array.from({ length: bins }, (_, i) => ({ low: min + i * width, high: min + (i + 1) * width, count: 0 }));
        for (const x of v) {
          const bin = p.bins[Math.min(bins - 1, Math.floor((x - min) / width))];
          if (bin) bin.count += 1;
        }
        p.summary = {
          n: v.length,
          min,
          q1: quantile(v, 0.25),
          median: quantile(v, 0.5),
          q3: quantile(v, 0.75),
          max,
          mean: v.reduce((a, b) => a + b, 0) / v.length,
        };
      }
    }
    if (q.kind === 'text') {
      d.rows.forEach((r, i) => {
        if (rows.includes(r) && (r[q.id] ?? '') !== '') {
          p.answers.push({ respondent: `R${i + 1}`, text: r[q.id] ?? '' });
        }
      });
      p.answers_total = p.answers.length;
      p.phrases = frequentPhrases(
        p.answers.map((a) => a.text),
        20,
      );
    }
    return p;
  });
  return { dataset: structuredClone(d.summary), segment, respondents: rows.length, questions };
}

/** The evidence a survey spec asks for, computed like `persona_api::evidence::compute`. */
export function compute(d: MockDataset, spec: SurveyEvidenceSpec): EvidenceSource {
  const q = d.questions.find((q) => q.id === spec.question);
  if (!q) throw fail('unknown_question', `the survey '${d.summary.name}' has no question '${spec.question}'`);
  if (q.kind === 'personal') {
    throw fail('evidence_refused', `this evidence cannot be attached: question ${q.id} holds personal data, which never leaves the library`);
  }
  const rows = segmentRows(d, spec.segment);
  const survey = {
    dataset: d.summary.id,
    dataset_name: d.summary.name,
    question: q.id,
    question_text: q.text,
    collected: d.summary.collected,
  };
  const kind =
    spec.kind ??
    (spec.respondent ? 'quote' : spec.options.length > 0 ? 'statistic' : q.kind === 'numeric' ? 'numeric_summary' : 'distribution');
  const segment = spec.segment;
  if (kind === 'statistic') {
    for (const o of spec.options) {
      if (!q.options.includes(o)) {
        throw fail('unknown_option', `question ${q.id} has no option '${o}'; it has: ${q.options.join(' | ')}`);
      }
    }
    const answered = rows.filter((r) => (r[q.id] ?? '') !== '');
    const n = answered.length;
    const count = answered.filter((r) => spec.options.includes(r[q.id] ?? '')).length;
    const [ci_low, ci_high] = wilson(count, n);
    return { kind, survey, options: spec.options, segment, count, n, percent: n === 0 ? 0 : (count * 100) / n, ci_low, ci_high };
  }
  if (kind === 'distribution') {
    const { n, options } = shares(q, rows);
    return { kind, survey, segment, n, options };
  }
  if (kind === 'numeric_summary') {
    const v = numbers(q, rows);
    if (v.length === 0) throw fail('evidence_refused', `this evidence cannot be attached: question ${q.id} has no numeric answers`);
    return {
      kind,
      survey,
      segment,
      n: v.length,
      median: quantile(v, 0.5),
      q1: quantile(v, 0.25),
      q3: quantile(v, 0.75),
      min: v[0] ?? 0,
      max: v[v.length - 1] ?? 0,
    };
  }
  const index = Number((spec.respondent ?? '').replace(/^R/i, '')) - 1;
  const text = d.rows[index]?.[q.id] ?? '';
  if (text === '') throw fail('evidence_refused', `this evidence cannot be attached: respondent ${spec.respondent} did not answer question ${q.id}`);
  return { kind: 'quote', survey, respondent: `R${index + 1}`, text };
}

function isWeak(s: EvidenceSource, policy: EvidencePolicy): boolean {
  const wide = (lo: number, hi: number) => (hi - lo) / 2 > policy.max_half_width;
  switch (s.kind) {
    case 'statistic':
      return s.n < policy.min_n || wide(s.ci_low, s.ci_high);
    case 'distribution':
      return s.n < policy.min_n || s.options.some((o) => wide(o.ci_low, o.ci_high));
    case 'numeric_summary':
      return s.n < policy.min_n;
    case 'quote':
    case 'manual':
      return false;
  }
}

function isStale(s: EvidenceSource, policy: EvidencePolicy, today: string): boolean {
  const date = s.kind === 'manual' ? s.date : s.survey.collected;
  if (!date) return false;
  const days = (Date.parse(today) - Date.parse(date)) / 86_400_000;
  return days > policy.max_age_days;
}

/** A short line for people, like `EvidenceSource::summary` (percent rounded). */
function summary(s: EvidenceSource): string {
  switch (s.kind) {
    case 'statistic':
      return `${s.survey.dataset_name} ${s.options.join(' or ')}: ${s.percent.toFixed(0)}% (${s.count} of ${s.n}; 95% CI ${s.ci_low.toFixed(0)}–${s.ci_high.toFixed(0)}%)`;
    case 'distribution':
      return `${s.survey.dataset_name}: distribution of “${s.survey.question_text}” (n = ${s.n})`;
    case 'numeric_summary':
      return `${s.survey.dataset_name}: median ${s.median}, IQR ${s.q1}–${s.q3} (n = ${s.n})`;
    case 'quote':
      return `“${s.text}” — respondent ${s.respondent}, ${s.survey.dataset_name}`;
    case 'manual':
      return [s.name, s.date, s.url].filter(Boolean).join(', ');
  }
}

/** The fields of a persona with content, as `persona_model::coverage::persona_fields`. */
function fields(p: Persona): Array<{ field: string; label: string; text: string; chart: boolean }> {
  const out: Array<{ field: string; label: string; text: string; chart: boolean }> = [];
  if (p.archetype.trim()) out.push({ field: 'archetype', label: 'Archetype', text: p.archetype, chart: false });
  if (p.quote.trim()) out.push({ field: 'quote', label: 'Quote', text: p.quote, chart: false });
  for (const m of p.modules) {
    const b = m.body;
    if (b.kind === 'facts') b.rows.forEach((f, i) => f.value.trim() && out.push({ field: `${m.id}/${i}`, label: `${m.title} · ${f.label}`, text: f.value, chart: false }));
    if (b.kind === 'list') b.items.forEach((t, i) => t.trim() && out.push({ field: `${m.id}/${i}`, label: `${m.title} · ${i + 1}`, text: t, chart: false }));
    if (b.kind === 'sliders') b.rows.forEach((s, i) => out.push({ field: `${m.id}/${i}`, label: `${m.title} · ${s.right ? `${s.left} – ${s.right}` : s.left}`, text: String(s.value), chart: false }));
    if (b.kind === 'text' && b.text.trim()) out.push({ field: m.id, label: m.title, text: b.text, chart: false });
    if (b.kind === 'tags' && b.tags.length > 0) out.push({ field: m.id, label: m.title, text: b.tags.join(', '), chart: false });
    if (b.kind === 'chart') out.push({ field: m.id, label: m.title, text: b.caption, chart: true });
  }
  return out;
}

/** The evidence report, as `persona_model::coverage::assess` (anchors not followed). */
export function assess(p: Persona, policy: EvidencePolicy, today: string): EvidenceReport {
  const assessed = (e: Persona['evidence'][number]): AssessedEvidence => ({
    evidence: e,
    weak: isWeak(e.source, policy),
    stale: isStale(e.source, policy, today),
    summary: summary(e.source),
  });
  const all = fields(p);
  const reports: FieldReport[] = all.map((f) => ({ field: f.field, label: f.label, text: f.text, flags: [], evidence: [] }));
  const detached: AssessedEvidence[] = [];
  for (const e of p.evidence) {
    const slot = reports.find((r) => r.field === e.field);
    if (slot) slot.evidence.push(assessed(e));
    else detached.push(assessed(e));
  }
  const coverage = { fields: 0, evidenced: 0, supported: 0, assumptions: 0, score: null as number | null };
  reports.forEach((r, i) => {
    if (all[i]?.chart && r.evidence.length === 0) return;
    coverage.fields += 1;
    const flags: FieldFlag[] = [];
    if (r.evidence.length === 0) {
      flags.push('assumption');
      coverage.assumptions += 1;
    } else {
      coverage.evidenced += 1;
      if (r.evidence.every((e) => e.weak)) flags.push('weak');
      if (r.evidence.some((e) => e.stale)) flags.push('stale');
      if (r.evidence.some((e) => !e.weak && !e.stale)) coverage.supported += 1;
    }
    r.flags = flags;
  });
  if (coverage.fields > 0) {
    const points = 2 * coverage.supported + (coverage.evidenced - coverage.supported);
    coverage.score = Math.round((points * 100) / (2 * coverage.fields));
  }
  return { persona: p.id, name: p.name, policy, today, coverage, fields: reports, detached };
}
