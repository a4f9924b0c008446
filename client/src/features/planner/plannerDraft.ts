import type { PlannerQuery, PlannerRate, TimeEntryKind } from './api/usePlanner';

export const RATE_FIELDS = [
  { name: 'dealsPerOpportunity', label: 'Win rate (deals per opportunity)' },
  { name: 'opportunitiesPerMeeting', label: 'Opportunities per meeting' },
  { name: 'meetingsPerCall', label: 'Meetings per call' },
  { name: 'callToDeal', label: 'Deals per call (call to deal)' },
] as const;

export type RateName = (typeof RATE_FIELDS)[number]['name'];

export interface PlannerDraft {
  month: string;
  goalKind: 'deals' | 'revenue';
  goal: string;
  rates: Record<RateName, string>;
  averageDealSize: string;
}

export function emptyDraft(today: Date): PlannerDraft {
  return {
    month: `${String(today.getFullYear())}-${String(today.getMonth() + 1).padStart(2, '0')}`,
    goalKind: 'deals',
    goal: '',
    rates: { dealsPerOpportunity: '', opportunitiesPerMeeting: '', meetingsPerCall: '', callToDeal: '' },
    averageDealSize: '',
  };
}

type DraftErrors = Partial<Record<string, string>>;

/**
 * The planner's query from the form: the month, one goal, and only the rates the rep overrode (empty
 * ones are read from history by the API). Text that is not a number is caught here; ranges are the API's.
 */
export function plannerQuery(draft: PlannerDraft): { query: PlannerQuery | null; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const number = (field: string, text: string, required: boolean): number | undefined => {
    const trimmed = text.trim();
    if (trimmed === '') {
      if (required) errors[field] = 'Enter a goal.';
      return undefined;
    }
    const value = Number(trimmed);
    if (!Number.isFinite(value)) {
      errors[field] = 'Enter a number.';
      return undefined;
    }
    return value;
  };
  if (!/^\d{4}-\d{2}$/.test(draft.month)) errors.month = 'Choose a month.';
  const goalField = draft.goalKind === 'deals' ? 'goalDeals' : 'goalRevenue';
  const goal = number(goalField, draft.goal, true);
  const query: PlannerQuery = { month: draft.month, ...(goal === undefined ? {} : { [goalField]: goal }) };
  for (const { name } of RATE_FIELDS) {
    const value = number(name, draft.rates[name], false);
    if (value !== undefined) query[name] = value;
  }
  if (draft.goalKind === 'revenue') {
    const size = number('averageDealSize', draft.averageDealSize, false);
    if (size !== undefined) query.averageDealSize = size;
  }
  return Object.keys(errors).length > 0 ? { query: null, errors } : { query, errors };
}

const SOURCE_LABELS: Record<PlannerRate['source'], string> = {
  given: 'Given',
  rep_history: 'Own history',
  organisation: 'Organisation',
};

/** Where a rate came from, with the counts behind it for history ("Own history: 12 of 40"). */
export function rateSource(rate: PlannerRate): string {
  const label = SOURCE_LABELS[rate.source];
  if (rate.source === 'given' || rate.numerator === null || rate.denominator === null) return label;
  return `${label}: ${rate.numerator.toLocaleString('en-GB')} of ${rate.denominator.toLocaleString('en-GB')}`;
}

export const TIME_ENTRY_KINDS: readonly { value: TimeEntryKind; label: string }[] = [
  { value: 'admin', label: 'Admin' },
  { value: 'training', label: 'Training' },
  { value: 'internal_meeting', label: 'Internal meeting' },
  { value: 'travel', label: 'Travel' },
];

/** A `datetime-local` value ("2026-11-24T09:30") as an ISO instant in the browser's zone; empty means now. */
export function localToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** The kind as words ("Internal meeting"). */
export function timeEntryKindLabel(kind: TimeEntryKind): string {
  return TIME_ENTRY_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

/** An ISO instant as a `datetime-local` value in the browser's zone, to the minute ("2026-11-24T09:30"). */
export function isoToLocal(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
