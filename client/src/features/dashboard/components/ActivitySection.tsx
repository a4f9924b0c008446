import { useState } from 'react';
import { DataTable, QueryView, type Column } from '../../../components/ui';
import { dashboardKeys } from '../api/dashboardKeys';
import {
  explainActivity,
  useActivityMix,
  useActivityReport,
  type ActivityMixRow,
  type Bucket,
  type MetricSubjectQuery,
} from '../api/useActivityMetrics';
import { formatCount } from '../format';
import { ACTIVITY_FIGURES, type Figure } from './activityFigures';
import { ExplainDialog } from './ExplainDialog';
import { FigureTile } from './FigureTile';
import { SeriesChart } from './SeriesChart';

interface Props {
  query: MetricSubjectQuery;
  bucket: Bucket;
  nameOf: (userId: string) => string;
}

const n = formatCount;

export function ActivitySection({ query, bucket, nameOf }: Props) {
  const report = useActivityReport(query, bucket);
  const mix = useActivityMix(query);
  const [explaining, setExplaining] = useState<Figure | null>(null);

  const mixColumns: Column<ActivityMixRow>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    { id: 'calls', header: 'Calls', cell: (r) => n(r.calls), csv: (r) => r.calls },
    { id: 'emails', header: 'Emails', cell: (r) => n(r.emails), csv: (r) => r.emails },
    { id: 'meetings', header: 'Meetings', cell: (r) => n(r.meetings), csv: (r) => r.meetings },
    { id: 'notes', header: 'Notes', cell: (r) => n(r.notes), csv: (r) => r.notes },
    { id: 'total', header: 'Total', cell: (r) => n(r.total), csv: (r) => r.total },
  ];

  return (
    <section className="dashboard-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Activity</h2>
      <QueryView query={report} loadingLabel="Loading activity…">
        {(data) => (
          <>
            {data.totals && (
              <ul className="figure-tiles" aria-label="Activity figures">
                {ACTIVITY_FIGURES.map((figure) => {
                  const totals = data.totals;
                  if (!totals) return null;
                  return (
                    <FigureTile
                      key={figure.label}
                      label={figure.label}
                      value={figure.value(totals)}
                      detail={figure.detail?.(totals)}
                      onExplain={() => {
                        setExplaining(figure);
                      }}
                    />
                  );
                })}
              </ul>
            )}
            {data.series && data.series.length > 0 && (
              <SeriesChart
                title={`Calls, connected calls and meetings booked per ${bucket}`}
                labels={data.series.map((point) => point.from)}
                series={[
                  { name: 'Calls', values: data.series.map((p) => p.values?.calls ?? null) },
                  { name: 'Connected', values: data.series.map((p) => p.values?.connectedCalls ?? null) },
                  { name: 'Meetings booked', values: data.series.map((p) => p.values?.meetingsBooked ?? null) },
                ]}
              />
            )}
          </>
        )}
      </QueryView>
      <h3>Activity mix per rep</h3>
      <QueryView query={mix} loadingLabel="Loading activity mix…">
        {(data) => (
          <DataTable
            caption="Activity mix per rep"
            columns={mixColumns}
            rows={data.reps}
            rowKey={(r) => r.userId}
            exportName="activity-mix"
            empty="No reps in this selection."
          />
        )}
      </QueryView>
      {explaining && (
        <ExplainDialog
          title={`${explaining.label}: records`}
          queryKey={dashboardKeys.explain('activity', explaining.explain, query)}
          fetchPage={(cursor) => explainActivity(explaining.explain, query, cursor)}
          nameOf={nameOf}
          onClose={() => {
            setExplaining(null);
          }}
        />
      )}
    </section>
  );
}
