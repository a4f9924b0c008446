import { describe, expect, it } from 'vitest';
import type { QuadrantRow } from '../api/usePeople';
import { monthLabel, periodOptions, quadrantGrid, quarterLabel, quarterStart } from './quadrant';
import { percentToFraction } from './pay';

const row = (displayName: string, revenue: number, previousRevenue: number, quadrant: QuadrantRow['quadrant']): QuadrantRow => ({
  userId: displayName,
  displayName,
  revenue,
  previousRevenue,
  change: revenue - previousRevenue,
  atOrAboveMedian: quadrant.endsWith('star'),
  grew: quadrant === 'rising_star' || quadrant === 'improving_laggard',
  quadrant,
});

describe('quadrantGrid', () => {
  it('places stars on the top row, laggards below, growth on the right, highest revenue first', () => {
    const grid = quadrantGrid([
      row('Low grower', 100, 50, 'improving_laggard'),
      row('Top', 900, 100, 'rising_star'),
      row('Second', 800, 100, 'rising_star'),
      row('Slipping', 700, 900, 'falling_star'),
    ]);
    expect(grid.map((c) => c.quadrant)).toEqual(['falling_star', 'rising_star', 'declining_laggard', 'improving_laggard']);
    expect(grid[1]?.members.map((m) => m.displayName)).toEqual(['Top', 'Second']);
    expect(grid[0]?.members.map((m) => m.displayName)).toEqual(['Slipping']);
    expect(grid[2]?.members).toEqual([]);
    expect(grid[3]?.label).toBe('Improving laggard');
  });
});

describe('periods', () => {
  it('finds quarter starts across a year boundary', () => {
    expect(quarterStart(new Date(2026, 10, 24))).toBe('2026-10-01');
    expect(quarterStart(new Date(2026, 1, 3), -1)).toBe('2025-10-01');
    expect(quarterLabel('2025-10-01')).toBe('Q4 2025');
  });

  it('lists months newest first', () => {
    expect(periodOptions('month', new Date(2026, 0, 15), 2)).toEqual([
      { value: '2026-01-01', label: 'January 2026' },
      { value: '2025-12-01', label: 'December 2025' },
    ]);
    expect(monthLabel('2026-11-01')).toBe('November 2026');
  });

  it('turns a typed percentage into the API fraction', () => {
    expect(percentToFraction(10)).toBe(0.1);
    expect(percentToFraction(12.5)).toBe(0.125);
  });
});
