import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { teamKeys } from './teamKeys';

interface RenameTeam {
  id: string;
  etag: string | null;
  body: Schema<'UpdateTeamRequest'>;
}

export function useRenameTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, body }: RenameTeam) =>
      unwrapTagged(api.PUT('/api/v1/teams/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (team) => {
      queryClient.setQueryData(teamKeys.detail(team.data.id), team);
      return queryClient.invalidateQueries({ queryKey: teamKeys.list() });
    },
  });
}
