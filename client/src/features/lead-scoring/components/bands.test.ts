import { describe, expect, it } from 'vitest';
import { bandLabel, bandRange, bandTotals } from './bands';

describe('score band rows', () => {
  it('reads the default bands (threshold 20) as the docs write them', () => {
    expect(bandLabel({ band: 'below_zero', minScore: null, maxScore: -1 })).toBe('Below zero (< 0)');
    expect(bandLabel({ band: 'cold', minScore: 0, maxScore: 9 })).toBe('Cold (0–9)');
    expect(bandLabel({ band: 'warm', minScore: 10, maxScore: 19 })).toBe('Warm (10–19)');
    expect(bandLabel({ band: 'at_threshold', minScore: 20, maxScore: null })).toBe('At threshold (20+)');
  });

  it('handles one-score and empty bands (threshold 1: cold is empty, warm is 0)', () => {
    expect(bandRange(0, 0)).toBe('0');
    expect(bandRange(1, 0)).toBe('none');
  });

  it('adds the bands up, with no rate when there are no leads', () => {
    expect(
      bandTotals([
        { band: 'cold', minScore: 0, maxScore: 9, leadsCreated: 3, leadsConverted: 1 },
        { band: 'at_threshold', minScore: 20, maxScore: null, leadsCreated: 1, leadsConverted: 1 },
      ]),
    ).toEqual({ leadsCreated: 4, leadsConverted: 2, conversionRate: 0.5 });
    expect(bandTotals([]).conversionRate).toBeNull();
  });
});
