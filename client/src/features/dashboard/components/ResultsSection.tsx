import { useState } from 'react';
import { DataTable, ErrorState, LoadingState, QueryView, type Column } from '../../../components/ui';
import { dashboardKeys } from '../api/dashboardKeys';
import type { Bucket, MetricSubjectQuery } from '../api/useActivityMetrics';
import {
  explainLeads,
  explainResults,
  useCurrency,
  useLeadMetrics,
  useLostReasons,
  useResultMetrics,
  type LeadFigure,
  type LostReasonRow,
  type ResultFigure,
} from '../api/useMetrics';
import { formatCount as n, formatDecimal, formatMoney, formatRatio } from '../format';
import type { Explaining } from './explaining';
import { ExplainHost } from './ExplainHost';
import { FigureTile } from './FigureTile';
import { SeriesChart } from './SeriesChart';

interface Props {
  query: MetricSubjectQuery;
  bucket: Bucket;
  nameOf: (userId: string) => string;
}

/** Revenue and deals won, win rate, deal size, cycle and velocity; lost reasons; lead conversion and response. */
export function ResultsSection({ query, bucket, nameOf }: Props) {
  const currency = useCurrency();
  const money = (value: number | null) => formatMoney(value, currency);
  const results = useResultMetrics(query, bucket);
  const lost = useLostReasons(query);
  const leads = useLeadMetrics(query);
  const [explaining, setExplaining] = useState<Explaining | null>(null);
  const explainResult = (label: string, figure: ResultFigure) => () => {
    setExplaining({
      title: `${label}: records`,
      queryKey: dashboardKeys.explain('results', figure, query),
      fetchPage: (cursor) => explainResults(figure, query, cursor),
    });
  };
  const explainLead = (label: string, figure: LeadFigure) => () => {
    setExplaining({
      title: `${label}: records`,
      queryKey: dashboardKeys.explain('leads', figure, query),
      fetchPage: (cursor) => explainLeads(figure, query, cursor),
    });
  };

  const lostColumns: Column<LostReasonRow>[] = [
    { id: 'reason', header: 'Reason', rowHeader: true, cell: (r) => r.name ?? 'No reason given', csv: (r) => r.name ?? '' },
    { id: 'count', header: 'Deals lost', cell: (r) => n(r.count), csv: (r) => r.count },
    { id: 'amount', header: 'Amount', cell: (r) => money(r.amount), csv: (r) => r.amount },
    { id: 'share', header: 'Share', cell: (r) => formatRatio(r.share), csv: (r) => r.share },
  ];

  const totals = results.data?.totals;
  const series = results.data?.series ?? [];
  const leadTotals = leads.data?.totals;

  return (
    <section className="dashboard-section" aria-labelledby="results-heading">
      <h2 id="results-heading">Results</h2>
      <QueryView query={results} loadingLabel="Loading results…">
        {() => (
          <>
            {totals && (
              <ul className="figure-tiles" aria-label="Result figures">
                <FigureTile label="Revenue won" value={money(totals.revenueWon)} onExplain={explainResult('Revenue won', 'won_deals')} />
                <FigureTile label="Deals won" value={n(totals.dealsWon)} detail={`${n(totals.dealsLost)} lost`} onExplain={explainResult('Deals won', 'won_deals')} />
                <FigureTile
                  label="Win rate"
                  value={formatRatio(totals.winRate)}
                  detail={`${n(totals.dealsWon)} won of ${n(totals.dealsWon + totals.dealsLost)} closed`}
                  onExplain={explainResult('Win rate', 'closed_deals')}
                />
                <FigureTile
                  label="Average deal size"
                  value={money(totals.averageDealSize)}
                  detail={`median ${money(totals.medianDealSize)}`}
                  onExplain={explainResult('Average deal size', 'won_deals')}
                />
                <FigureTile
                  label="Sales cycle (days)"
                  value={formatDecimal(totals.averageCycleDays)}
                  detail={`median ${formatDecimal(totals.medianCycleDays)} days`}
                  onExplain={explainResult('Sales cycle', 'won_deals')}
                />
                <FigureTile
                  label="Sales velocity (per day)"
                  value={money(totals.salesVelocity)}
                  detail={`${n(totals.openOpportunities)} open opportunities`}
                  onExplain={explainResult('Sales velocity', 'open_opportunities')}
                />
              </ul>
            )}
            {series.length > 0 && (
              <SeriesChart
                title={`Revenue won per ${bucket}`}
                labels={series.map((p) => p.from)}
                series={[{ name: 'Revenue won', values: series.map((p) => p.values?.revenueWon ?? null) }]}
                format={(v) => money(v)}
              />
            )}
          </>
        )}
      </QueryView>
      <h3>Lost reasons</h3>
      <QueryView query={lost} loadingLabel="Loading lost reasons…">
        {(data) => (
          <>
            <p className="muted">
              {n(data.dealsLost)} deals lost, {money(data.amountLost)} in all.
            </p>
            <DataTable
              caption="Lost reasons"
              columns={lostColumns}
              rows={data.reasons}
              rowKey={(r) => r.lostReasonId ?? 'none'}
              exportName="lost-reasons"
              empty="No deals lost in this period."
            />
          </>
        )}
      </QueryView>
      <h3>Leads</h3>
      {leads.isPending ? (
        <LoadingState label="Loading lead figures…" />
      ) : leads.isError ? (
        <ErrorState error={leads.error} onRetry={() => void leads.refetch()} />
      ) : leadTotals ? (
        <ul className="figure-tiles" aria-label="Lead figures">
          <FigureTile label="Leads created" value={n(leadTotals.leadsCreated)} onExplain={explainLead('Leads created', 'leads_created')} />
          <FigureTile
            label="Lead conversion"
            value={formatRatio(leadTotals.conversionRate)}
            detail={`${n(leadTotals.leadsConverted)} converted of ${n(leadTotals.leadsCreated)} leads`}
            onExplain={explainLead('Lead conversion', 'leads_converted')}
          />
          <FigureTile
            label="Response time (hours)"
            value={formatDecimal(leadTotals.averageResponseHours)}
            detail={`median ${formatDecimal(leadTotals.medianResponseHours, ' h')}; ${n(leadTotals.responded)} responded, ${n(leadTotals.unanswered)} unanswered`}
            onExplain={explainLead('Response time', 'leads_responded')}
          />
        </ul>
      ) : (
        <p className="muted">No lead figures for this selection.</p>
      )}
      <ExplainHost explaining={explaining} nameOf={nameOf} onClose={() => { setExplaining(null); }} />
    </section>
  );
}
