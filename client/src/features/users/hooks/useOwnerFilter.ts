import { useSearchParams } from 'react-router';
import { readOwnerFilter, writeOwnerFilter, type OwnerFilter } from '../components/ownerFilterParams';

/** A list's owner and team filter, read from and written to the address. */
export function useOwnerFilter(): [OwnerFilter, (next: OwnerFilter) => void] {
  const [params, setParams] = useSearchParams();
  return [
    readOwnerFilter(params),
    (next) => {
      setParams((current) => writeOwnerFilter(current, next), { replace: true });
    },
  ];
}
