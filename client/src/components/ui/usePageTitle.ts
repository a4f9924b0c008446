import { useEffect } from 'react';

/** Names the browser tab after the page, so people (and screen readers) know where they are. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · SalesCrm`;
  }, [title]);
}
