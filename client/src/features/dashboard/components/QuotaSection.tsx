import { useState } from 'react';
import { DataTable, QueryView, type Column } from '../../../components/ui';
import { dashboardKeys } from '../api/dashboardKeys';
import type { MetricSubjectQuery } from '../api/useActivityMetrics';
import { explainQuota, useCurrency, useQuotaAttainment, type QuotaAttainmentRow } from '../api/useMetrics';
import { formatCount as n, formatMoney, formatRatio } from '../format';
import type { Explaining } from './explaining';
import { ExplainHost } from './ExplainHost';
import { AttainmentBar } from './AttainmentBar';
import { FigureTile } from './FigureTile';

interface Props {
  query: MetricSubjectQuery;
  nameOf: (userId: string) => string;
}

/** Quota attainment per rep and quota for quotas whose period starts in the window. */
export function QuotaSection({ query, nameOf }: Props) {
  const currency = useCurrency();
  const report = useQuotaAttainment(query);
  const [explaining, setExplaining] = useState<Explaining | null>(null);
  const amount = (row: QuotaAttainmentRow, value: number) => (row.kind === 'revenue' ? formatMoney(value, currency) : `${n(value)} deals`);

  const columns: Column<QuotaAttainmentRow>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    { id: 'period', header: 'Period', cell: (r) => `${r.periodStart} – ${r.periodEnd}`, csv: (r) => r.periodStart },
    { id: 'target', header: 'Target', cell: (r) => amount(r, r.target), csv: (r) => r.target },
    { id: 'achieved', header: 'Achieved', cell: (r) => amount(r, r.achieved), csv: (r) => r.achieved },
    {
      id: 'attainment',
      header: 'Attainment',
      cell: (r) => (
        <span className="attainment-cell">
          <AttainmentBar attainment={r.attainment} />
          {formatRatio(r.attainment)}
          {r.inProgress ? ' (so far)' : ''}
        </span>
      ),
      csv: (r) => r.attainment,
    },
    {
      id: 'records',
      header: 'Deals',
      cell: (r) => (
        <button
          type="button"
          className="link-button"
          aria-haspopup="dialog"
          onClick={() => {
            setExplaining({
              title: `${r.displayName}, ${r.periodStart}: records`,
              queryKey: dashboardKeys.explain('quota', r.quotaId, {}),
              fetchPage: (cursor) => explainQuota(r.quotaId, cursor),
            });
          }}
        >
          {n(r.dealsWon)} won<span className="visually-hidden"> by {r.displayName} from {r.periodStart}: show the records</span>
        </button>
      ),
    },
  ];

  return (
    <section className="dashboard-section" aria-labelledby="quota-heading">
      <h2 id="quota-heading">Quota attainment</h2>
      <QueryView query={report} loadingLabel="Loading quota attainment…">
        {(data) => (
          <>
            <ul className="figure-tiles" aria-label="Quota figures">
              <FigureTile
                label="Quotas at or above 100%"
                value={formatRatio(data.summary.shareAtOrAbove)}
                detail={`${n(data.summary.quotasAtOrAbove)} of ${n(data.summary.quotas)} quotas`}
              />
              <FigureTile
                label="Reps at or above 100%"
                value={formatRatio(data.summary.repShareAtOrAbove)}
                detail={`${n(data.summary.repsAtOrAbove)} of ${n(data.summary.repsWithQuota)} reps with a quota`}
              />
            </ul>
            <DataTable
              caption="Quota attainment per rep"
              columns={columns}
              rows={data.quotas}
              rowKey={(r) => r.quotaId}
              exportName="quota-attainment"
              empty="No quotas start in this period."
            />
          </>
        )}
      </QueryView>
      <ExplainHost explaining={explaining} nameOf={nameOf} onClose={() => { setExplaining(null); }} />
    </section>
  );
}
