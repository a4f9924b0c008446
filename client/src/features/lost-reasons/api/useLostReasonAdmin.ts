import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { pipelineKeys } from '../../pipelines/api/usePipelines';

export function useCreateLostReason() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'CreateLostReasonRequest'>) => unwrap(api.POST('/api/v1/lost-reasons', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pipelineKeys.lostReasons() }),
  });
}

export function useArchiveLostReason() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/v1/lost-reasons/{id}/archive', { params: { path: { id } } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: pipelineKeys.lostReasons() }),
  });
}
