import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { organisationKeys } from './organisationKeys';

interface UpdateOrganisation {
  etag: string | null;
  body: Schema<'UpdateOrganisationRequest'>;
}

export function useUpdateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ etag, body }: UpdateOrganisation) =>
      unwrapTagged(api.PUT('/api/v1/organisation', { params: { header: ifMatch(etag) }, body })),
    onSuccess: (saved) => {
      queryClient.setQueryData(organisationKeys.settings(), saved);
    },
  });
}
