import { useState } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui';
import { dashboardKeys } from '../api/dashboardKeys';
import type { MetricSubjectQuery } from '../api/useActivityMetrics';
import { explainFunnel, useFunnelMetrics, type FunnelFigure } from '../api/useMetrics';
import { formatCount as n, formatRatio } from '../format';
import type { Explaining } from './explaining';
import { ExplainHost } from './ExplainHost';
import { FigureTile } from './FigureTile';

interface Props {
  query: MetricSubjectQuery;
  nameOf: (userId: string) => string;
}

/** Outbound calls → meetings booked → deals won, with the rates between them. */
export function FunnelSection({ query, nameOf }: Props) {
  const report = useFunnelMetrics(query);
  const [explaining, setExplaining] = useState<Explaining | null>(null);
  const explain = (label: string, figure: FunnelFigure) => () => {
    setExplaining({
      title: `${label}: records`,
      queryKey: dashboardKeys.explain('funnel', figure, query),
      fetchPage: (cursor) => explainFunnel(figure, query, cursor),
    });
  };
  const totals = report.data?.totals;

  return (
    <section className="dashboard-section" aria-labelledby="funnel-heading">
      <h2 id="funnel-heading">Calls to meetings to deals</h2>
      {report.isPending ? (
        <LoadingState label="Loading funnel…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !totals ? (
        <p className="muted">No funnel figures for this selection.</p>
      ) : (
        <ul className="figure-tiles" aria-label="Funnel figures">
          <FigureTile label="Outbound calls" value={n(totals.outboundCalls)} onExplain={explain('Outbound calls', 'outbound_calls')} />
          <FigureTile
            label="Meetings booked"
            value={n(totals.meetingsBooked)}
            detail={`${formatRatio(totals.callToMeetingRate)} of outbound calls`}
            onExplain={explain('Meetings booked', 'meetings_booked')}
          />
          <FigureTile
            label="Deals won"
            value={n(totals.dealsWon)}
            detail={`${formatRatio(totals.meetingToDealRate)} of meetings booked`}
            onExplain={explain('Deals won', 'deals_won')}
          />
          <FigureTile
            label="Call to deal"
            value={formatRatio(totals.callToDealRate)}
            detail={`${n(totals.dealsWon)} deals from ${n(totals.outboundCalls)} outbound calls`}
          />
        </ul>
      )}
      <ExplainHost explaining={explaining} nameOf={nameOf} onClose={() => { setExplaining(null); }} />
    </section>
  );
}
