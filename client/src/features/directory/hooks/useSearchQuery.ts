import { useUrlParams } from '../../../components/ui';

/** The list's `q`, kept in the URL. */
export function useSearchQuery(): [string, (value: string) => void] {
  const [params, update] = useUrlParams();
  return [
    params.get('q') ?? '',
    (value) => {
      update({ q: value });
    },
  ];
}
