import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { integrationClientKeys } from './integrationClientKeys';

export type IntegrationClientCreated = Schema<'IntegrationClientCreated'>;

/** The response holds the client secret; it is handed to the caller once and never cached. */
export function useCreateIntegrationClient() {
  const queryClient = useQueryClient();
  return useMutation({
    // Forget the response (and its secret) as soon as the dialog that made it is gone.
    gcTime: 0,
    mutationFn: (body: Schema<'CreateIntegrationClientRequest'>) =>
      unwrap(api.POST('/api/v1/integration-clients', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: integrationClientKeys.list() }),
  });
}
