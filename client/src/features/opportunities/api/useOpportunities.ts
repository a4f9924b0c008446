import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { activityKeys } from '../../activities/api/activityKeys';
import { followUpKeys } from '../../follow-ups/api/followUpKeys';
import { opportunityKeys, type BoardFilters } from './opportunityKeys';
import { versionTag } from './versionTag';

export type Opportunity = Schema<'OpportunityDto'>;
export type StageMove = Schema<'StageMoveDto'>;
export type TimelineEntry = Schema<'TimelineEntry'>;

/** The board reads at most this many deals per pipeline (the API's page is 200). */
const BOARD_LIMIT = 1000;

export function useBoardOpportunities(pipelineId: string | undefined, filters: BoardFilters = {}) {
  return useQuery({
    queryKey: opportunityKeys.board(pipelineId ?? '', filters),
    enabled: !!pipelineId,
    queryFn: async () => {
      const items: Opportunity[] = [];
      let cursor: string | null = null;
      do {
        const page: Schema<'PageOfOpportunityDto'> = await unwrap(
          api.GET('/api/v1/opportunities', {
            params: { query: { pipelineId: pipelineId ?? '', ...filters, limit: 200, ...(cursor ? { cursor } : {}) } },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor && items.length < BOARD_LIMIT);
      return items;
    },
  });
}

/** The caller's open deals, for picking one in quick log (the list has no text search). */
export function useOpenOpportunities(enabled: boolean) {
  return useQuery({
    queryKey: opportunityKeys.open(),
    enabled,
    staleTime: 30_000,
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/opportunities', { params: { query: { status: 'open', limit: 200 } } }))).items,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })),
  });
}

export function useStageHistory(id: string) {
  return useQuery({
    queryKey: opportunityKeys.history(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/opportunities/{id}/stage-moves', { params: { path: { id }, query: { limit: 200 } } })))
        .items,
  });
}

export function useOpportunityTimeline(id: string) {
  return useQuery({
    queryKey: opportunityKeys.timeline(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/opportunities/{id}/timeline', { params: { path: { id }, query: { limit: 100 } } })))
        .items,
  });
}

/** Account names for cards: one cached read per account shown. */
export function useAccountNames(accountIds: readonly string[]): Map<string, string> {
  const unique = [...new Set(accountIds)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: opportunityKeys.account(id),
      queryFn: () => unwrap(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
      staleTime: 5 * 60_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    const id = unique[index];
    if (id && result.data) names.set(id, result.data.name);
  });
  return names;
}

/** Deal names for lists that hold only ids (my day); shares the detail page's cache entries. */
export function useOpportunityNames(ids: readonly string[]): Map<string, string> {
  const unique = [...new Set(ids)];
  const results = useQueries({
    queries: unique.map((id) => ({
      queryKey: opportunityKeys.detail(id),
      queryFn: () => unwrapTagged(api.GET('/api/v1/opportunities/{id}', { params: { path: { id } } })),
      staleTime: 60_000,
    })),
  });
  const names = new Map<string, string>();
  results.forEach((result, index) => {
    const id = unique[index];
    if (id && result.data) names.set(id, result.data.data.name);
  });
  return names;
}

export interface MoveStage {
  opportunity: Pick<Opportunity, 'id' | 'version'>;
  toStageId: string;
  lostReasonId?: string | null;
}

/** Moves a deal to a stage, guarded by the version it was shown with (412 when someone moved it first). */
export function useMoveStage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ opportunity, toStageId, lostReasonId }: MoveStage) =>
      unwrap(
        api.POST('/api/v1/opportunities/{id}/stage-moves', {
          params: {
            path: { id: opportunity.id },
            header: { 'If-Match': versionTag(opportunity.version), 'Idempotency-Key': crypto.randomUUID() },
          },
          body: { toStageId, ...(lostReasonId ? { lostReasonId } : {}) },
        }),
      ),
    onSettled: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: opportunityKeys.all }),
        queryClient.invalidateQueries({ queryKey: activityKeys.all }),
        queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
      ]);
    },
  });
}
