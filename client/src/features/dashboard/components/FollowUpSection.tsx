import { useState } from 'react';
import { DataTable, ErrorState, LoadingState, type Column } from '../../../components/ui';
import { dashboardKeys } from '../api/dashboardKeys';
import type { MetricSubjectQuery } from '../api/useActivityMetrics';
import { explainFollowUps, useFollowUpMetrics, type FollowUpFigure, type StageFollowUps } from '../api/useMetrics';
import { formatCount as n, formatDecimal, formatRatio } from '../format';
import type { Explaining } from './explaining';
import { ExplainHost } from './ExplainHost';
import { FigureTile } from './FigureTile';

interface Props {
  query: MetricSubjectQuery;
  nameOf: (userId: string) => string;
}

const stageColumns: Column<StageFollowUps>[] = [
  { id: 'stage', header: 'Stage left', rowHeader: true, cell: (r) => r.stageName, csv: (r) => r.stageName },
  { id: 'advances', header: 'Advances', cell: (r) => n(r.advances), csv: (r) => r.advances },
  { id: 'avg', header: 'Average follow-ups', cell: (r) => formatDecimal(r.averageFollowUps), csv: (r) => r.averageFollowUps },
  { id: 'median', header: 'Median follow-ups', cell: (r) => formatDecimal(r.medianFollowUps), csv: (r) => r.medianFollowUps },
  { id: 'zero', header: '0', cell: (r) => n(r.distribution.zero), csv: (r) => r.distribution.zero },
  { id: 'one', header: '1', cell: (r) => n(r.distribution.one), csv: (r) => r.distribution.one },
  { id: 'two', header: '2', cell: (r) => n(r.distribution.two), csv: (r) => r.distribution.two },
  { id: 'three', header: '3', cell: (r) => n(r.distribution.three), csv: (r) => r.distribution.three },
  { id: 'four', header: '4', cell: (r) => n(r.distribution.four), csv: (r) => r.distribution.four },
  { id: 'five', header: '5+', cell: (r) => n(r.distribution.fiveOrMore), csv: (r) => r.distribution.fiveOrMore },
];

/** Follow-up discipline: how many follow-ups a stage advance or a win took, early give-ups, timeliness. */
export function FollowUpSection({ query, nameOf }: Props) {
  const report = useFollowUpMetrics(query);
  const [explaining, setExplaining] = useState<Explaining | null>(null);
  const explain = (label: string, figure: FollowUpFigure) => () => {
    setExplaining({
      title: `${label}: records`,
      queryKey: dashboardKeys.explain('follow-ups', figure, query),
      fetchPage: (cursor) => explainFollowUps(figure, query, cursor),
    });
  };

  return (
    <section className="dashboard-section" aria-labelledby="follow-ups-heading">
      <h2 id="follow-ups-heading">Follow-up discipline</h2>
      {report.isPending ? (
        <LoadingState label="Loading follow-up discipline…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : !report.data.totals ? (
        <p className="muted">No follow-up figures for this selection.</p>
      ) : (
        (() => {
          const { stageAdvances, beforeWin, earlyGiveUp, timeliness } = report.data.totals;
          return (
            <>
              <ul className="figure-tiles" aria-label="Follow-up figures">
                <FigureTile
                  label="Follow-ups per stage advance"
                  value={formatDecimal(stageAdvances.averageFollowUps)}
                  detail={`median ${formatDecimal(stageAdvances.medianFollowUps)}, over ${n(stageAdvances.advances)} advances`}
                  onExplain={explain('Follow-ups per stage advance', 'stage_advances')}
                />
                <FigureTile
                  label="Follow-ups before a win"
                  value={formatDecimal(beforeWin.averageFollowUps)}
                  detail={`median ${formatDecimal(beforeWin.medianFollowUps)}, over ${n(beforeWin.dealsWon)} wins`}
                  onExplain={explain('Follow-ups before a win', 'won_deals')}
                />
                <FigureTile
                  label="Wins with 5+ follow-ups"
                  value={formatRatio(beforeWin.fiveOrMoreShare)}
                  detail={`${n(beforeWin.wonWithFiveOrMore)} of ${n(beforeWin.dealsWon)} won deals`}
                  onExplain={explain('Wins with 5+ follow-ups', 'won_deals')}
                />
                <FigureTile
                  label="Early give-up rate"
                  value={formatRatio(earlyGiveUp.rate)}
                  detail={`${n(earlyGiveUp.lostWithAtMostOne)} of ${n(earlyGiveUp.dealsLost)} lost deals had at most one follow-up`}
                  onExplain={explain('Early give-up rate', 'early_give_ups')}
                />
                <FigureTile
                  label="On-time rate"
                  value={formatRatio(timeliness.onTimeRate)}
                  detail={`${n(timeliness.onTime)} of ${n(timeliness.completed)} completed on time`}
                  onExplain={explain('On-time rate', 'completed_follow_ups')}
                />
                <FigureTile
                  label="Late follow-ups"
                  value={n(timeliness.late)}
                  detail={`median ${formatDecimal(timeliness.medianLatenessHours, ' h')} late`}
                  onExplain={explain('Late follow-ups', 'late_follow_ups')}
                />
              </ul>
              <h3>Follow-ups per stage advance, by stage</h3>
              <DataTable
                caption="Follow-ups per stage advance, by stage"
                columns={stageColumns}
                rows={stageAdvances.stages}
                rowKey={(r) => r.stageId}
                exportName="follow-ups-per-stage"
                empty="No stage advances in this selection."
              />
            </>
          );
        })()
      )}
      <ExplainHost explaining={explaining} nameOf={nameOf} onClose={() => { setExplaining(null); }} />
    </section>
  );
}
