import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { ownerFilterQuery, type OwnerFilter } from '../../users/components/ownerFilterParams';
import { leadKeys } from './leadKeys';

export type Lead = Schema<'LeadDto'>;
export type LeadStatus = Schema<'LeadStatus'>;

export const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'working', 'qualified', 'disqualified', 'converted'];

export const leadStatusLabel: Record<LeadStatus, string> = {
  new: 'New',
  working: 'Working',
  qualified: 'Qualified',
  disqualified: 'Disqualified',
  converted: 'Converted',
};

export interface LeadFilters extends OwnerFilter {
  q: string;
  status: LeadStatus | '';
  source: string;
}

const PAGE_SIZE = 50;

/** Leads matching the filters, newest first, one page at a time ("Load more"). */
export function useLeads(filters: LeadFilters) {
  return useInfiniteQuery({
    queryKey: leadKeys.list(filters),
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/leads', {
          params: {
            query: {
              limit: PAGE_SIZE,
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              ...(filters.source ? { source: filters.source } : {}),
              ...ownerFilterQuery(filters),
              ...(pageParam ? { cursor: pageParam } : {}),
            },
          },
        }),
      ),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** One lead with its ETag; not refetched under an open edit form. */
export function useLead(id: string) {
  return useQuery({
    queryKey: leadKeys.detail(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/leads/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateLeadRequest'>) => unwrap(api.POST('/api/v1/leads', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.lists() }),
  });
}

export function useUpdateLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: Schema<'UpdateLeadRequest'> }) =>
      unwrapTagged(api.PUT('/api/v1/leads/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (lead) => {
      queryClient.setQueryData(leadKeys.detail(id), lead);
      return queryClient.invalidateQueries({ queryKey: leadKeys.lists() });
    },
  });
}

export function useConvertLead(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: Schema<'ConvertLeadRequest'> }) =>
      unwrap(
        api.POST('/api/v1/leads/{id}/convert', {
          params: { path: { id }, header: { ...ifMatch(etag), 'Idempotency-Key': crypto.randomUUID() } },
          body,
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadKeys.all }),
  });
}
