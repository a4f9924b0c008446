import { useState } from 'react';
import { DataTable, ErrorState, LoadingState, type Column } from '../../../components/ui';
import { dashboardKeys } from '../../dashboard/api/dashboardKeys';
import type { MetricSubjectQuery } from '../../dashboard/api/useActivityMetrics';
import type { Explaining } from '../../dashboard/components/explaining';
import { ExplainHost } from '../../dashboard/components/ExplainHost';
import { FigureTile } from '../../dashboard/components/FigureTile';
import { formatCount as n, formatDecimal, formatRatio } from '../../dashboard/format';
import {
  explainLeadScoring,
  useQualifiedLeadResponse,
  useScoreBands,
  type LeadScoringFigure,
  type ScoreBandConversion,
} from '../api/useLeadScoring';
import { bandLabel } from './bands';

interface Props {
  query: MetricSubjectQuery;
  nameOf: (userId: string) => string;
}

const bandColumns: Column<ScoreBandConversion>[] = [
  { id: 'band', header: 'Score band', rowHeader: true, cell: (r) => bandLabel(r), csv: (r) => bandLabel(r) },
  { id: 'created', header: 'Leads', cell: (r) => n(r.leadsCreated), csv: (r) => r.leadsCreated },
  { id: 'converted', header: 'Converted', cell: (r) => n(r.leadsConverted), csv: (r) => r.leadsConverted },
  { id: 'rate', header: 'Conversion rate', cell: (r) => formatRatio(r.conversionRate), csv: (r) => r.conversionRate },
];

/** Dashboard → Results: how fast sales-qualified leads get a response, and how leads convert by score band. */
export function LeadScoringSection({ query, nameOf }: Props) {
  const response = useQualifiedLeadResponse(query);
  const bands = useScoreBands(query);
  const [explaining, setExplaining] = useState<Explaining | null>(null);
  const explain = (label: string, figure: LeadScoringFigure) => () => {
    setExplaining({
      title: `${label}: leads`,
      queryKey: dashboardKeys.explain('lead-scoring', figure, query),
      fetchPage: (cursor) => explainLeadScoring(figure, query, cursor),
    });
  };
  const totals = response.data?.totals;

  return (
    <section className="dashboard-section" aria-labelledby="lead-scoring-heading">
      <h2 id="lead-scoring-heading">Lead scoring</h2>
      <h3>Response to sales-qualified leads</h3>
      {response.isPending ? (
        <LoadingState label="Loading response time…" />
      ) : response.isError ? (
        <ErrorState error={response.error} onRetry={() => void response.refetch()} />
      ) : totals ? (
        <ul className="figure-tiles" aria-label="Sales-qualified lead figures">
          <FigureTile label="Sales-qualified leads" value={n(totals.salesQualified)} onExplain={explain('Sales-qualified leads', 'sales_qualified')} />
          <FigureTile
            label="Responded"
            value={n(totals.responded)}
            detail={`${n(totals.unanswered)} unanswered`}
            onExplain={explain('Responded', 'responded')}
          />
          <FigureTile
            label="Response time to qualified leads (hours)"
            value={formatDecimal(totals.averageResponseHours)}
            detail={`median ${formatDecimal(totals.medianResponseHours, ' h')}`}
            onExplain={explain('Response time to qualified leads', 'responded')}
          />
        </ul>
      ) : (
        <p className="muted">No sales-qualified lead figures for this selection.</p>
      )}
      <h3>Conversion by score band</h3>
      {bands.isPending ? (
        <LoadingState label="Loading score bands…" />
      ) : bands.isError ? (
        <ErrorState error={bands.error} onRetry={() => void bands.refetch()} />
      ) : bands.data.totals ? (
        <>
          <p className="muted">
            Leads created in the period, by their current score against today&apos;s threshold of {n(bands.data.totals.threshold)}.
          </p>
          <DataTable
            caption="Lead conversion by score band"
            columns={bandColumns}
            rows={bands.data.totals.bands}
            rowKey={(r) => r.band}
            exportName="score-bands"
            empty="No leads created in this period."
          />
        </>
      ) : (
        <p className="muted">No score band figures for this selection.</p>
      )}
      <ExplainHost explaining={explaining} nameOf={nameOf} onClose={() => { setExplaining(null); }} />
    </section>
  );
}
