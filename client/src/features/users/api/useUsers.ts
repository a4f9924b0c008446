import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { userKeys, type UserFilters } from './userKeys';

export type User = Schema<'UserDto'>;

const PAGE_SIZE = 100;

export function useUsers(filters: UserFilters) {
  return useInfiniteQuery({
    queryKey: userKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filters.teamId ? { teamId: filters.teamId } : {}),
              ...(filters.isActive !== null ? { isActive: filters.isActive } : {}),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}
