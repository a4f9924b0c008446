import { useState } from 'react';
import { DataTable, QueryView, SelectField, type Column } from '../../../components/ui';
import { formatDecimal } from '../../dashboard/format';
import { useRamp, type RampCohortRow, type RampRow } from '../api/usePeople';

const COHORTS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
] as const;

const days = (value: number | null) => (value === null ? 'Not yet' : `${String(value)} days`);

export function RampSection({ teamId }: { teamId: string }) {
  const [cohort, setCohort] = useState<'month' | 'quarter'>('month');
  const ramp = useRamp(teamId, cohort);

  const repColumns: Column<RampRow>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (r) => r.displayName, csv: (r) => r.displayName },
    {
      id: 'started',
      header: 'Start date',
      cell: (r) => (r.startedOnDefaulted ? `${r.startedOn} (account created; no start date set)` : r.startedOn),
      csv: (r) => r.startedOn,
    },
    { id: 'win', header: 'Days to first win', cell: (r) => days(r.daysToFirstWin), csv: (r) => r.daysToFirstWin },
    { id: 'quota', header: 'Days to first quota at 100%', cell: (r) => days(r.daysToQuota), csv: (r) => r.daysToQuota },
  ];
  const cohortColumns: Column<RampCohortRow>[] = [
    { id: 'cohort', header: 'Cohort starting', rowHeader: true, cell: (c) => c.cohortStart, csv: (c) => c.cohortStart },
    { id: 'reps', header: 'Reps', cell: (c) => c.reps, csv: (c) => c.reps },
    {
      id: 'win',
      header: 'Median days to first win',
      cell: (c) => `${formatDecimal(c.medianDaysToFirstWin)} (${String(c.repsWithFirstWin)} of ${String(c.reps)} won)`,
      csv: (c) => c.medianDaysToFirstWin,
    },
    {
      id: 'quota',
      header: 'Median days to quota',
      cell: (c) => `${formatDecimal(c.medianDaysToQuota)} (${String(c.repsReachedQuota)} of ${String(c.reps)} reached)`,
      csv: (c) => c.medianDaysToQuota,
    },
  ];

  return (
    <>
      <div className="panel form form--inline">
        <SelectField
          label="Cohorts by"
          name="cohort"
          options={COHORTS}
          value={cohort}
          onChange={(event) => {
            setCohort(event.target.value === 'quarter' ? 'quarter' : 'month');
          }}
        />
      </div>
      <QueryView query={ramp} loadingLabel="Loading ramp time…">
        {(data) => (
          <>
            <DataTable caption="Ramp cohorts" columns={cohortColumns} rows={data.cohorts} rowKey={(c) => c.cohortStart} exportName="ramp-cohorts" empty="No reps yet." />
            <DataTable caption="Ramp time per rep" columns={repColumns} rows={data.reps} rowKey={(r) => r.userId} exportName="ramp" empty="No reps yet." />
          </>
        )}
      </QueryView>
    </>
  );
}
