import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { teamKeys } from './teamKeys';

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateTeamRequest'>) => unwrap(api.POST('/api/v1/teams', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: teamKeys.list() }),
  });
}
