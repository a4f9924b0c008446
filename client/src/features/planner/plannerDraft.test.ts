import { describe, expect, it } from 'vitest';
import { emptyDraft, isoToLocal, localToIso, plannerQuery, rateSource, timeEntryKindLabel } from './plannerDraft';

describe('planner query', () => {
  const draft = emptyDraft(new Date(2027, 0, 15));

  it('starts on the current month with a deals goal', () => {
    expect(draft.month).toBe('2027-01');
    expect(draft.goalKind).toBe('deals');
  });

  it('sends the goal and only the rates overridden', () => {
    const { query, errors } = plannerQuery({ ...draft, goal: '50', rates: { ...draft.rates, callToDeal: '0.05' } });
    expect(errors).toEqual({});
    expect(query).toEqual({ month: '2027-01', goalDeals: 50, callToDeal: 0.05 });
  });

  it('sends a revenue goal with its average deal size, under the API names', () => {
    const { query } = plannerQuery({ ...draft, goalKind: 'revenue', goal: '100000', averageDealSize: '2500' });
    expect(query).toEqual({ month: '2027-01', goalRevenue: 100000, averageDealSize: 2500 });
  });

  it('asks for a goal and catches text that is not a number, by field', () => {
    expect(plannerQuery(draft)).toEqual({ query: null, errors: { goalDeals: 'Enter a goal.' } });
    expect(plannerQuery({ ...draft, goal: '5', rates: { ...draft.rates, meetingsPerCall: 'ten' } }).errors).toEqual({
      meetingsPerCall: 'Enter a number.',
    });
  });
});

describe('rate source', () => {
  it('names the source and, for history, the counts behind the rate', () => {
    expect(rateSource({ name: 'callToDeal', value: 0.05, source: 'given', numerator: null, denominator: null })).toBe('Given');
    expect(rateSource({ name: 'dealsPerOpportunity', value: 0.25, source: 'rep_history', numerator: 3, denominator: 12 })).toBe(
      'Own history: 3 of 12',
    );
    expect(rateSource({ name: 'meetingsPerCall', value: 0.1, source: 'organisation', numerator: 40, denominator: 400 })).toBe(
      'Organisation: 40 of 400',
    );
  });
});

describe('time entry start', () => {
  it('is now when empty, else the local time as an instant', () => {
    expect(localToIso('')).toBeNull();
    expect(localToIso('2026-11-24T09:30')).toBe(new Date(2026, 10, 24, 9, 30).toISOString());
  });
});

describe('time entry text', () => {
  it('shows an instant as a local datetime-local value to the minute, which reads back as the same minute', () => {
    const local = isoToLocal('2026-11-23T08:30:45Z');
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(localToIso(local)).toBe('2026-11-23T08:30:00.000Z');
  });

  it('names a kind in words', () => {
    expect(timeEntryKindLabel('internal_meeting')).toBe('Internal meeting');
  });
});
