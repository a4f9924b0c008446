import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { operations } from '../../../api/schema';
import type { Schema } from '../../../api/types';
import { useOrganisation } from '../../organisation/api/useOrganisation';
import { dashboardKeys } from './dashboardKeys';
import type { Bucket, MetricRecordPage, MetricSubjectQuery } from './useActivityMetrics';

type FigureOf<Op extends keyof operations> = NonNullable<
  NonNullable<operations[Op]['parameters']['query']> extends { figure?: infer F } ? F : never
>;

export type FollowUpFigure = FigureOf<'explainFollowUpMetrics'>;
export type PipelineFigure = FigureOf<'explainPipelineMetrics'>;
export type ResultFigure = FigureOf<'explainResultMetrics'>;
export type LeadFigure = FigureOf<'explainLeadMetrics'>;
export type FunnelFigure = FigureOf<'explainFunnelMetrics'>;
export type LeaderboardRanking = Schema<'LeaderboardRanking'>;

export type FollowUpDiscipline = Schema<'FollowUpDiscipline'>;
export type StageFollowUps = Schema<'StageFollowUps'>;
export type StageSnapshot = Schema<'StageSnapshot'>;
export type StageConversion = Schema<'StageConversion'>;
export type StageDays = Schema<'StageDays'>;
export type StaleDeal = Schema<'StaleDeal'>;
export type ResultMetrics = Schema<'ResultMetrics'>;
export type LostReasonRow = Schema<'LostReasonRow'>;
export type LeadMetrics = Schema<'LeadMetrics'>;
export type QuotaAttainmentRow = Schema<'QuotaAttainmentRow'>;
export type LeaderboardRow = Schema<'LeaderboardRow'>;
export type ThreeNumberFunnel = Schema<'ThreeNumberFunnel'>;

const EXPLAIN_PAGE_SIZE = 25;
const page = (cursor: string | null) => ({ limit: EXPLAIN_PAGE_SIZE, ...(cursor ? { cursor } : {}) });

/** The organisation's currency, for money; `undefined` until known (or when it cannot be read). */
export function useCurrency(): string | undefined {
  const organisation = useOrganisation();
  return organisation.data?.data.currency;
}

export function useFollowUpMetrics(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('follow-ups', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/follow-ups', { params: { query } })),
  });
}

export function explainFollowUps(figure: FollowUpFigure, query: MetricSubjectQuery, cursor: string | null): Promise<MetricRecordPage> {
  return unwrap(api.GET('/api/v1/metrics/follow-ups/explain', { params: { query: { ...query, figure, ...page(cursor) } } }));
}

/** The open pipeline now (no `asOf`), for the subject without the window. */
export function usePipelineSnapshot(query: MetricSubjectQuery) {
  const { teamId, userId } = query;
  const subject = { ...(teamId ? { teamId } : {}), ...(userId ? { userId } : {}) };
  return useQuery({
    queryKey: dashboardKeys.metric('pipeline', subject),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/pipeline', { params: { query: subject } })),
  });
}

export function useStageConversion(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('conversion', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/pipeline/conversion', { params: { query } })),
  });
}

export function useDaysInStage(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('days-in-stage', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/pipeline/days-in-stage', { params: { query } })),
  });
}

/** The first page of stale deals (up to 200) for the subject. */
export function useStaleDeals(query: MetricSubjectQuery) {
  const { teamId, userId } = query;
  const subject = { ...(teamId ? { teamId } : {}), ...(userId ? { userId } : {}) };
  return useQuery({
    queryKey: dashboardKeys.metric('stale', subject),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/pipeline/stale', { params: { query: { ...subject, limit: 200 } } })),
  });
}

/** The open opportunities in one stage now. */
export function explainPipelineStage(stageId: string, query: MetricSubjectQuery, cursor: string | null): Promise<MetricRecordPage> {
  const { teamId, userId } = query;
  const subject = { ...(teamId ? { teamId } : {}), ...(userId ? { userId } : {}) };
  return unwrap(
    api.GET('/api/v1/metrics/pipeline/explain', {
      params: { query: { ...subject, figure: 'open_opportunities', stageId, ...page(cursor) } },
    }),
  );
}

export function useResultMetrics(query: MetricSubjectQuery, bucket: Bucket) {
  return useQuery({
    queryKey: dashboardKeys.metric('results', query, bucket),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/results', { params: { query: { ...query, bucket } } })),
  });
}

export function useLostReasons(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('lost-reasons', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/results/lost-reasons', { params: { query } })),
  });
}

export function useLeadMetrics(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('leads', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/leads', { params: { query } })),
  });
}

export function explainResults(figure: ResultFigure, query: MetricSubjectQuery, cursor: string | null): Promise<MetricRecordPage> {
  return unwrap(api.GET('/api/v1/metrics/results/explain', { params: { query: { ...query, figure, ...page(cursor) } } }));
}

export function explainLeads(figure: LeadFigure, query: MetricSubjectQuery, cursor: string | null): Promise<MetricRecordPage> {
  return unwrap(api.GET('/api/v1/metrics/leads/explain', { params: { query: { ...query, figure, ...page(cursor) } } }));
}

export function useQuotaAttainment(query: MetricSubjectQuery, enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.metric('quota-attainment', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/quota-attainment', { params: { query } })),
    enabled,
  });
}

export function explainQuota(quotaId: string, cursor: string | null): Promise<MetricRecordPage> {
  return unwrap(api.GET('/api/v1/metrics/quota-attainment/explain', { params: { query: { quotaId, ...page(cursor) } } }));
}

/** The leaderboard ranks a team (or everyone visible); a picked rep does not narrow it. */
export function useLeaderboard(query: MetricSubjectQuery, rankBy: LeaderboardRanking) {
  const { from, to, teamId } = query;
  const params = { from, to, ...(teamId ? { teamId } : {}), rankBy, limit: 100 };
  return useQuery({
    queryKey: dashboardKeys.metric('leaderboard', params),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/leaderboard', { params: { query: params } })),
  });
}

export function useFunnelMetrics(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: dashboardKeys.metric('funnel', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/funnel', { params: { query } })),
  });
}

export function explainFunnel(figure: FunnelFigure, query: MetricSubjectQuery, cursor: string | null): Promise<MetricRecordPage> {
  return unwrap(api.GET('/api/v1/metrics/funnel/explain', { params: { query: { ...query, figure, ...page(cursor) } } }));
}
