import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { operations } from '../../../api/schema';
import type { Schema } from '../../../api/types';
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
