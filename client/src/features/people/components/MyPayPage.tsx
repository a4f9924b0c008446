import { QueryView, usePageTitle } from '../../../components/ui';
import { useMe } from '../../auth';
import { PayPeriodPicker } from './PayPeriodPicker';
import { usePayPeriod } from './payPeriod';
import { StatementView } from './StatementView';
import './people.css';

/** The signed-in person's own commission statement (the account menu's "My pay"). */
export function MyPayPage() {
  usePageTitle('My pay');
  const me = useMe();
  const [payPeriod, setPayPeriod] = usePayPeriod();
  return (
    <section aria-labelledby="my-pay-heading">
      <div className="page-header">
        <h1 id="my-pay-heading">My pay</h1>
      </div>
      <PayPeriodPicker value={payPeriod} onChange={setPayPeriod} />
      <QueryView query={me}>
        {(data) => (
          <StatementView userId={data.id} period={payPeriod.period} start={payPeriod.start} />
        )}
      </QueryView>
    </section>
  );
}
