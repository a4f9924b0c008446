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
import { useLostReasons, type LostReason } from '../../pipelines/api/usePipelines';
import { useArchiveLostReason, useCreateLostReason } from '../api/useLostReasonAdmin';

function CreateLostReasonForm() {
  const create = useCreateLostReason();
  const toast = useToast();
  const nameRef = useRef<HTMLInputElement>(null);
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = new FormData(form).get('name');
    create.mutate(
      { name: typeof name === 'string' ? name.trim() : '' },
      {
        onSuccess: (reason) => {
          form.reset();
          nameRef.current?.focus();
          toast.show(`Lost reason “${reason.name}” added.`);
        },
        onError: () => nameRef.current?.focus(),
      },
    );
  }

  return (
    <FormPanel
      title="New lost reason"
      onSubmit={handleSubmit}
      problem={problem}
      fields={['name']}
      submitLabel="Add reason"
      pendingLabel="Adding…"
      pending={create.isPending}
    >
      <TextField ref={nameRef} label="Reason" name="name" maxLength={100} required problem={problem} />
    </FormPanel>
  );
}

export function LostReasonsPage() {
  const reasons = useLostReasons();
  const archive = useArchiveLostReason();
  const toast = useToast();
  const [archiving, setArchiving] = useState<LostReason | null>(null);

  const columns: Column<LostReason>[] = [
    { id: 'name', header: 'Reason', rowHeader: true, cell: (r) => r.name, csv: (r) => r.name },
    { id: 'state', header: 'State', cell: (r) => (r.archivedAt ? 'Archived' : 'In use'), csv: (r) => r.archivedAt ?? '' },
    {
      id: 'actions',
      header: 'Actions',
      cell: (r) =>
        r.archivedAt ? null : (
          <RowAction
            label={`Archive ${r.name}`}
            onClick={() => {
              setArchiving(r);
            }}
          >
            Archive
          </RowAction>
        ),
    },
  ];

  return (
    <Page title="Lost reasons">
      <CreateLostReasonForm />
      <QueryView query={reasons} loadingLabel="Loading lost reasons…">
        {(rows) => (
          <DataTable caption="Lost reasons" columns={columns} rows={rows} rowKey={(r) => r.id} exportName="lost-reasons" empty="No lost reasons yet." />
        )}
      </QueryView>
      {archiving && (
        <ConfirmDialog
          title={`Archive “${archiving.name}”?`}
          confirmLabel="Archive"
          pending={archive.isPending}
          error={archive.error}
          onCancel={() => {
            setArchiving(null);
            archive.reset();
          }}
          onConfirm={() => {
            archive.mutate(archiving.id, {
              onSuccess: () => {
                toast.show(`“${archiving.name}” archived.`);
                setArchiving(null);
              },
            });
          }}
        >
          <p>Deals already lost for this reason keep it; it is no longer offered when a deal is lost.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
