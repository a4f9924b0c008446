import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { versionTag } from '../../opportunities/api/versionTag';
import { followUpKeys } from './followUpKeys';

export type FollowUp = Schema<'FollowUpDto'>;

/** Open follow-ups of one owner due before `dueTo` (so overdue ones too), soonest first. */
export function useOpenFollowUps(ownerId: string | undefined, dueTo: string) {
  return useQuery({
    queryKey: followUpKeys.mine(ownerId ?? '', dueTo),
    queryFn: async () => {
      const page = await unwrap(
        api.GET('/api/v1/follow-ups', {
          params: { query: { ownerId: ownerId ?? '', status: 'open', dueTo, limit: 200 } },
        }),
      );
      return [...page.items].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
    enabled: !!ownerId,
  });
}

/** Completes or cancels a follow-up, guarded by the version it was shown with. */
export function useCloseFollowUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ followUp, action }: { followUp: FollowUp; action: 'complete' | 'cancel' }) => {
      const params = { path: { id: followUp.id }, header: { 'If-Match': versionTag(followUp.version) } };
      return action === 'complete'
        ? unwrap(api.POST('/api/v1/follow-ups/{id}/complete', { params, body: {} }))
        : unwrap(api.POST('/api/v1/follow-ups/{id}/cancel', { params, body: {} }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
}
