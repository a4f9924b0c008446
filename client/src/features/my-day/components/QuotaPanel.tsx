import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui';
import { useCurrency, useQuotaAttainment } from '../../dashboard/api/useMetrics';
import { formatCount, formatMoney, formatRatio } from '../../dashboard/format';
import { presetWindow } from '../../dashboard/period';
import { AttainmentBar } from '../../dashboard/components/AttainmentBar';

/**
 * The rep's quotas under way today (this month's, quarter's or year's), measured to date. Quotas are
 * listed by the start of their period, so the window runs from New Year to the end of this month.
 */
export function QuotaPanel({ userId }: { userId: string }) {
  const [window] = useState(() => {
    const today = new Date();
    return { from: presetWindow('this-year', today).from, to: presetWindow('this-month', today).to };
  });
  const currency = useCurrency();
  const report = useQuotaAttainment({ ...window, userId });
  const current = (report.data?.quotas ?? []).filter((q) => q.inProgress);
  const unit = { month: 'This month', quarter: 'This quarter', year: 'This year' } as const;

  return (
    <section className="panel" aria-labelledby="my-quota-heading">
      <h2 id="my-quota-heading">My quota so far</h2>
      {report.isPending ? (
        <LoadingState label="Loading quota…" />
      ) : report.isError ? (
        <ErrorState error={report.error} onRetry={() => void report.refetch()} />
      ) : current.length === 0 ? (
        <EmptyState>No quota for the current period.</EmptyState>
      ) : (
        <ul className="my-day__list" aria-label="My quotas">
          {current.map((q) => {
            const amount = (v: number) => (q.kind === 'revenue' ? formatMoney(v, currency) : `${formatCount(v)} deals`);
            return (
              <li key={q.quotaId} className="my-day__item">
                <div>
                  <strong>{unit[q.period]}</strong>: {formatRatio(q.attainment)}{' '}
                  <AttainmentBar attainment={q.attainment} />
                  <p className="muted my-day__notes">
                    {amount(q.achieved)} of {amount(q.target)} ({q.periodStart} to {q.periodEnd})
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
