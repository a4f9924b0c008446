import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { ownerFilterQuery, type OwnerFilter } from '../../users/components/ownerFilterParams';
import { directoryKeys } from './directoryKeys';

export type Account = Schema<'AccountDto'>;
export type Contact = Schema<'ContactDto'>;

const PAGE_SIZE = 50;
const TIMELINE_LIMIT = 100;

/** A directory list's search text and owner filter. */
export interface DirectoryFilters extends OwnerFilter {
  q: string;
}

function query({ q, ...owner }: DirectoryFilters, cursor: string) {
  return { limit: PAGE_SIZE, ...(q ? { q } : {}), ...ownerFilterQuery(owner), ...(cursor ? { cursor } : {}) };
}

export function useAccounts(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: directoryKeys.accountList(filters),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/accounts', { params: { query: query(filters, pageParam) } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useContacts(filters: DirectoryFilters) {
  return useInfiniteQuery({
    queryKey: directoryKeys.contactList(filters),
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/contacts', { params: { query: query(filters, pageParam) } })),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAccount(id: string) {
  return useQuery({
    queryKey: directoryKeys.account(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/accounts/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
}

export function useContact(id: string) {
  return useQuery({
    queryKey: directoryKeys.contact(id),
    queryFn: () => unwrapTagged(api.GET('/api/v1/contacts/{id}', { params: { path: { id } } })),
    staleTime: Infinity,
  });
}

export function useAccountTimeline(id: string) {
  return useQuery({
    queryKey: directoryKeys.accountTimeline(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/accounts/{id}/timeline', { params: { path: { id }, query: { limit: TIMELINE_LIMIT } } })))
        .items,
  });
}

export function useContactTimeline(id: string) {
  return useQuery({
    queryKey: directoryKeys.contactTimeline(id),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/contacts/{id}/timeline', { params: { path: { id }, query: { limit: TIMELINE_LIMIT } } })))
        .items,
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateAccountRequest'>) => unwrap(api.POST('/api/v1/accounts', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.accounts }),
  });
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateContactRequest'>) => unwrap(api.POST('/api/v1/contacts', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: directoryKeys.contacts }),
  });
}

export function useUpdateAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: Schema<'UpdateAccountRequest'> }) =>
      unwrapTagged(api.PUT('/api/v1/accounts/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (account) => {
      queryClient.setQueryData(directoryKeys.account(id), account);
      return queryClient.invalidateQueries({ queryKey: [...directoryKeys.accounts, 'list'] });
    },
  });
}

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: { etag: string | null; body: Schema<'UpdateContactRequest'> }) =>
      unwrapTagged(api.PUT('/api/v1/contacts/{id}', { params: { path: { id }, header: ifMatch(etag) }, body })),
    onSuccess: (contact) => {
      queryClient.setQueryData(directoryKeys.contact(id), contact);
      return queryClient.invalidateQueries({ queryKey: [...directoryKeys.contacts, 'list'] });
    },
  });
}
