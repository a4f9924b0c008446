import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import {
  Alert,
  Button,
  ConfirmDialog,
  DataTable,
  Dialog,
  ErrorState,
  FormAlert,
  LoadingState,
  TextField,
  usePageTitle,
  useToast,
  type Column,
} from '../../../components/ui';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import {
  useArchiveCertification,
  useCertification,
  useCertifications,
  useCreateCertification,
  useDeleteCertification,
  useUpdateCertification,
  type Certification,
} from '../api/usePeople';

const FIELDS = ['name', 'required', 'validityMonths'];

function bodyOf(form: FormData) {
  const name = form.get('name');
  const validity = form.get('validityMonths');
  const months = typeof validity === 'string' ? validity.trim() : '';
  return {
    name: typeof name === 'string' ? name.trim() : '',
    required: form.get('required') === 'on',
    validityMonths: months === '' ? null : Number(months),
  };
}

function CreateCertificationForm() {
  const create = useCreateCertification();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const body = bodyOf(new FormData(formElement));
    create.mutate(
      { body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: (saved) => {
          toast.show(`${saved.name} created.`);
          keys.current.reset();
          formElement.reset();
        },
      },
    );
  }

  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="create-certification-heading">
      <h2 id="create-certification-heading">New certification</h2>
      <FormAlert problem={problem} fields={FIELDS} />
      <div className="form form--inline">
        <TextField label="Name" name="name" required autoComplete="off" problem={problem} />
        <TextField
          label="Valid for (months)"
          name="validityMonths"
          type="number"
          min={1}
          max={600}
          step={1}
          hint="Empty: never expires."
          problem={problem}
        />
        <div className="checkbox">
          <input type="checkbox" id="new-certification-required" name="required" defaultChecked />
          <label htmlFor="new-certification-required">Required for every rep</label>
        </div>
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Create certification'}
        </Button>
      </div>
    </form>
  );
}

function EditCertificationDialog({ id, onClose }: { id: string; onClose: () => void }) {
  const current = useCertification(id);
  const update = useUpdateCertification();
  const toast = useToast();
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!current.data) return;
    update.mutate(
      { current: current.data, body: bodyOf(new FormData(event.currentTarget)) },
      {
        onSuccess: (saved) => {
          toast.show(`${saved.name} saved.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title="Edit certification" onClose={onClose}>
      {current.isPending ? (
        <LoadingState label="Loading certification…" />
      ) : current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <form key={current.data.data.version} className="form" onSubmit={handleSubmit} noValidate aria-busy={update.isPending}>
          <FormAlert
            problem={problem}
            fields={FIELDS}
            onReload={() => {
              update.reset();
              void current.refetch();
            }}
          />
          <TextField label="Name" name="name" defaultValue={current.data.data.name} required autoComplete="off" problem={problem} />
          <TextField
            label="Valid for (months)"
            name="validityMonths"
            type="number"
            min={1}
            max={600}
            step={1}
            hint="Empty: never expires."
            defaultValue={current.data.data.validityMonths ?? ''}
            problem={problem}
          />
          <div className="checkbox">
            <input type="checkbox" id="edit-certification-required" name="required" defaultChecked={current.data.data.required} />
            <label htmlFor="edit-certification-required">Required for every rep</label>
          </div>
          <div className="form__actions">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending || current.isFetching}>
              {update.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

export function CertificationsPage() {
  usePageTitle('Certifications');
  const certifications = useCertifications(true);
  const archive = useArchiveCertification();
  const remove = useDeleteCertification();
  const toast = useToast();
  const [editing, setEditing] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<Certification | null>(null);
  const [deleting, setDeleting] = useState<Certification | null>(null);
  const deleteProblem = remove.error ? toApiProblem(remove.error) : null;

  const columns: Column<Certification>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (c) => c.name, csv: (c) => c.name },
    { id: 'required', header: 'Required', cell: (c) => (c.required ? 'Yes' : 'No'), csv: (c) => c.required },
    {
      id: 'validity',
      header: 'Valid for',
      cell: (c) => (c.validityMonths === null ? 'No expiry' : `${String(c.validityMonths)} months`),
      csv: (c) => c.validityMonths,
    },
    {
      id: 'status',
      header: 'Status',
      cell: (c) => <span className={c.archivedAt ? 'badge badge--inactive' : 'badge badge--active'}>{c.archivedAt ? 'Archived' : 'Live'}</span>,
      csv: (c) => (c.archivedAt ? 'archived' : 'live'),
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (c) =>
        c.archivedAt ? null : (
          <div className="row-actions">
            <Button variant="secondary" className="button--small" aria-label={`Edit ${c.name}`} onClick={() => { setEditing(c.id); }}>
              Edit
            </Button>
            <Button variant="secondary" className="button--small" aria-label={`Archive ${c.name}`} onClick={() => { remove.reset(); setArchiving(c); }}>
              Archive
            </Button>
            <Button
              variant="danger"
              className="button--small"
              aria-label={`Delete ${c.name}`}
              onClick={() => {
                remove.reset();
                setDeleting(c);
              }}
            >
              Delete
            </Button>
          </div>
        ),
    },
  ];

  return (
    <section aria-labelledby="certifications-heading">
      <div className="page-header">
        <h1 id="certifications-heading">Certifications</h1>
      </div>
      <CreateCertificationForm />
      {deleteProblem && (
        <Alert>
          <p className="alert__title">{deleteProblem.detail ?? deleteProblem.title}</p>
        </Alert>
      )}
      {certifications.isPending ? (
        <LoadingState label="Loading certifications…" />
      ) : certifications.isError ? (
        <ErrorState error={certifications.error} onRetry={() => void certifications.refetch()} />
      ) : (
        <DataTable caption="Certifications" columns={columns} rows={certifications.data} rowKey={(c) => c.id} exportName="certifications" empty="No certifications yet." />
      )}
      {editing && <EditCertificationDialog id={editing} onClose={() => { setEditing(null); }} />}
      {archiving && (
        <ConfirmDialog
          title={`Archive ${archiving.name}?`}
          confirmLabel="Archive"
          onCancel={() => { setArchiving(null); }}
          onConfirm={() => {
            archive.mutate(archiving.id, {
              onSuccess: () => {
                toast.show(`${archiving.name} archived.`);
                setArchiving(null);
              },
            });
          }}
        >
          It will no longer count for readiness; past assessments are kept.
        </ConfirmDialog>
      )}
      {deleting && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete"
          onCancel={() => { setDeleting(null); }}
          onConfirm={() => {
            remove.mutate(deleting.id, {
              onSuccess: () => { toast.show(`${deleting.name} deleted.`); },
              onSettled: () => { setDeleting(null); },
            });
          }}
        >
          Only a certification no assessment names can be deleted; otherwise archive it.
        </ConfirmDialog>
      )}
    </section>
  );
}
