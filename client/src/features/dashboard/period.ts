/** A metric window: calendar dates, `from` included and `to` excluded, as the metric endpoints take them. */
export interface Window {
  from: string;
  to: string;
}

export type PeriodPreset = 'this-month' | 'last-month' | 'this-quarter' | 'last-quarter' | 'this-year' | 'custom';

export const PERIOD_PRESETS: readonly { value: PeriodPreset; label: string }[] = [
  { value: 'this-month', label: 'This month' },
  { value: 'last-month', label: 'Last month' },
  { value: 'this-quarter', label: 'This quarter' },
  { value: 'last-quarter', label: 'Last quarter' },
  { value: 'this-year', label: 'This year' },
  { value: 'custom', label: 'Custom dates' },
];

export function isPeriodPreset(value: string | null): value is PeriodPreset {
  return PERIOD_PRESETS.some((preset) => preset.value === value);
}

function iso(year: number, monthIndex: number, day = 1): string {
  // Date.UTC normalises month overflow (month 12 → January of the next year, −1 → December before).
  return new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
}

/** The window of a preset around `today` (a calendar date); `custom` has none. */
export function presetWindow(preset: Exclude<PeriodPreset, 'custom'>, today: Date): Window {
  const year = today.getFullYear();
  const month = today.getMonth();
  const quarterStart = month - (month % 3);
  switch (preset) {
    case 'this-month':
      return { from: iso(year, month), to: iso(year, month + 1) };
    case 'last-month':
      return { from: iso(year, month - 1), to: iso(year, month) };
    case 'this-quarter':
      return { from: iso(year, quarterStart), to: iso(year, quarterStart + 3) };
    case 'last-quarter':
      return { from: iso(year, quarterStart - 3), to: iso(year, quarterStart) };
    case 'this-year':
      return { from: iso(year, 0), to: iso(year + 1, 0) };
  }
}

/** Adds days to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return iso(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days);
}

export function isIsoDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value));
}
