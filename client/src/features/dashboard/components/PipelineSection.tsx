import { useState } from 'react';
import { Link } from 'react-router';
import { DataTable, QueryView, type Column } from '../../../components/ui';
import { dashboardKeys } from '../api/dashboardKeys';
import type { MetricSubjectQuery } from '../api/useActivityMetrics';
import {
  explainPipelineStage,
  useCurrency,
  useDaysInStage,
  usePipelineSnapshot,
  useStageConversion,
  useStaleDeals,
  type StageConversion,
  type StageDays,
  type StaleDeal,
  type StageSnapshot,
} from '../api/useMetrics';
import { formatCount as n, formatDecimal, formatMoney, formatRatio } from '../format';
import { BarChart } from './BarChart';
import type { Explaining } from './explaining';
import { ExplainHost } from './ExplainHost';
import { FigureTile } from './FigureTile';

interface Props {
  query: MetricSubjectQuery;
  nameOf: (userId: string) => string;
}

/** "45.7% (16 of 35)": a rate with the counts behind it. */
function rateWithCount(rate: number | null, count: number, of: number): string {
  return `${formatRatio(rate)} (${n(count)} of ${n(of)})`;
}

const conversionColumns: Column<StageConversion>[] = [
  { id: 'stage', header: 'Stage', rowHeader: true, cell: (r) => r.name, csv: (r) => r.name },
  { id: 'entered', header: 'Entered', cell: (r) => n(r.entered), csv: (r) => r.entered },
  { id: 'advanced', header: 'Advanced', cell: (r) => rateWithCount(r.advancedRate, r.advanced, r.entered), csv: (r) => r.advancedRate },
  { id: 'lost', header: 'Lost', cell: (r) => rateWithCount(r.lostRate, r.lost, r.entered), csv: (r) => r.lostRate },
  { id: 'back', header: 'Moved back', cell: (r) => rateWithCount(r.movedBackRate, r.movedBack, r.entered), csv: (r) => r.movedBackRate },
  { id: 'still', header: 'Still in', cell: (r) => rateWithCount(r.stillInRate, r.stillIn, r.entered), csv: (r) => r.stillInRate },
];

const daysColumns: Column<StageDays>[] = [
  { id: 'stage', header: 'Stage', rowHeader: true, cell: (r) => r.name, csv: (r) => r.name },
  { id: 'exits', header: 'Exits', cell: (r) => n(r.exits), csv: (r) => r.exits },
  { id: 'avg', header: 'Average days', cell: (r) => formatDecimal(r.averageDays), csv: (r) => r.averageDays },
  { id: 'median', header: 'Median days', cell: (r) => formatDecimal(r.medianDays), csv: (r) => r.medianDays },
];

