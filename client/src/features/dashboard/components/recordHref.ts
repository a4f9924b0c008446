import type { MetricRecord } from '../api/useActivityMetrics';

/** Where a record has a page of its own: opportunities, leads, and what belongs to an opportunity. */
export function recordHref(record: MetricRecord): string | null {
  if (record.kind === 'opportunity') return `/opportunities/${record.id}`;
  if (record.kind === 'lead') return `/leads/${record.id}`;
  return record.opportunityId ? `/opportunities/${record.opportunityId}` : null;
}
