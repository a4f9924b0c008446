import { useState } from 'react';
import { SelectField } from '../../../components/ui';
import type { PayPeriod } from './payPeriod';
import { monthStart, periodOptions, quarterStart } from './quadrant';

const PERIODS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
] as const;

/** A month or a quarter, this one or one of the previous ones. */
export function PayPeriodPicker({ value, onChange }: { value: PayPeriod; onChange: (next: PayPeriod) => void }) {
  const [today] = useState(() => new Date());
  const options = periodOptions(value.period, today, value.period === 'month' ? 12 : 8);
  return (
    <div className="panel form form--inline">
      <SelectField
        label="Pay period"
        name="period"
        options={PERIODS}
        value={value.period}
        onChange={(event) => {
          const period = event.target.value === 'quarter' ? 'quarter' : 'month';
          onChange({ period, start: period === 'month' ? monthStart(today) : quarterStart(today) });
        }}
      />
      <SelectField
        label={value.period === 'month' ? 'Month' : 'Quarter'}
        name="start"
        options={options}
        value={value.start}
        onChange={(event) => {
          onChange({ ...value, start: event.target.value });
        }}
      />
    </div>
  );
}
