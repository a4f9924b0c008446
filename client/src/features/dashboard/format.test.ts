import { describe, expect, it } from 'vitest';
import { formatCount, formatRate, formatRatio } from './format';
import { addDays, presetWindow } from './period';

describe('figure formatting', () => {
  it('shows ratios as percentages and a null ratio as a dash', () => {
    expect(formatRatio(0.4567)).toBe('45.7%');
    expect(formatRatio(0)).toBe('0%');
    expect(formatRatio(1)).toBe('100%');
    expect(formatRatio(null)).toBe('—');
  });

  it('groups counts and keeps one decimal on rates', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatRate(12.345)).toBe('12.3');
    expect(formatRate(null)).toBe('—');
  });
});

describe('period windows', () => {
  const today = new Date(2026, 0, 15); // 15 January 2026, local time

  it('cuts calendar months, quarters and years with an exclusive end', () => {
    expect(presetWindow('this-month', today)).toEqual({ from: '2026-01-01', to: '2026-02-01' });
    expect(presetWindow('last-month', today)).toEqual({ from: '2025-12-01', to: '2026-01-01' });
    expect(presetWindow('this-quarter', today)).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(presetWindow('last-quarter', today)).toEqual({ from: '2025-10-01', to: '2026-01-01' });
    expect(presetWindow('this-year', today)).toEqual({ from: '2026-01-01', to: '2027-01-01' });
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });
});
