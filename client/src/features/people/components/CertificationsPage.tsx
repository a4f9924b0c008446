import { useId, useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem, type ApiProblem } from '../../../api/problem';
import {
  Alert,
  ConfirmDialog,
  DataTable,
  Dialog,
  DialogForm,
  FormPanel,
  Page,
  QueryView,
  RowAction,
  TextField,
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

function CertificationFields({ problem, saved }: { problem: ApiProblem | null; saved?: Certification }) {
  const requiredId = useId();
  return (
    <>
      <TextField label="Name" name="name" defaultValue={saved?.name} required autoComplete="off" problem={problem} />
      <TextField
        label="Valid for (months)"
        name="validityMonths"
        type="number"
        min={1}
        max={600}
        step={1}
        hint="Empty: never expires."
        defaultValue={saved ? (saved.validityMonths ?? '') : undefined}
        problem={problem}
      />
      <div className="checkbox">
        <input type="checkbox" id={requiredId} name="required" defaultChecked={saved?.required ?? true} />
        <label htmlFor={requiredId}>Required for every rep</label>
      </div>
    </>
  );
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
    <FormPanel
      title="New certification"
      onSubmit={handleSubmit}
      problem={problem}
      fields={FIELDS}
      submitLabel="Create certification"
      pendingLabel="Saving…"
      pending={create.isPending}
    >
      <CertificationFields problem={problem} />
    </FormPanel>
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
      <QueryView query={current} loadingLabel="Loading certification…">
        {(tagged) => (
          <DialogForm
            key={tagged.data.version}
            onSubmit={handleSubmit}
            onCancel={onClose}
            problem={problem}
            fields={FIELDS}
            onReload={() => {
              update.reset();
              void current.refetch();
            }}
            submitLabel="Save"
            pending={update.isPending}
            disabled={current.isFetching}
            busy={update.isPending}
          >
            <CertificationFields problem={problem} saved={tagged.data} />
          </DialogForm>
        )}
      </QueryView>
    </Dialog>
  );
}

export function CertificationsPage() {
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
            <RowAction label={`Edit ${c.name}`} onClick={() => { setEditing(c.id); }}>
              Edit
            </RowAction>
            <RowAction label={`Archive ${c.name}`} onClick={() => { remove.reset(); setArchiving(c); }}>
              Archive
            </RowAction>
            <RowAction
              variant="danger"
              label={`Delete ${c.name}`}
              onClick={() => {
                remove.reset();
                setDeleting(c);
              }}
            >
              Delete
            </RowAction>
          </div>
        ),
    },
  ];

  return (
    <Page title="Certifications">
      <CreateCertificationForm />
      {deleteProblem && (
        <Alert>
          <p className="alert__title">{deleteProblem.detail ?? deleteProblem.title}</p>
        </Alert>
      )}
      <QueryView query={certifications} loadingLabel="Loading certifications…">
        {(rows) => (
          <DataTable caption="Certifications" columns={columns} rows={rows} rowKey={(c) => c.id} exportName="certifications" empty="No certifications yet." />
        )}
      </QueryView>
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
    </Page>
  );
}
