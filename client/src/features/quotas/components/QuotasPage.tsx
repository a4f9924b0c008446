import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import {
  DataTable,
  Dialog,
  DialogForm,
  FormPanel,
  Page,
  QueryView,
  RowAction,
  SelectField,
  TextField,
  useToast,
  type Column,
} from '../../../components/ui';
import { useCreateQuota, useQuotaPeople, useQuotas, useUpdateQuota, type Quota, type QuotaKind, type QuotaPeriod } from '../api/useQuotas';

const PERIODS: readonly { value: QuotaPeriod; label: string }[] = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
  { value: 'year', label: 'Year' },
];
const KINDS: readonly { value: QuotaKind; label: string }[] = [
  { value: 'revenue', label: 'Revenue' },
  { value: 'deals', label: 'Won deals' },
];
const CREATE_FIELDS = ['userId', 'period', 'periodStart', 'kind', 'target'] as const;

function firstOfThisMonth(): string {
  const now = new Date();
  return `${String(now.getFullYear())}-${String(now.getMonth() + 1).padStart(2, '0')}-01`;
}

function str(data: FormData, name: string): string {
  const value = data.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

export function CreateQuotaForm({ people }: { people: readonly { id: string; displayName: string }[] }) {
  const create = useCreateQuota();
  const toast = useToast();
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const period = PERIODS.find((p) => p.value === str(data, 'period'))?.value ?? 'month';
    const kind = KINDS.find((k) => k.value === str(data, 'kind'))?.value ?? 'revenue';
    const target = str(data, 'target');
    create.mutate(
      { userId: str(data, 'userId'), period, periodStart: str(data, 'periodStart'), kind, target: target === '' ? Number.NaN : Number(target) },
      { onSuccess: () => { toast.show('Quota set.'); } },
    );
  }

  return (
    <FormPanel
      title="New quota"
      onSubmit={handleSubmit}
      problem={problem}
      fields={CREATE_FIELDS}
      submitLabel="Set quota"
      pendingLabel="Saving…"
      pending={create.isPending}
    >
      <SelectField
        label="Rep"
        name="userId"
        placeholder="Choose a person"
        options={people.map((p) => ({ value: p.id, label: p.displayName }))}
        problem={problem}
        required
      />
      <SelectField label="Period" name="period" options={PERIODS} defaultValue="month" problem={problem} />
      <TextField label="Period start" name="periodStart" type="date" defaultValue={firstOfThisMonth()} required problem={problem} />
      <SelectField label="Kind" name="kind" options={KINDS} defaultValue="revenue" problem={problem} />
      <TextField label="Target" name="target" type="number" min={0} step="any" required problem={problem} />
    </FormPanel>
  );
}

function EditTargetDialog({ quota, name, onClose }: { quota: Quota; name: string; onClose: () => void }) {
  const update = useUpdateQuota();
  const toast = useToast();
  const [target, setTarget] = useState(String(quota.target));
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate(
      { quota, body: { kind: quota.kind, target: target.trim() === '' ? Number.NaN : Number(target) } },
      {
        onSuccess: () => {
          toast.show('Target saved.');
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title={`Target for ${name}, ${quota.period} from ${quota.periodStart}`} onClose={onClose}>
      <DialogForm onSubmit={handleSubmit} onCancel={onClose} problem={problem} fields={['target']} submitLabel="Save target" pending={update.isPending}>
        <TextField
          label="Target"
          name="target"
          type="number"
          min={0}
          step="any"
          value={target}
          onChange={(event) => {
            setTarget(event.target.value);
          }}
          problem={problem}
        />
      </DialogForm>
    </Dialog>
  );
}

export function QuotasPage() {
  const people = useQuotaPeople();
  const [userId, setUserId] = useState('');
  const quotas = useQuotas(userId);
  const [editing, setEditing] = useState<Quota | null>(null);
  const names = new Map((people.data ?? []).map((p) => [p.id, p.displayName]));
  const nameOf = (id: string) => names.get(id) ?? 'Unknown';

  const columns: Column<Quota>[] = [
    { id: 'rep', header: 'Rep', rowHeader: true, cell: (q) => nameOf(q.userId), csv: (q) => nameOf(q.userId) },
    { id: 'period', header: 'Period', cell: (q) => q.period, csv: (q) => q.period },
    { id: 'start', header: 'Starts', cell: (q) => q.periodStart, csv: (q) => q.periodStart },
    { id: 'kind', header: 'Kind', cell: (q) => (q.kind === 'deals' ? 'Won deals' : 'Revenue'), csv: (q) => q.kind },
    { id: 'target', header: 'Target', cell: (q) => q.target.toLocaleString(), csv: (q) => q.target },
    {
      id: 'actions',
      header: 'Actions',
      cell: (q) => (
        <RowAction
          label={`Edit target for ${nameOf(q.userId)} from ${q.periodStart}`}
          onClick={() => {
            setEditing(q);
          }}
        >
          Edit target
        </RowAction>
      ),
    },
  ];

  return (
    <Page title="Quotas">
      <QueryView query={people} loadingLabel="Loading people…">
        {(list) => (
          <>
            <CreateQuotaForm people={list} />
            <div className="panel form form--inline">
              <SelectField
                label="Show quotas for"
                name="filterUserId"
                placeholder="Everyone"
                options={list.map((p) => ({ value: p.id, label: p.displayName }))}
                value={userId}
                onChange={(event) => {
                  setUserId(event.target.value);
                }}
              />
            </div>
          </>
        )}
      </QueryView>
      <QueryView query={quotas} loadingLabel="Loading quotas…">
        {(rows) => <DataTable caption="Quotas" columns={columns} rows={rows} rowKey={(q) => q.id} exportName="quotas" empty="No quotas yet." />}
      </QueryView>
      {editing && (
        <EditTargetDialog
          quota={editing}
          name={nameOf(editing.userId)}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
    </Page>
  );
}
