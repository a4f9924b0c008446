import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { operations } from '../../../api/schema';
import type { Schema } from '../../../api/types';
import { dashboardKeys } from '../../dashboard/api/dashboardKeys';
import { plannerKeys } from './plannerKeys';

export type PlannerQuery = NonNullable<operations['getPlan']['parameters']['query']> & { month: string };
export type PlannerReport = Schema<'PlannerReport'>;
export type PlannerRate = Schema<'PlannerRate'>;
export type TimeEntryKind = Schema<'TimeEntryKind'>;

/** The reverse funnel for a goal; nothing is asked until the rep has entered one (`query` null). */
export function usePlanner(query: PlannerQuery | null) {
  return useQuery({
    queryKey: plannerKeys.plan(query ?? { month: '' }),
    queryFn: () => unwrap(api.GET('/api/v1/planner', { params: { query: query ?? { month: '' } } })),
    enabled: query !== null,
    retry: false,
  });
}

/** Logs a non-selling time entry with its `Idempotency-Key`; the selling-time figures are read again. */
export function useCreateTimeEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'CreateTimeEntryRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/time-entries', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dashboardKeys.metric('selling-time') }),
  });
}
