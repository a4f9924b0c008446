import { DataTable, EmptyState, ErrorState, LoadingState, type Column } from '../../../components/ui';
import { useCurrency } from '../../dashboard/api/useMetrics';
import { formatMoney, formatRatio } from '../../dashboard/format';
import { useStatement, type CommissionPeriod, type CommissionStatement } from '../api/usePeople';
import { formatPay } from './pay';

type Deal = CommissionStatement['deals'][number];

/** One rep's commission statement for a period: the plan in force, the figures and the deals counted. */
export function StatementView({ userId, period, start }: { userId: string; period: CommissionPeriod; start: string }) {
  const statement = useStatement(userId, period, start);
  const currency = useCurrency();
  if (statement.isPending) return <LoadingState label="Loading the statement…" />;
  if (statement.isError) return <ErrorState error={statement.error} onRetry={() => void statement.refetch()} />;
  const s = statement.data;
  const pay = (value: number | null) => formatPay(value, currency);
  const plan = s.plan;

  const dealColumns: Column<Deal>[] = [
    { id: 'name', header: 'Deal', rowHeader: true, cell: (d) => d.name, csv: (d) => d.name },
    { id: 'closed', header: 'Won on', cell: (d) => d.closedAt.slice(0, 10), csv: (d) => d.closedAt },
    { id: 'amount', header: 'Amount', cell: (d) => formatMoney(d.amount, currency), csv: (d) => d.amount },
  ];

  return (
    <div className="statement">
      <p className="muted">
        {s.start} up to (not including) {s.end}
      </p>
      {plan ? (
        <p>
          Plan: <strong>{plan.name}</strong> — base {pay(plan.basePay)} per {plan.period}, {formatRatio(plan.rate)} of won revenue once{' '}
          {formatRatio(plan.threshold)} of the {pay(plan.target)} target is reached.
        </p>
      ) : (
        <EmptyState>No plan paying per {period} is in force on {s.start}: only won revenue is shown.</EmptyState>
      )}
      <dl className="statement__figures" aria-label="Statement figures">
        <div>
          <dt>Won revenue</dt>
          <dd data-testid="statement-won">{pay(s.wonRevenue)}</dd>
        </div>
        <div>
          <dt>Attainment</dt>
          <dd>{formatRatio(s.attainment)}</dd>
        </div>
        <div>
          <dt>Threshold met</dt>
          <dd>{s.thresholdMet === null ? '—' : s.thresholdMet ? 'Yes' : 'No'}</dd>
        </div>
        <div>
          <dt>Commission</dt>
          <dd data-testid="statement-commission">{pay(s.commission)}</dd>
        </div>
        <div>
          <dt>Base pay</dt>
          <dd>{pay(s.basePay)}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd data-testid="statement-total">
            <strong>{pay(s.total)}</strong>
          </dd>
        </div>
      </dl>
      <DataTable caption="Deals counted" columns={dealColumns} rows={s.deals} rowKey={(d) => d.id} exportName="statement-deals" empty="No deal won in this period." />
    </div>
  );
}
