import { useSearchParams } from 'react-router';

/**
 * A page's choices kept in the address, so a view can be bookmarked and shared. `update` sets the
 * given keys and drops those that are empty, replacing the history entry rather than adding one.
 */
export function useUrlParams(): [URLSearchParams, (changes: Record<string, string | null>) => void] {
  const [params, setParams] = useSearchParams();

  function update(changes: Record<string, string | null>) {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  }

  return [params, update];
}
