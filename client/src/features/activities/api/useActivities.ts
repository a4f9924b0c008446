import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { activityKeys } from './activityKeys';

export type Activity = Schema<'ActivityDto'>;

/** The newest activities of one owner, newest first (the API's order). */
export function useRecentActivities(ownerId: string | undefined, limit = 20) {
  return useQuery({
    queryKey: activityKeys.list({ ...(ownerId ? { ownerId } : {}) }),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/activities', { params: { query: { ownerId: ownerId ?? '', limit } } }))).items,
    enabled: !!ownerId,
  });
}
