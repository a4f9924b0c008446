import { DataTable, QueryView, type Column } from '../../../components/ui';
import { formatDateTime } from '../../activities/components/activityText';
import { formatRatio, NO_VALUE } from '../../dashboard/format';
import { useForecastAccuracy, type ForecastMethod, type ForecastPeriod, type ForecastSubject, type PeriodAccuracy } from '../api/useForecasts';
import { METHOD_LABELS, METHODS, periodLabel, rankMethods } from '../forecastPeriods';

interface Props {
  period: ForecastPeriod;
  subject: ForecastSubject;
  money: (value: number | null) => string;
}

/** Ended periods: what each method forecast at the period's start, what was won, and how close it came. */
export function AccuracySection({ period, subject, money }: Props) {
  const accuracy = useForecastAccuracy(period, subject);

  const methodOf = (p: PeriodAccuracy, method: ForecastMethod) => p.methods.find((m) => m.method === method);
  /** The first snapshot of the period saved after its first day, if any (one run saves every method, so they agree). */
  const lateSnapshot = (p: PeriodAccuracy) => p.methods.find((m) => m.late);
  const columns: Column<PeriodAccuracy>[] = [
    { id: 'period', header: period === 'month' ? 'Month' : 'Quarter', rowHeader: true, cell: (p) => periodLabel(period, p.start), csv: (p) => p.start },
    { id: 'actual', header: 'Actual won', cell: (p) => money(p.actual.amount), csv: (p) => p.actual.amount },
    ...METHODS.flatMap((method): Column<PeriodAccuracy>[] => [
      {
        id: `${method}-forecast`,
        header: `${METHOD_LABELS[method]} forecast`,
        cell: (p) => {
          const m = methodOf(p, method);
          return m ? money(m.forecast) : NO_VALUE;
        },
        csv: (p) => methodOf(p, method)?.forecast ?? '',
      },
      {
        id: `${method}-accuracy`,
        header: `${METHOD_LABELS[method]} accuracy`,
        cell: (p) => formatRatio(methodOf(p, method)?.accuracy ?? null),
        csv: (p) => methodOf(p, method)?.accuracy ?? '',
      },
    ]),
    {
      id: 'saved',
      header: 'Forecast saved',
      cell: (p) => {
        const late = lateSnapshot(p);
        return late ? `Late: ${formatDateTime(late.takenAt)}` : 'At the start';
      },
      csv: (p) => lateSnapshot(p)?.takenAt ?? 'at the start',
    },
  ];

  const ranked = accuracy.data ? rankMethods(accuracy.data.periods) : [];
  const best = ranked[0];

  return (
    <section className="panel dashboard-section" aria-labelledby="accuracy-heading">
      <h2 id="accuracy-heading">Accuracy history</h2>
      <p className="muted">
        Each method’s forecast as saved at the start of the period, against what was won. Accuracy is 1 − |forecast − actual| / actual.
        A forecast saved after the period’s first day is marked late: it already knew part of the result, so it is left out
        of the ranking.
      </p>
      <QueryView query={accuracy} loadingLabel="Loading accuracy…">
        {(data) => (
          <>
            {best?.meanAccuracy != null && (
              <p data-testid="best-method">
                Most accurate so far: <strong>{METHOD_LABELS[best.method]}</strong>, {formatRatio(best.meanAccuracy)} on average over{' '}
                {best.periods === 1 ? '1 period' : `${String(best.periods)} periods`}.
              </p>
            )}
            <DataTable
              caption="Forecast accuracy by period"
              columns={columns}
              rows={data.periods}
              rowKey={(p) => p.start}
              exportName="forecast-accuracy"
              empty="No ended period has a saved forecast yet. Snapshots are taken at the start of each month and quarter."
            />
          </>
        )}
      </QueryView>
    </section>
  );
}
