import { type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Alert, Dialog, DialogForm, QueryView, SelectField, TextField, useToast } from '../../../components/ui';
import { useTimeEntry, useUpdateTimeEntry } from '../api/useTimeEntries';
import { isoToLocal, localToIso, TIME_ENTRY_KINDS, timeEntryKindLabel } from '../plannerDraft';

const FIELDS = ['kind', 'durationMinutes', 'occurredAt', 'note'] as const;

/**
 * Corrects a time entry from the version just read. A stale (412) or conflicting (409) save says what
 * happened and reads the entry again, so the form starts afresh from the latest version.
 */
export function EditTimeEntryDialog({ entryId, onClose }: { entryId: string; onClose: () => void }) {
  const entry = useTimeEntry(entryId);
  const update = useUpdateTimeEntry();
  const toast = useToast();
  const problem = update.error ? toApiProblem(update.error) : null;
  const reloaded = problem !== null && (problem.status === 412 || problem.status === 409);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!entry.data) return;
    const current = entry.data;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const started = text('occurredAt');
    const minutes = text('durationMinutes');
    const note = text('note');
    const body = {
      kind: TIME_ENTRY_KINDS.find((k) => k.value === text('kind'))?.value ?? current.data.kind,
      durationMinutes: minutes === '' ? Number.NaN : Number(minutes),
      // Unchanged to the minute keeps the exact instant; the field drops seconds.
      occurredAt: started === isoToLocal(current.data.occurredAt) ? current.data.occurredAt : (localToIso(started) ?? current.data.occurredAt),
      note: note === '' ? null : note,
    };
    update.mutate(
      { id: current.data.id, etag: current.etag, body },
      {
        onSuccess: (saved) => {
          toast.show(`${String(saved.data.durationMinutes)} minutes of ${timeEntryKindLabel(saved.data.kind).toLowerCase()} saved.`);
          onClose();
        },
        onError: (error) => {
          const status = toApiProblem(error).status;
          if (status === 412 || status === 409) void entry.refetch();
        },
      },
    );
  }

  return (
    <Dialog title="Edit time entry" onClose={onClose}>
      <QueryView query={entry} loadingLabel="Loading time entry…">
        {(tagged) => (
          <DialogForm
            // A new version (after a reload) starts the form afresh from it.
            key={tagged.data.version}
            onSubmit={handleSubmit}
            onCancel={onClose}
            problem={reloaded ? null : problem}
            fields={FIELDS}
            submitLabel="Save"
            pending={update.isPending}
            disabled={entry.isFetching}
            busy={update.isPending}
          >
            {/* Shown where FormAlert would be: the save was refused and the latest version is now in the form. */}
            {reloaded && (
              <Alert>
                <p className="alert__title">
                  {problem.status === 412 ? 'Someone else changed this time entry while you were editing.' : (problem.detail ?? problem.title)}
                </p>
                <p>Nothing was saved. The latest version is shown: make your changes again.</p>
              </Alert>
            )}
            <SelectField label="Kind" name="kind" options={TIME_ENTRY_KINDS} defaultValue={tagged.data.kind} problem={problem} />
            <TextField
              label="Minutes"
              name="durationMinutes"
              type="number"
              min={1}
              max={1440}
              step={1}
              required
              defaultValue={String(tagged.data.durationMinutes)}
              problem={problem}
            />
            <TextField label="Started" name="occurredAt" type="datetime-local" defaultValue={isoToLocal(tagged.data.occurredAt)} problem={problem} />
            <TextField label="Note" name="note" maxLength={2000} defaultValue={tagged.data.note ?? ''} problem={problem} />
          </DialogForm>
        )}
      </QueryView>
    </Dialog>
  );
}
