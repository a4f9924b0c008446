import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { operations } from '../../../api/schema';
import type { Schema } from '../../../api/types';
import { dashboardKeys } from './dashboardKeys';

export type ActivityMetrics = Schema<'ActivityMetrics'>;
export type ActivityReport = Schema<'MetricReportOfActivityMetrics'>;
export type ActivityMixRow = Schema<'ActivityMixRow'>;
export type MetricRecord = Schema<'MetricRecord'>;
export type MetricRecordPage = Schema<'PageOfMetricRecord'>;
export type Bucket = NonNullable<Schema<'Bucket'>>;
/** A figure whose records `explainActivityMetrics` lists, as the contract names it. */
export type ActivityFigure = NonNullable<NonNullable<operations['explainActivityMetrics']['parameters']['query']>['figure']>;

/** The window and subject every metric endpoint takes: a team, a rep, or neither (the caller's default). */
export interface MetricSubjectQuery {
  from: string;
  to: string;
  teamId?: string;
  userId?: string;
}

const EXPLAIN_PAGE_SIZE = 25;

export function useActivityReport(query: MetricSubjectQuery, bucket: Bucket) {
  return useQuery({
    queryKey: dashboardKeys.activity(query, bucket),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/activity', { params: { query: { ...query, bucket } } })),
  });
}

export function useActivityMix(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.activityMix(query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/activity/mix', { params: { query } })),
  });
}

/** One page of the records behind an activity figure. */
export function explainActivity(figure: ActivityFigure, query: MetricSubjectQuery, cursor: string | null): Promise<MetricRecordPage> {
  return unwrap(
    api.GET('/api/v1/metrics/activity/explain', {
      params: { query: { ...query, figure, limit: EXPLAIN_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
    }),
  );
}
