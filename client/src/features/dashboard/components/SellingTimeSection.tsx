import { DataTable, ErrorState, LoadingState, QueryView, type Column } from '../../../components/ui';
import type { MetricSubjectQuery } from '../api/useActivityMetrics';
import { useSellingTime, useSellingTimeByRep, type SellingTimeRepRow } from '../api/useSellingTime';
import { formatRatio } from '../format';
import { FigureTile } from './FigureTile';
import { formatMinutes, sellingTimeTiles } from './sellingTimeText';

/** Selling share: time on calls, meetings and emails against the non-selling time reps log. */
export function SellingTimeSection({ query }: { query: MetricSubjectQuery }) {
  const report = useSellingTime(query);
  const reps = useSellingTimeByRep(query);
  const columns: Column<SellingTimeRepRow>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    { id: 'share', header: 'Selling share', cell: (r) => formatRatio(r.values.sellingShare), csv: (r) => r.values.sellingShare ?? '' },
    { id: 'selling', header: 'Selling', cell: (r) => formatMinutes(r.values.sellingMinutes), csv: (r) => r.values.sellingMinutes },
    { id: 'nonSelling', header: 'Non-selling', cell: (r) => formatMinutes(r.values.nonSellingMinutes), csv: (r) => r.values.nonSellingMinutes },
    { id: 'untimed', header: 'Activities without duration', cell: (r) => String(r.values.activitiesWithoutDuration), csv: (r) => r.values.activitiesWithoutDuration },
  ];

  return (
    <section className="dashboard-section" aria-labelledby="selling-time-heading">
      <h2 id="selling-time-heading">Selling time</h2>
      {report.isPending ? (
        <LoadingState label="Loading selling time…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : report.data.totals ? (
        <ul className="figure-tiles" aria-label="Selling time figures">
          {sellingTimeTiles(report.data.totals).map((tile) => (
            <FigureTile key={tile.label} label={tile.label} value={tile.value} detail={tile.detail} />
          ))}
        </ul>
      ) : null}
      <QueryView query={reps} loadingLabel="Loading selling time per rep…">
        {(data) => (
          <DataTable
            caption="Selling time per rep"
            columns={columns}
            rows={data.reps}
            rowKey={(r) => r.userId}
            exportName="selling-time"
            empty="No reps in this selection."
          />
        )}
      </QueryView>
    </section>
  );
}
