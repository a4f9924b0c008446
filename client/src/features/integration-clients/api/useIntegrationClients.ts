import { useInfiniteQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { integrationClientKeys } from './integrationClientKeys';

export type IntegrationClient = Schema<'IntegrationClientDto'>;

const PAGE_SIZE = 100;

export function useIntegrationClients() {
  return useInfiniteQuery({
    queryKey: integrationClientKeys.list(),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/integration-clients', {
          params: { query: { limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}
