import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import type { operations } from '../../../api/schema';
import type { MetricRecordPage, MetricSubjectQuery } from '../../dashboard/api/useActivityMetrics';
import { versionTag } from '../../opportunities/api/versionTag';
import { leadScoringKeys } from './leadScoringKeys';

export type ScoringRule = Schema<'ScoringRuleDto'>;
export type ScoringSettings = Schema<'ScoringSettingsDto'>;
export type LeadAssignmentRule = Schema<'LeadAssignmentRule'>;
export type LeadScoreEvent = Schema<'LeadScoreEventDto'>;
export type ScoreBandConversion = Schema<'ScoreBandConversion'>;
export type QualifiedLeadResponse = Schema<'QualifiedLeadResponse'>;

export function useScoringRules() {
  return useQuery({
    queryKey: leadScoringKeys.rules(),
    queryFn: () => unwrap(api.GET('/api/v1/lead-scoring/rules')),
  });
}

export function useCreateScoringRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'CreateScoringRuleRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/lead-scoring/rules', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadScoringKeys.rules() }),
  });
}

/** Points of one rule, guarded by the version the list showed (`If-Match`). */
export function useUpdateScoringRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ rule, points }: { rule: ScoringRule; points: number }) =>
      unwrap(
        api.PUT('/api/v1/lead-scoring/rules/{type}', {
          params: { path: { type: rule.type }, header: ifMatch(versionTag(rule.version)) },
          body: { points },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadScoringKeys.rules() }),
  });
}

export function useDeleteScoringRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (type: string) => unwrap(api.DELETE('/api/v1/lead-scoring/rules/{type}', { params: { path: { type } } })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadScoringKeys.rules() }),
  });
}

/** The threshold and assignment rule with their `ETag`; not refetched under the open form. */
export function useScoringSettings() {
  return useQuery({
    queryKey: leadScoringKeys.settings(),
    queryFn: () => unwrapTagged(api.GET('/api/v1/lead-scoring/settings')),
    staleTime: Infinity,
  });
}

export function useUpdateScoringSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: Schema<'UpdateScoringSettingsRequest'> }) =>
      unwrapTagged(api.PUT('/api/v1/lead-scoring/settings', { params: { header: ifMatch(etag) }, body })),
    onSuccess: (settings) => {
      queryClient.setQueryData(leadScoringKeys.settings(), settings);
    },
  });
}

/** A lead's scoring events, oldest first. */
export function useLeadScoreEvents(leadId: string) {
  return useQuery({
    queryKey: leadScoringKeys.events(leadId),
    queryFn: () => unwrap(api.GET('/api/v1/leads/{id}/events', { params: { path: { id: leadId } } })),
  });
}

export function useQualifiedLeadResponse(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: leadScoringKeys.metric('response-time', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/lead-scoring/response-time', { params: { query } })),
  });
}

export function useScoreBands(query: MetricSubjectQuery) {
  return useQuery({
    queryKey: leadScoringKeys.metric('score-bands', query),
    queryFn: () => unwrap(api.GET('/api/v1/metrics/lead-scoring/score-bands', { params: { query } })),
  });
}

export type LeadScoringFigure = NonNullable<
  NonNullable<operations['explainLeadScoringMetrics']['parameters']['query']>['figure']
>;

export function explainLeadScoring(
  figure: LeadScoringFigure,
  query: MetricSubjectQuery,
  cursor: string | null,
): Promise<MetricRecordPage> {
  return unwrap(
    api.GET('/api/v1/metrics/lead-scoring/explain', {
      params: { query: { ...query, figure, limit: 25, ...(cursor ? { cursor } : {}) } },
    }),
  );
}
