import type { ComponentProps } from 'react';
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { Button } from './Button';
import { DataTable } from './DataTable';
import { QueryView } from './QueryView';

type PagedQuery<Row> = UseInfiniteQueryResult<InfiniteData<{ items: readonly Row[] }>>;

/** "Load more" under a cursor-paged list, while the API has another page. */
export function LoadMoreButton({ query }: { query: Pick<PagedQuery<unknown>, 'hasNextPage' | 'isFetchingNextPage' | 'fetchNextPage'> }) {
  if (!query.hasNextPage) return null;
  return (
    <Button variant="secondary" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
    </Button>
  );
}

type Props<Row> = Omit<ComponentProps<typeof DataTable<Row>>, 'rows'> & {
  query: PagedQuery<Row>;
  loadingLabel: string;
};

/** A cursor-paged list as a table: the pages loaded so far, then "Load more". */
export function PagedTable<Row>({ query, loadingLabel, ...table }: Props<Row>) {
  return (
    <QueryView query={query} loadingLabel={loadingLabel}>
      {(data) => (
        <>
          <DataTable {...table} rows={data.pages.flatMap((page) => page.items)} />
          <LoadMoreButton query={query} />
        </>
      )}
    </QueryView>
  );
}
