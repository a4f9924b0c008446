import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import {
  ConfirmDialog,
  DataTable,
  FormPanel,
  Page,
  QueryView,
  RowAction,
  TextField,
  useToast,
  type Column,
} from '../../../components/ui';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import { weekdayOf } from '../weekday';
import { useAddNonWorkingDay, useNonWorkingDays, useRemoveNonWorkingDay, type NonWorkingDay } from '../api/useNonWorkingDays';

function AddNonWorkingDayForm() {
  const add = useAddNonWorkingDay();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const dateRef = useRef<HTMLInputElement>(null);
  const problem = add.error ? toApiProblem(add.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const body = { date: text('date'), name: text('name') };
    add.mutate(
      { body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: (day) => {
          keys.current.reset();
          form.reset();
          dateRef.current?.focus();
          toast.show(`${day.date} (${day.name}) is now a non-working day.`);
        },
      },
    );
  }

  return (
    <FormPanel
      title="Add a non-working day"
      onSubmit={handleSubmit}
      problem={problem}
      fields={['date', 'name']}
      submitLabel="Add day"
      pendingLabel="Adding…"
      pending={add.isPending}
    >
      <TextField ref={dateRef} label="Date" name="date" type="date" required problem={problem} />
      <TextField label="Name" name="name" maxLength={100} required problem={problem} hint="E.g. New Year’s Day." />
    </FormPanel>
  );
}

/** Admin: the organisation's public holidays and days off, which the planner takes out of a month's working days. */
export function NonWorkingDaysPage() {
  const days = useNonWorkingDays();
  const remove = useRemoveNonWorkingDay();
  const toast = useToast();
  const [removing, setRemoving] = useState<NonWorkingDay | null>(null);

  const columns: Column<NonWorkingDay>[] = [
    { id: 'date', header: 'Date', rowHeader: true, cell: (d) => d.date, csv: (d) => d.date },
    { id: 'weekday', header: 'Weekday', cell: (d) => weekdayOf(d.date), csv: (d) => weekdayOf(d.date) },
    { id: 'name', header: 'Name', cell: (d) => d.name, csv: (d) => d.name },
    {
      id: 'actions',
      header: 'Actions',
      cell: (d) => (
        <RowAction
          label={`Remove ${d.date} (${d.name})`}
          onClick={() => {
            setRemoving(d);
          }}
        >
          Remove
        </RowAction>
      ),
    },
  ];

  return (
    <Page title="Calendar">
      <p className="muted">
        The working week is Monday to Friday. Days listed here are taken out of a month’s working days (a day on a weekend
        changes nothing).
      </p>
      <AddNonWorkingDayForm />
      <QueryView query={days} loadingLabel="Loading non-working days…">
        {(rows) => (
          <DataTable
            caption="Non-working days"
            columns={columns}
            rows={rows}
            rowKey={(d) => d.date}
            exportName="non-working-days"
            empty="No non-working days yet."
          />
        )}
      </QueryView>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.date} (${removing.name})?`}
          confirmLabel="Remove"
          pending={remove.isPending}
          error={remove.error}
          onCancel={() => {
            setRemoving(null);
            remove.reset();
          }}
          onConfirm={() => {
            remove.mutate(removing.date, {
              onSuccess: () => {
                toast.show(`${removing.date} is an ordinary day again.`);
                setRemoving(null);
              },
            });
          }}
        >
          <p>The day becomes an ordinary working day again if it falls on a weekday.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
