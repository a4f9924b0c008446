import { useUrlParams } from '../../../components/ui';
import { useOwnerFilter } from '../../users/hooks/useOwnerFilter';
import type { DirectoryFilters } from '../api/useDirectory';

/** A directory list's search text and owner filter, kept in the address. */
export function useDirectoryFilters() {
  const [params, update] = useUrlParams();
  const [owner, setOwner] = useOwnerFilter();
  const filters: DirectoryFilters = { q: params.get('q') ?? '', ...owner };
  return {
    filters,
    owner,
    setQuery: (q: string) => {
      update({ q });
    },
    setOwner,
  };
}
