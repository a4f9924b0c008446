import type { Schema } from '../../../api/types';

export type ScoreBand = Schema<'ScoreBand'>;
type BandRow = Pick<Schema<'ScoreBandConversion'>, 'band' | 'minScore' | 'maxScore' | 'leadsCreated' | 'leadsConverted'>;

const BAND_NAMES: Record<ScoreBand, string> = {
  below_zero: 'Below zero',
  cold: 'Cold',
  warm: 'Warm',
  at_threshold: 'At threshold',
};

/** A band's score range as people read it: "< 0", "0–9", "20+" (null bounds are open). */
export function bandRange(minScore: number | null, maxScore: number | null): string {
  if (minScore === null && maxScore === null) return 'any score';
  if (minScore === null) return `< ${String((maxScore ?? 0) + 1)}`;
  if (maxScore === null) return `${String(minScore)}+`;
  if (minScore > maxScore) return 'none';
  return minScore === maxScore ? String(minScore) : `${String(minScore)}–${String(maxScore)}`;
}

export function bandLabel(row: Pick<BandRow, 'band' | 'minScore' | 'maxScore'>): string {
  return `${BAND_NAMES[row.band]} (${bandRange(row.minScore, row.maxScore)})`;
}

/** All bands together: the same numbers a "Leads" tile would show, with the rate null when no leads. */
export function bandTotals(rows: readonly BandRow[]): { leadsCreated: number; leadsConverted: number; conversionRate: number | null } {
  const leadsCreated = rows.reduce((sum, r) => sum + r.leadsCreated, 0);
  const leadsConverted = rows.reduce((sum, r) => sum + r.leadsConverted, 0);
  return { leadsCreated, leadsConverted, conversionRate: leadsCreated === 0 ? null : leadsConverted / leadsCreated };
}

/** "+10", "−5", "0": points with their sign. */
export function signedPoints(points: number): string {
  if (points > 0) return `+${String(points)}`;
  if (points < 0) return `−${String(-points)}`;
  return '0';
}
