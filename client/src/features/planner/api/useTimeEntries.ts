import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { dashboardKeys } from '../../dashboard/api/dashboardKeys';
import { plannerKeys } from './plannerKeys';

export type TimeEntry = Schema<'TimeEntryDto'>;

const PAGE_SIZE = 50;

/** After any change: the lists and the selling-time figures that set time entries against selling time are read again. */
function refreshAfterChange(queryClient: QueryClient) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: plannerKeys.timeEntryLists() }),
    queryClient.invalidateQueries({ queryKey: dashboardKeys.metric('selling-time') }),
  ]);
}

/** One owner's time entries started at or after `from`, newest first, a page at a time. */
export function useTimeEntries(ownerId: string, from: string) {
  return useInfiniteQuery({
    queryKey: plannerKeys.timeEntryList(ownerId, from),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/time-entries', {
          params: { query: { ownerId, from, limit: PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
}

/** One time entry with its ETag, read fresh each time an edit starts (and not refetched under the form). */
export function useTimeEntry(id: string) {
  return useQuery({
    queryKey: plannerKeys.timeEntry(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/time-entries/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
    gcTime: 0,
  });
}

/** Logs a non-selling time entry with its `Idempotency-Key`; the list and the selling-time figures are read again. */
export function useCreateTimeEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: Schema<'CreateTimeEntryRequest'>; idempotencyKey: string }) =>
      unwrap(api.POST('/api/v1/time-entries', { params: { header: { 'Idempotency-Key': idempotencyKey } }, body })),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}

interface UpdateTimeEntry {
  id: string;
  etag: string | null;
  body: Schema<'UpdateTimeEntryRequest'>;
}

/** Corrects a time entry, guarded by the ETag it was read with (412 when someone changed it meanwhile). */
export function useUpdateTimeEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, etag, body }: UpdateTimeEntry) =>
      unwrapTagged(api.PUT('/api/v1/time-entries/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (entry) => {
      queryClient.setQueryData(plannerKeys.timeEntry(entry.data.id), entry);
      return refreshAfterChange(queryClient);
    },
  });
}

export function useDeleteTimeEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/time-entries/{id}', { params: { path: { id } } })),
    onSuccess: () => refreshAfterChange(queryClient),
  });
}
