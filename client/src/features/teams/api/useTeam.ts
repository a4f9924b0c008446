import { useQuery } from '@tanstack/react-query';
import { api, unwrapTagged } from '../../../api/client';
import { teamKeys } from './teamKeys';

/** One team with its ETag, read fresh each time an edit starts (and not refetched under the form). */
export function useTeam(id: string) {
  return useQuery({
    queryKey: teamKeys.detail(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/teams/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
}
