import { useQuery } from '@tanstack/react-query';
import { api, unwrapTagged } from '../../../api/client';
import { userKeys } from './userKeys';

/** One person with their ETag, read fresh each time an edit starts (and not refetched under the form). */
export function useUser(id: string) {
  return useQuery({
    queryKey: userKeys.detail(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
}
