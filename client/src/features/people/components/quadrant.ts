import type { QuadrantRow, RepQuadrant } from '../api/usePeople';

export const QUADRANT_LABELS: Record<RepQuadrant, string> = {
  rising_star: 'Rising star',
  falling_star: 'Falling star',
  improving_laggard: 'Improving laggard',
  declining_laggard: 'Declining laggard',
};

export interface QuadrantCell {
  quadrant: RepQuadrant;
  label: string;
  /** What puts a rep in this cell, in words. */
  rule: string;
  members: QuadrantRow[];
}

/**
 * The 2×2 grid in reading order: the top row is at or above the team's median, the bottom row below
 * it; the left column did not grow on the previous quarter, the right column grew. Each rep lands in
 * the cell of the quadrant the API gave them (it decides the ties), highest revenue first.
 */
export function quadrantGrid(members: readonly QuadrantRow[]): QuadrantCell[] {
  const order: readonly { quadrant: RepQuadrant; rule: string }[] = [
    { quadrant: 'falling_star', rule: 'At or above the median, not grown' },
    { quadrant: 'rising_star', rule: 'At or above the median, grown' },
    { quadrant: 'declining_laggard', rule: 'Below the median, not grown' },
    { quadrant: 'improving_laggard', rule: 'Below the median, grown' },
  ];
  return order.map(({ quadrant, rule }) => ({
    quadrant,
    rule,
    label: QUADRANT_LABELS[quadrant],
    members: members.filter((m) => m.quadrant === quadrant).sort((a, b) => b.revenue - a.revenue),
  }));
}

/** First day (YYYY-MM-DD) of the quarter holding `day`, moved by `offset` quarters. */
export function quarterStart(day: Date, offset = 0): string {
  const index = day.getFullYear() * 4 + Math.floor(day.getMonth() / 3) + offset;
  const year = Math.floor(index / 4);
  const month = (index - year * 4) * 3 + 1;
  return `${String(year)}-${String(month).padStart(2, '0')}-01`;
}

/** "Q3 2026" for a quarter's first day. */
export function quarterLabel(start: string): string {
  const [year = '', month = '1'] = start.split('-');
  return `Q${String(Math.floor((Number(month) - 1) / 3) + 1)} ${year}`;
}

/** First day of the month holding `day`, moved by `offset` months. */
export function monthStart(day: Date, offset = 0): string {
  const index = day.getFullYear() * 12 + day.getMonth() + offset;
  const year = Math.floor(index / 12);
  return `${String(year)}-${String(index - year * 12 + 1).padStart(2, '0')}-01`;
}

const monthName = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "November 2026" for a month's first day. */
export function monthLabel(start: string): string {
  return monthName.format(new Date(`${start}T00:00:00Z`));
}

/** The periods to pick from, newest first: this one and the `count - 1` before it. */
export function periodOptions(period: 'month' | 'quarter', today: Date, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const value = period === 'month' ? monthStart(today, -i) : quarterStart(today, -i);
    return { value, label: period === 'month' ? monthLabel(value) : quarterLabel(value) };
  });
}
