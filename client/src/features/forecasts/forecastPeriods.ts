import type { ForecastMethod, ForecastPeriod, HistoricalInputs, PeriodAccuracy } from './api/useForecasts';

export const METHOD_LABELS: Record<ForecastMethod, string> = {
  stage_weighted: 'Stage-weighted',
  cycle_age: 'Cycle-age',
  historical: 'Historical',
};

export const METHODS: readonly ForecastMethod[] = ['stage_weighted', 'cycle_age', 'historical'];

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

function iso(year: number, monthIndex: number): string {
  return new Date(Date.UTC(year, monthIndex, 1)).toISOString().slice(0, 10);
}

/** A period's label: "January 2027", or "Q1 2027 (Jan–Mar)". */
export function periodLabel(period: ForecastPeriod, start: string): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (period === 'month') return monthName.format(date);
  const end = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 2, 1));
  const quarter = Math.floor(date.getUTCMonth() / 3) + 1;
  return `Q${String(quarter)} ${String(date.getUTCFullYear())} (${shortMonth.format(date)}–${shortMonth.format(end)})`;
}

/**
 * The periods a forecast can be asked for: the current one and the ones after it (the API refuses ended
 * periods and starts more than two years ahead). `today` is a local calendar date.
 */
export function periodOptions(period: ForecastPeriod, today: Date, count = period === 'month' ? 13 : 5) {
  const year = today.getFullYear();
  const first = period === 'month' ? today.getMonth() : today.getMonth() - (today.getMonth() % 3);
  const step = period === 'month' ? 1 : 3;
  return Array.from({ length: count }, (_, i) => {
    const start = iso(year, first + i * step);
    return { value: start, label: periodLabel(period, start) };
  });
}

export interface HistoricalDraft {
  growthRate: string;
  newReps: string;
  newRepDeals: string;
  newRepDealSize: string;
}

export const EMPTY_DRAFT: HistoricalDraft = { growthRate: '', newReps: '', newRepDeals: '', newRepDealSize: '' };

/**
 * The historical inputs to send: an empty field keeps the API's default, a number is sent as typed
 * (the API checks the ranges and names the field it refuses); text that is not a number is caught here.
 */
export function parseHistoricalDraft(draft: HistoricalDraft): { inputs: HistoricalInputs; errors: Partial<Record<keyof HistoricalDraft, string>> } {
  const inputs: HistoricalInputs = {};
  const errors: Partial<Record<keyof HistoricalDraft, string>> = {};
  for (const key of Object.keys(draft) as (keyof HistoricalDraft)[]) {
    const text = draft[key].trim();
    if (text === '') continue;
    const value = Number(text);
    if (Number.isFinite(value)) inputs[key] = value;
    else errors[key] = 'Enter a number, or leave it empty for the default.';
  }
  return { inputs, errors };
}

export interface MethodTrack {
  method: ForecastMethod;
  /** Mean accuracy over the periods with an actual and a snapshot saved on time (null when none has both). */
  meanAccuracy: number | null;
  periods: number;
}

/**
 * How each method did over the ended periods, best first (methods without a measurable period last). A snapshot saved
 * late (after the period's first day) already knew part of the result, so it does not count toward the ranking.
 */
export function rankMethods(periods: readonly PeriodAccuracy[]): MethodTrack[] {
  const tracks = METHODS.map((method) => {
    const values = periods.flatMap((p) => p.methods.filter((m) => m.method === method && !m.late && m.accuracy !== null).map((m) => m.accuracy ?? 0));
    return {
      method,
      meanAccuracy: values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length,
      periods: values.length,
    };
  });
  return tracks.sort((a, b) => (b.meanAccuracy ?? Number.NEGATIVE_INFINITY) - (a.meanAccuracy ?? Number.NEGATIVE_INFINITY));
}
