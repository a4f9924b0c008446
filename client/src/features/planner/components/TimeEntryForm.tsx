import { useRef, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, FormAlert, SelectField, TextField, useToast } from '../../../components/ui';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import { useCreateTimeEntry } from '../api/useTimeEntries';
import { localToIso, TIME_ENTRY_KINDS } from '../plannerDraft';

const FIELDS = ['kind', 'durationMinutes', 'occurredAt', 'note'] as const;

/** Logs non-selling time (admin, training, internal meetings, travel), which the selling-share figure sets against selling time. */
export function TimeEntryForm() {
  const create = useCreateTimeEntry();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const kind = TIME_ENTRY_KINDS.find((k) => k.value === text('kind'))?.value ?? 'admin';
    const minutes = text('durationMinutes');
    const note = text('note');
    const body = {
      kind,
      durationMinutes: minutes === '' ? Number.NaN : Number(minutes),
      occurredAt: localToIso(text('occurredAt')),
      ...(note ? { note } : {}),
    };
    create.mutate(
      { body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: (entry) => {
          keys.current.reset();
          form.reset();
          toast.show(`${String(entry.durationMinutes)} minutes of ${TIME_ENTRY_KINDS.find((k) => k.value === entry.kind)?.label.toLowerCase() ?? entry.kind} logged.`);
        },
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="time-entry-heading">
      <h2 id="time-entry-heading">Log non-selling time</h2>
      <form className="form" onSubmit={handleSubmit} noValidate aria-labelledby="time-entry-heading">
        <FormAlert problem={problem} fields={FIELDS} />
        <div className="form form--inline">
          <SelectField label="Kind" name="kind" options={TIME_ENTRY_KINDS} defaultValue="admin" problem={problem} />
          <TextField label="Minutes" name="durationMinutes" type="number" min={1} max={1440} step={1} required problem={problem} />
          <TextField label="Started" name="occurredAt" type="datetime-local" hint="Empty: now." problem={problem} />
          <TextField label="Note" name="note" maxLength={2000} problem={problem} />
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Saving…' : 'Save time entry'}
          </Button>
        </div>
      </form>
    </section>
  );
}
