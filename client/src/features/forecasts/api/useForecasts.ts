import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { opportunityKeys } from '../../opportunities/api/opportunityKeys';
import { forecastKeys } from './forecastKeys';

export type ForecastReport = Schema<'ForecastReport'>;
export type ForecastMethod = Schema<'ForecastMethod'>;
export type ForecastPeriod = Schema<'ForecastPeriod'>;
export type ForecastCategory = Schema<'ForecastCategory'>;
export type PeriodAccuracy = Schema<'PeriodAccuracy'>;
export type MetricRecordPage = Schema<'PageOfMetricRecord'>;

/** Whose forecast: a team, a rep, or neither (the caller's default: an admin the organisation, a manager their team). */
export interface ForecastSubject {
  teamId?: string;
  userId?: string;
}

/** The historical method's inputs; an absent one takes the API's default. */
export interface HistoricalInputs {
  growthRate?: number;
  newReps?: number;
  newRepDeals?: number;
  newRepDealSize?: number;
}

export interface ForecastQuery extends ForecastSubject, HistoricalInputs {
  period: ForecastPeriod;
  start: string;
}

const EXPLAIN_PAGE_SIZE = 25;

/** The three methods side by side; keeps the last answer on screen while new inputs are fetched (or refused). */
export function useForecast(query: ForecastQuery) {
  return useQuery({
    queryKey: forecastKeys.report(query),
    queryFn: () => unwrap(api.GET('/api/v1/forecasts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** One page of the deals a method counted (the explain always uses the default historical inputs). */
export function explainForecast(method: ForecastMethod, query: ForecastQuery, cursor: string | null): Promise<MetricRecordPage> {
  const { period, start, teamId, userId } = query;
  return unwrap(
    api.GET('/api/v1/forecasts/explain', {
      params: {
        query: { method, period, start, ...(teamId ? { teamId } : {}), ...(userId ? { userId } : {}), limit: EXPLAIN_PAGE_SIZE, ...(cursor ? { cursor } : {}) },
      },
    }),
  );
}

export function useForecastAccuracy(period: ForecastPeriod, subject: ForecastSubject) {
  return useQuery({
    queryKey: forecastKeys.accuracy(period, subject),
    queryFn: () => unwrap(api.GET('/api/v1/forecasts/accuracy', { params: { query: { period, ...subject, limit: 12 } } })),
  });
}

/** Takes the due snapshots now for the subject (or everything the caller manages); idempotent on the server too. */
export function useSnapshotForecasts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ subject, idempotencyKey }: { subject: ForecastSubject; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/forecasts/snapshots', { params: { query: subject, header: { 'Idempotency-Key': idempotencyKey } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: forecastKeys.all }),
  });
}

/** Sets a deal's forecast category, guarded by the opportunity's ETag; the deal's version moves on. */
export function useSetForecastCategory() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunityId, etag, category }: { opportunityId: string; etag: string | null; category: ForecastCategory }) =>
      unwrapTagged(
        api.PUT('/api/v1/opportunities/{id}/forecast', {
          params: { path: { id: opportunityId }, header: ifMatch(etag) },
          body: { category },
        }),
      ),
    onSuccess: async (_result, { opportunityId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunityKeys.detail(opportunityId) }),
        queryClient.invalidateQueries({ queryKey: forecastKeys.all }),
      ]);
    },
  });
}
