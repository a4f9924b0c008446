import { useQuery } from '@tanstack/react-query';
import { api, unwrapTagged } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { organisationKeys } from './organisationKeys';

export type Organisation = Schema<'OrganisationDto'>;

/** The settings with their ETag. Not refetched behind an open form: a stale save gets 412 and a reload. */
export function useOrganisation() {
  return useQuery({
    queryKey: organisationKeys.settings(),
    queryFn: () => unwrapTagged(api.GET('/api/v1/organisation')),
    staleTime: Infinity,
  });
}
