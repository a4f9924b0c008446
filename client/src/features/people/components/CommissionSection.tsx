import { useState } from 'react';
import { Button, DataTable, Dialog, QueryView, type Column } from '../../../components/ui';
import { useCurrency } from '../../dashboard/api/useMetrics';
import { formatRatio } from '../../dashboard/format';
import { useEarnings, type RepEarnings } from '../api/usePeople';
import { PayPeriodPicker } from './PayPeriodPicker';
import { usePayPeriod } from './payPeriod';
import { formatPay } from './pay';
import { StatementView } from './StatementView';

export function CommissionSection({ teamId }: { teamId: string }) {
  const [payPeriod, setPayPeriod] = usePayPeriod();
  const earnings = useEarnings(teamId, payPeriod.period, payPeriod.start);
  const currency = useCurrency();
  const [open, setOpen] = useState<RepEarnings | null>(null);
  const pay = (value: number) => formatPay(value, currency);

  const columns: Column<RepEarnings>[] = [
    {
      id: 'rep',
      header: 'Rep',
      rowHeader: true,
      cell: (r) => (
        <Button
          variant="link"
          aria-label={`Statement of ${r.displayName}`}
          onClick={() => {
            setOpen(r);
          }}
        >
          {r.displayName}
        </Button>
      ),
      csv: (r) => r.displayName,
    },
    { id: 'plan', header: 'Plan', cell: (r) => r.planName, csv: (r) => r.planName },
    { id: 'won', header: 'Won revenue', cell: (r) => pay(r.wonRevenue), csv: (r) => r.wonRevenue },
    { id: 'attainment', header: 'Attainment', cell: (r) => formatRatio(r.attainment), csv: (r) => r.attainment },
    { id: 'threshold', header: 'Threshold met', cell: (r) => (r.thresholdMet ? 'Yes' : 'No'), csv: (r) => r.thresholdMet },
    { id: 'commission', header: 'Commission', cell: (r) => pay(r.commission), csv: (r) => r.commission },
    { id: 'base', header: 'Base pay', cell: (r) => pay(r.basePay), csv: (r) => r.basePay },
    { id: 'total', header: 'Total', cell: (r) => pay(r.total), csv: (r) => r.total },
  ];

  return (
    <>
      <PayPeriodPicker value={payPeriod} onChange={setPayPeriod} />
      <QueryView query={earnings} loadingLabel="Loading earnings…">
        {(data) => (
          <>
            <p>
              Total pay: <strong data-testid="earnings-total">{pay(data.total)}</strong>
            </p>
            <DataTable
              caption="Earnings per rep"
              columns={columns}
              rows={data.reps}
              rowKey={(r) => r.userId}
              exportName="earnings"
              empty={`No rep has a plan paying per ${payPeriod.period} in this period.`}
            />
          </>
        )}
      </QueryView>
      {open && (
        <Dialog
          title={`Statement of ${open.displayName}`}
          onClose={() => {
            setOpen(null);
          }}
        >
          <StatementView userId={open.userId} period={payPeriod.period} start={payPeriod.start} />
        </Dialog>
      )}
    </>
  );
}
