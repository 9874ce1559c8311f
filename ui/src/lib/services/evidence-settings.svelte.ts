// How old a survey may be before its evidence is flagged as stale: a setting of the
// user's, remembered on this machine and sent to the app with every evidence report.
const STORAGE_KEY = 'persona-studio.staleAfterDays';
export const DEFAULT_STALE_DAYS = 365;

/** Days accepted: a week to ten years. */
export function clampDays(days: number): number {
  if (!Number.isFinite(days)) return DEFAULT_STALE_DAYS;
  return Math.min(3650, Math.max(7, Math.round(days)));
}

export class EvidenceSettings {
  staleAfterDays = $state(DEFAULT_STALE_DAYS);

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null) {
    const stored = Number(storage?.getItem(STORAGE_KEY) ?? NaN);
    if (Number.isFinite(stored) && stored > 0) this.staleAfterDays = clampDays(stored);
  }

  set(days: number): void {
    this.staleAfterDays = clampDays(days);
    this.storage?.setItem(STORAGE_KEY, String(this.staleAfterDays));
  }
}

export const evidenceSettings = new EvidenceSettings(typeof localStorage === 'undefined' ? null : localStorage);
