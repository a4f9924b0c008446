import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { dashboardKeys } from './dashboardKeys';
import type { MetricSubjectQuery } from './useActivityMetrics';

export type SellingTime = Schema<'SellingTime'>;
export type SellingTimeRepRow = Schema<'SellingTimeRepRow'>;

/** Selling versus non-selling time over the window (keys start with `metric('selling-time')`, which time entries refresh). */
export function useSellingTime(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('selling-time', 'totals', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/selling-time', { params: { query } })),
  });
}

export function useSellingTimeByRep(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('selling-time', 'reps', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/selling-time/reps', { params: { query } })),
  });
}
