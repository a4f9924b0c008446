import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { userKeys } from './userKeys';

/** Deactivates (signs them out everywhere, keeps their records) or reactivates a person. */
export function useSetUserActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) =>
      unwrap(
        active
          ? api.POST('/api/v1/users/{id}/reactivate', { params: { path: { id } } })
          : api.POST('/api/v1/users/{id}/deactivate', { params: { path: { id } } }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
  });
}
