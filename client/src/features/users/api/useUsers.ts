import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { ResponseBody } from '../../../api/types';
import { userKeys } from './userKeys';

export type UserPage = ResponseBody<'/api/v1/users', 'get'>;
export type User = UserPage['items'][number];

const PAGE_SIZE = 50;

export function useUsers() {
  return useInfiniteQuery({
    queryKey: userKeys.list({ limit: PAGE_SIZE }),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/users', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}
