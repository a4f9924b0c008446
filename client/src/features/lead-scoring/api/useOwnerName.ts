import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { useMe } from '../../auth';
import { leadScoringKeys } from './leadScoringKeys';

/** A lead owner's name: "You" for the signed-in person; managers and admins read the person (reps cannot list people). */
export function useOwnerName(ownerId: string): string | null {
  const me = useMe();
  const own = me.data?.id === ownerId;
  const person = useQuery({
    queryKey: [...leadScoringKeys.all, 'owner', ownerId],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: ownerId } } })),
    enabled: !!me.data && !own && me.data.role !== 'rep',
    staleTime: 60_000,
  });
  if (own) return 'You';
  return person.data?.displayName ?? null;
}
