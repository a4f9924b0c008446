import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { authKeys } from '../../auth/api/authKeys';
import { userKeys } from './userKeys';

interface UpdateUser {
  id: string;
  etag: string | null;
  body: Schema<'UpdateUserRequest'>;
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, body }: UpdateUser) =>
      unwrapTagged(api.PUT('/api/v1/users/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: async (user) => {
      queryClient.setQueryData(userKeys.detail(user.data.id), user);
      // The signed-in admin may have renamed themselves.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: userKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: authKeys.me() }),
      ]);
    },
  });
}