/** The open pipeline now by stage, stage conversion and time in stage over the window, and stale deals. */
export function PipelineSection({ query, nameOf }: Props) {
  const currency = useCurrency();
  const money = (value: number | null) => formatMoney(value, currency);
  const snapshot = usePipelineSnapshot(query);
  const conversion = useStageConversion(query);
  const days = useDaysInStage(query);
  const stale = useStaleDeals(query);
  const [explaining, setExplaining] = useState<Explaining | null>(null);
  const explainStage = (stage: StageSnapshot) => {
    setExplaining({
      title: `Open in ${stage.name}: records`,
      queryKey: dashboardKeys.explain('pipeline', stage.stageId, query),
      fetchPage: (cursor) => explainPipelineStage(stage.stageId, query, cursor),
    });
  };

  const stageColumns: Column<StageSnapshot>[] = [
    { id: 'stage', header: 'Stage', rowHeader: true, cell: (r) => r.name, csv: (r) => r.name },
    {
      id: 'count',
      header: 'Open deals',
      cell: (r) => (
        <button type="button" className="link-button" aria-haspopup="dialog" onClick={() => { explainStage(r); }}>
          {n(r.count)}
          <span className="visually-hidden"> in {r.name}: show the records</span>
        </button>
      ),
      csv: (r) => r.count,
    },
    { id: 'amount', header: 'Amount', cell: (r) => money(r.amount), csv: (r) => r.amount },
    { id: 'probability', header: 'Probability', cell: (r) => `${String(r.probability)}%`, csv: (r) => r.probability },
    { id: 'weighted', header: 'Weighted', cell: (r) => money(r.weightedAmount), csv: (r) => r.weightedAmount },
    { id: 'days', header: 'Median days in stage', cell: (r) => formatDecimal(r.medianDaysInStage), csv: (r) => r.medianDaysInStage },
  ];

  const staleColumns: Column<StaleDeal>[] = [
    {
      id: 'deal',
      header: 'Deal',
      rowHeader: true,
      cell: (r) => <Link to={`/opportunities/${r.opportunityId}`}>{r.name}</Link>,
      csv: (r) => r.name,
    },
    { id: 'owner', header: 'Owner', cell: (r) => nameOf(r.ownerId), csv: (r) => nameOf(r.ownerId) },
    { id: 'stage', header: 'Stage', cell: (r) => r.stageName, csv: (r) => r.stageName },
    { id: 'amount', header: 'Amount', cell: (r) => money(r.amount), csv: (r) => r.amount },
    { id: 'days', header: 'Days in stage', cell: (r) => formatDecimal(r.daysInStage), csv: (r) => r.daysInStage },
    {
      id: 'limit',
      header: 'Limit (days)',
      cell: (r) => `${formatDecimal(r.limitDays)} (${r.limitSource === 'stage_setting' ? 'stage setting' : 'historical median'})`,
      csv: (r) => r.limitDays,
    },
  ];

  return (
    <section className="dashboard-section" aria-labelledby="pipeline-heading">
      <h2 id="pipeline-heading">Pipeline</h2>
      <h3>Open pipeline now</h3>
      <QueryView query={snapshot} loadingLabel="Loading pipeline…">
        {(data) => (
          <>
            <ul className="figure-tiles" aria-label="Pipeline figures">
              <FigureTile label="Open deals" value={n(data.totals.count)} />
              <FigureTile label="Open amount" value={money(data.totals.amount)} />
              <FigureTile label="Weighted amount" value={money(data.totals.weightedAmount)} />
            </ul>
            {data.byStage.length > 0 && (
              <BarChart
                title="Open amount and weighted amount by stage"
                labels={data.byStage.map((s) => s.name)}
                series={[
                  { name: 'Amount', values: data.byStage.map((s) => s.amount) },
                  { name: 'Weighted', values: data.byStage.map((s) => s.weightedAmount) },
                ]}
                format={(v) => money(v)}
              />
            )}
            <DataTable
              caption="Open pipeline by stage"
              columns={stageColumns}
              rows={data.byStage}
              rowKey={(r) => r.stageId}
              exportName="pipeline-by-stage"
              empty="No open deals."
            />
          </>
        )}
      </QueryView>
      <h3>Stage conversion in the period</h3>
      <QueryView query={conversion} loadingLabel="Loading stage conversion…">
        {(data) => (
          <DataTable
            caption="Stage conversion"
            columns={conversionColumns}
            rows={data.totals?.stages ?? []}
            rowKey={(r) => r.stageId}
            exportName="stage-conversion"
            empty="No deals entered a stage in this period."
          />
        )}
      </QueryView>
      <h3>Days in stage</h3>
      <QueryView query={days} loadingLabel="Loading days in stage…">
        {(data) => (
          <DataTable
            caption="Days in stage"
            columns={daysColumns}
            rows={data.totals?.stages ?? []}
            rowKey={(r) => r.stageId}
            exportName="days-in-stage"
            empty="No deals left a stage in this period."
          />
        )}
      </QueryView>
      <h3>Stale deals</h3>
      <QueryView query={stale} loadingLabel="Loading stale deals…">
        {(data) => (
          <>
            <DataTable
              caption="Stale deals"
              columns={staleColumns}
              rows={data.items}
              rowKey={(r) => r.opportunityId}
              exportName="stale-deals"
              empty="No stale deals."
            />
            {data.nextCursor && <p className="muted">Showing the first {n(data.items.length)} stale deals.</p>}
          </>
        )}
      </QueryView>
      <ExplainHost explaining={explaining} nameOf={nameOf} onClose={() => { setExplaining(null); }} />
    </section>
  );
}
