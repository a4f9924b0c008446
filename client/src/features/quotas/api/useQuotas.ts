import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { versionTag } from '../../opportunities/api/versionTag';
import { quotaKeys } from './quotaKeys';

export type Quota = Schema<'QuotaDto'>;
export type QuotaPeriod = Schema<'QuotaPeriod'>;
export type QuotaKind = Schema<'QuotaKind'>;

/** Quotas, optionally for one rep, ordered by period start (the first 200). */
export function useQuotas(userId: string) {
  return useQuery({
    queryKey: quotaKeys.list(userId),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/quotas', { params: { query: { limit: 200, ...(userId ? { userId } : {}) } } }))).items,
  });
}

/** Active people who can carry a quota, for the rep picker. */
export function useQuotaPeople() {
  return useQuery({
    queryKey: quotaKeys.reps(),
    queryFn: async () =>
      (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200, isActive: true } } }))).items,
    staleTime: 60_000,
  });
}

export function useCreateQuota() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateQuotaRequest'>) => unwrap(api.POST('/api/v1/quotas', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quotaKeys.all }),
  });
}

export function useUpdateQuota() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quota, body }: { quota: Quota; body: Schema<'UpdateQuotaRequest'> }) =>
      unwrap(
        api.PUT('/api/v1/quotas/{id}', { params: { path: { id: quota.id }, header: ifMatch(versionTag(quota.version)) }, body }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: quotaKeys.all }),
  });
}
