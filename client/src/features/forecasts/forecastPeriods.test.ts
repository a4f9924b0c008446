import { describe, expect, it } from 'vitest';
import { parseHistoricalDraft, periodLabel, periodOptions, rankMethods } from './forecastPeriods';

describe('forecast periods', () => {
  it('offers the current month and the twelve after it, across the new year', () => {
    const options = periodOptions('month', new Date(2026, 10, 24));
    expect(options).toHaveLength(13);
    expect(options[0]).toEqual({ value: '2026-11-01', label: 'November 2026' });
    expect(options[2]).toEqual({ value: '2027-01-01', label: 'January 2027' });
  });

  it('offers quarters from the one under way, each starting on its first month', () => {
    const options = periodOptions('quarter', new Date(2026, 10, 24));
    expect(options.map((o) => o.value)).toEqual(['2026-10-01', '2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01']);
    expect(periodLabel('quarter', '2027-01-01')).toBe('Q1 2027 (Jan–Mar)');
  });
});

describe('historical inputs', () => {
  it('sends only the fields filled in, as numbers, and catches text that is not one', () => {
    expect(parseHistoricalDraft({ growthRate: '0.05', newReps: ' 5 ', newRepDeals: '', newRepDealSize: '5000' })).toEqual({
      inputs: { growthRate: 0.05, newReps: 5, newRepDealSize: 5000 },
      errors: {},
    });
    expect(parseHistoricalDraft({ growthRate: 'lots', newReps: '', newRepDeals: '', newRepDealSize: '' }).errors).toEqual({
      growthRate: 'Enter a number, or leave it empty for the default.',
    });
  });
});

describe('method ranking', () => {
  const at = '2026-10-01T00:00:00Z';
  it('ranks methods by mean accuracy over the periods that had an actual and a snapshot saved on time', () => {
    const ranked = rankMethods([
      {
        start: '2026-09-01', end: '2026-10-01', actual: { count: 2, amount: 1000 },
        methods: [
          { method: 'stage_weighted', forecast: 850, wonSoFarAtSnapshot: 0, takenAt: at, late: false, accuracy: 0.85 },
          { method: 'cycle_age', forecast: 500, wonSoFarAtSnapshot: 0, takenAt: at, late: false, accuracy: 0.5 },
          { method: 'historical', forecast: 1200, wonSoFarAtSnapshot: 0, takenAt: at, late: false, accuracy: 0.8 },
        ],
      },
      {
        start: '2026-08-01', end: '2026-09-01', actual: { count: 0, amount: 0 },
        methods: [{ method: 'historical', forecast: 100, wonSoFarAtSnapshot: 0, takenAt: at, late: false, accuracy: null }],
      },
      {
        start: '2026-07-01', end: '2026-08-01', actual: { count: 1, amount: 1000 },
        methods: [{ method: 'historical', forecast: 1000, wonSoFarAtSnapshot: 0, takenAt: at, late: false, accuracy: 1 }],
      },
      {
        start: '2026-06-01', end: '2026-07-01', actual: { count: 1, amount: 1000 },
        methods: [{ method: 'cycle_age', forecast: 1000, wonSoFarAtSnapshot: 900, takenAt: '2026-06-20T00:00:00Z', late: true, accuracy: 1 }],
      },
    ]);
    expect(ranked.map((t) => t.method)).toEqual(['historical', 'stage_weighted', 'cycle_age']);
    expect(ranked[0]?.periods).toBe(2);
    expect(ranked[0]?.meanAccuracy).toBeCloseTo(0.9, 10);
    // cycle_age's late June snapshot (accuracy 1) is left out: its mean stays 0.5, over one period.
    expect(ranked[2]).toEqual({ method: 'cycle_age', meanAccuracy: 0.5, periods: 1 });
  });

  it('puts methods with no measurable period last', () => {
    expect(rankMethods([]).every((t) => t.meanAccuracy === null)).toBe(true);
  });
});
