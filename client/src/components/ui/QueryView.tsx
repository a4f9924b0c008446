import type { ReactNode } from 'react';
import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import { ErrorState, LoadingState } from './States';

interface Props<Data> {
  query: UseQueryResult<Data> | UseInfiniteQueryResult<Data>;
  /** Said while the first load runs, e.g. "Loading teams…". */
  loadingLabel?: string;
  children: (data: Data) => ReactNode;
}

/** A query's three states in one place: a spinner, the error with "Try again", or the view of its data. */
export function QueryView<Data>({ query, loadingLabel, children }: Props<Data>) {
  if (query.isPending) return <LoadingState label={loadingLabel} />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return children(query.data);
}
