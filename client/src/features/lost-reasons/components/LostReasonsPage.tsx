import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import {
  Button,
  ConfirmDialog,
  DataTable,
  ErrorState,
  FormAlert,
  LoadingState,
  TextField,
  usePageTitle,
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
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="create-lost-reason-heading">
      <h2 id="create-lost-reason-heading">New lost reason</h2>
      <FormAlert problem={problem} fields={['name']} />
      <div className="form form--inline">
        <TextField ref={nameRef} label="Reason" name="name" maxLength={100} required problem={problem} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add reason'}
        </Button>
      </div>
    </form>
  );
}

export function LostReasonsPage() {
  usePageTitle('Lost reasons');
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
          <Button
            variant="secondary"
            className="button--small"
            aria-label={`Archive ${r.name}`}
            onClick={() => {
              setArchiving(r);
            }}
          >
            Archive
          </Button>
        ),
    },
  ];

  return (
    <section aria-labelledby="lost-reasons-heading">
      <div className="page-header">
        <h1 id="lost-reasons-heading">Lost reasons</h1>
      </div>
      <CreateLostReasonForm />
      {reasons.isPending ? (
        <LoadingState label="Loading lost reasons…" />
      ) : reasons.isError ? (
        <ErrorState error={reasons.error} onRetry={() => void reasons.refetch()} />
      ) : (
        <DataTable caption="Lost reasons" columns={columns} rows={reasons.data} rowKey={(r) => r.id} exportName="lost-reasons" empty="No lost reasons yet." />
      )}
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
    </section>
  );
}
