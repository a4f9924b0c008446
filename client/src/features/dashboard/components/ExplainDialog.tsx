import { useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Button, Dialog, EmptyState, ErrorState, LoadingState } from '../../../components/ui';
import type { MetricRecord, MetricRecordPage } from '../api/useActivityMetrics';
import { formatCount } from '../format';
import { recordHref } from './recordHref';

interface Props {
  title: string;
  /** Caches the pages per figure, window and subject. */
  queryKey: QueryKey;
  /** One page of the records behind the figure, from the first (`null`) or the given cursor. */
  fetchPage: (cursor: string | null) => Promise<MetricRecordPage>;
  nameOf: (userId: string) => string;
  onClose: () => void;
  /** An extra column for each record's `value` (e.g. the probability a forecast gave a deal). */
  valueColumn?: { header: string; format: (value: number | null) => string };
}

const KIND_LABELS: Record<MetricRecord['kind'], string> = {
  activity: 'Activity',
  follow_up: 'Follow-up',
  opportunity: 'Opportunity',
  stage_move: 'Stage move',
  lead: 'Lead',
};

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function recordText(record: MetricRecord): string {
  return record.label ?? KIND_LABELS[record.kind];
}

/** The records behind one figure, a page at a time with "Load more". */
export function ExplainDialog({ title, queryKey, fetchPage, nameOf, onClose, valueColumn }: Props) {
  const pages = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor ?? null,
  });
  const records = pages.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <Dialog title={title} onClose={onClose}>
      <div className="explain">
        {pages.isPending ? (
          <LoadingState label="Loading records…" />
        ) : pages.isError && records.length === 0 ? (
          <ErrorState error={pages.error} onRetry={() => void pages.refetch()} />
        ) : records.length === 0 ? (
          <EmptyState>No records behind this figure.</EmptyState>
        ) : (
          <>
            <p className="muted" role="status">
              {records.length === 1 ? '1 record shown' : `${formatCount(records.length)} records shown`}
              {pages.hasNextPage ? '; more to load.' : '.'}
            </p>
            <div className="table-scroll" role="region" aria-label={`${title} records`} tabIndex={0}>
              <table className="table">
                <caption className="visually-hidden">{title}: records</caption>
                <thead>
                  <tr>
                    <th scope="col">Record</th>
                    <th scope="col">Kind</th>
                    <th scope="col">When</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Amount</th>
                    {valueColumn && <th scope="col">{valueColumn.header}</th>}
                  </tr>
                </thead>
                <tbody>
                  {records.map((record) => {
                    const href = recordHref(record);
                    return (
                      <tr key={`${record.kind}-${record.id}`}>
                        <th scope="row">
                          {href ? <Link to={href}>{recordText(record)}</Link> : recordText(record)}
                        </th>
                        <td>{KIND_LABELS[record.kind]}</td>
                        <td>
                          <time dateTime={record.at}>{when.format(new Date(record.at))}</time>
                        </td>
                        <td>{nameOf(record.ownerId)}</td>
                        <td>{record.amount === null ? '' : record.amount.toLocaleString('en-GB')}</td>
                        {valueColumn && <td>{valueColumn.format(record.value)}</td>}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {pages.isFetchNextPageError && <ErrorState error={pages.error} />}
            {pages.hasNextPage && (
              <div className="form__actions">
                <Button variant="secondary" disabled={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
                  {pages.isFetchingNextPage ? 'Loading…' : 'Load more'}
                </Button>
              </div>
            )}
          </>
        )}
      </div>
    </Dialog>
  );
}
