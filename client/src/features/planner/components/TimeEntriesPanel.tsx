import { useState } from 'react';
import { ConfirmDialog, PagedTable, RowAction, useToast, type Column } from '../../../components/ui';
import { formatDateTime } from '../../activities/components/activityText';
import { useDeleteTimeEntry, useTimeEntries, type TimeEntry } from '../api/useTimeEntries';
import { timeEntryKindLabel } from '../plannerDraft';
import { EditTimeEntryDialog } from './EditTimeEntryDialog';

/** How far back "Your recent time entries" looks, in days before today. */
const RECENT_DAYS = 14;

function recentFrom(): string {
  const date = new Date();
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - RECENT_DAYS);
  return date.toISOString();
}

/** "admin, 30 minutes": how a row's buttons name the entry. */
function describe(entry: TimeEntry): string {
  return `${timeEntryKindLabel(entry.kind).toLowerCase()}, ${String(entry.durationMinutes)} minutes`;
}

/** The signed-in rep's time entries of the last two weeks, newest first, each to correct or delete. */
export function TimeEntriesPanel({ ownerId }: { ownerId: string }) {
  const [from] = useState(recentFrom);
  const entries = useTimeEntries(ownerId, from);
  const remove = useDeleteTimeEntry();
  const toast = useToast();
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<TimeEntry | null>(null);

  const columns: Column<TimeEntry>[] = [
    { id: 'kind', header: 'Kind', rowHeader: true, cell: (e) => timeEntryKindLabel(e.kind), csv: (e) => timeEntryKindLabel(e.kind) },
    { id: 'minutes', header: 'Minutes', cell: (e) => e.durationMinutes, csv: (e) => e.durationMinutes },
    { id: 'started', header: 'Started', cell: (e) => formatDateTime(e.occurredAt), csv: (e) => e.occurredAt },
    { id: 'note', header: 'Note', cell: (e) => e.note ?? '', csv: (e) => e.note ?? '' },
    {
      id: 'actions',
      header: 'Actions',
      cell: (e) => (
        <div className="my-day__actions">
          <RowAction
            label={`Edit ${describe(e)}`}
            onClick={() => {
              setEditing(e.id);
            }}
          >
            Edit
          </RowAction>
          <RowAction
            label={`Delete ${describe(e)}`}
            variant="danger"
            onClick={() => {
              remove.reset();
              setDeleting(e);
            }}
          >
            Delete
          </RowAction>
        </div>
      ),
    },
  ];

  function confirmDelete(entry: TimeEntry) {
    remove.mutate(entry.id, {
      onSuccess: () => {
        toast.show(`${String(entry.durationMinutes)} minutes of ${timeEntryKindLabel(entry.kind).toLowerCase()} deleted.`);
        setDeleting(null);
      },
    });
  }

  return (
    <section className="panel" aria-labelledby="time-entries-heading">
      <h2 id="time-entries-heading">Your recent time entries</h2>
      <PagedTable
        query={entries}
        loadingLabel="Loading time entries…"
        caption="Your recent time entries"
        columns={columns}
        rowKey={(e) => e.id}
        exportName="time-entries"
        empty={`No time entries in the last ${String(RECENT_DAYS)} days.`}
      />
      {editing && (
        <EditTimeEntryDialog
          entryId={editing}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title="Delete time entry"
          confirmLabel="Delete"
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => {
            confirmDelete(deleting);
          }}
          onCancel={() => {
            setDeleting(null);
          }}
        >
          Delete {describe(deleting)} started {formatDateTime(deleting.occurredAt)}? It no longer counts against your selling time.
        </ConfirmDialog>
      )}
    </section>
  );
}
