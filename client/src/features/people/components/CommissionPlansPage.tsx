import { useRef, useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { DataTable, FormPanel, Page, QueryView, SelectField, TextField, useToast, type Column } from '../../../components/ui';
import { useCurrency } from '../../dashboard/api/useMetrics';
import { formatRatio } from '../../dashboard/format';
import { SubmissionKeys } from '../../quick-log/api/useQuickLogSave';
import { useQuotaPeople } from '../../quotas/api/useQuotas';
import { useAssignPlan, useAssignments, useCreatePlan, usePlans, type CommissionPlan } from '../api/usePeople';
import { formatPay, percentToFraction } from './pay';
import { monthStart } from './quadrant';

const PLAN_FIELDS = ['name', 'basePay', 'target', 'rate', 'threshold', 'period'];
const ASSIGN_FIELDS = ['userId', 'planId', 'effectiveFrom'];
const PERIODS = [
  { value: 'month', label: 'Month' },
  { value: 'quarter', label: 'Quarter' },
] as const;

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

function num(form: FormData, name: string): number {
  const value = text(form, name);
  return value === '' ? Number.NaN : Number(value);
}

function CreatePlanForm() {
  const create = useCreatePlan();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const body = {
      name: text(form, 'name'),
      basePay: num(form, 'basePay'),
      target: num(form, 'target'),
      rate: percentToFraction(num(form, 'rate')),
      threshold: percentToFraction(num(form, 'threshold')),
      period: text(form, 'period') === 'quarter' ? ('quarter' as const) : ('month' as const),
    };
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
      title="New plan"
      intro={<p className="muted">Plans are not edited: new terms are a new plan, assigned from a month.</p>}
      onSubmit={handleSubmit}
      problem={problem}
      fields={PLAN_FIELDS}
      submitLabel="Create plan"
      pendingLabel="Saving…"
      pending={create.isPending}
    >
      <TextField label="Name" name="name" required autoComplete="off" problem={problem} />
      <SelectField label="Paid per" name="period" options={PERIODS} defaultValue="month" problem={problem} />
      <TextField label="Base pay" name="basePay" type="number" min={0} step="any" required problem={problem} />
      <TextField label="Target" name="target" type="number" min={0} step="any" required problem={problem} />
      <TextField label="Rate (%)" name="rate" type="number" min={0} step="any" required problem={problem} hint="10 = 10% of won revenue" />
      <TextField
        label="Threshold (% of target)"
        name="threshold"
        type="number"
        min={0}
        step="any"
        defaultValue="100"
        required
        problem={problem}
      />
    </FormPanel>
  );
}

function AssignPlanForm({ plans }: { plans: readonly CommissionPlan[] }) {
  const people = useQuotaPeople();
  const assign = useAssignPlan();
  const toast = useToast();
  const keys = useRef(new SubmissionKeys());
  const [userId, setUserId] = useState('');
  const history = useAssignments(userId);
  const problem = assign.error ? toApiProblem(assign.error) : null;
  const reps = (people.data ?? []).filter((p) => p.role !== 'admin');
  const planName = new Map(plans.map((p) => [p.id, p.name]));

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { userId: text(form, 'userId'), planId: text(form, 'planId'), effectiveFrom: `${text(form, 'effectiveFrom')}-01` };
    assign.mutate(
      { body, idempotencyKey: keys.current.keyFor(body) },
      {
        onSuccess: () => {
          toast.show('Plan assigned.');
          keys.current.reset();
        },
      },
    );
  }

  return (
    <FormPanel
      title="Assign a plan"
      onSubmit={handleSubmit}
      problem={problem}
      fields={ASSIGN_FIELDS}
      submitLabel="Assign plan"
      pendingLabel="Saving…"
      pending={assign.isPending}
      footer={
        userId &&
        history.data && (
          <p className="muted" aria-live="polite">
            Plan history:{' '}
            {history.data.length === 0
              ? 'none yet'
              : history.data.map((a) => `${planName.get(a.planId) ?? 'a plan'} from ${a.effectiveFrom}`).join('; ')}
          </p>
        )
      }
    >
      <SelectField
        label="Rep"
        name="userId"
        placeholder="Choose a person"
        options={reps.map((p) => ({ value: p.id, label: p.displayName }))}
        value={userId}
        onChange={(event) => {
          setUserId(event.target.value);
        }}
        problem={problem}
        required
      />
      <SelectField
        label="Plan"
        name="planId"
        placeholder="Choose a plan"
        options={plans.map((p) => ({ value: p.id, label: p.name }))}
        problem={problem}
        required
      />
      <TextField
        label="Effective from (month)"
        name="effectiveFrom"
        type="month"
        defaultValue={monthStart(new Date()).slice(0, 7)}
        required
        problem={problem}
      />
    </FormPanel>
  );
}

export function CommissionPlansPage() {
  const plans = usePlans();
  const currency = useCurrency();
  const columns: Column<CommissionPlan>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (p) => p.name, csv: (p) => p.name },
    { id: 'period', header: 'Paid per', cell: (p) => p.period, csv: (p) => p.period },
    { id: 'base', header: 'Base pay', cell: (p) => formatPay(p.basePay, currency), csv: (p) => p.basePay },
    { id: 'target', header: 'Target', cell: (p) => formatPay(p.target, currency), csv: (p) => p.target },
    { id: 'rate', header: 'Rate', cell: (p) => formatRatio(p.rate), csv: (p) => p.rate },
    { id: 'threshold', header: 'Threshold', cell: (p) => formatRatio(p.threshold), csv: (p) => p.threshold },
  ];
  return (
    <Page title="Commission plans">
      <CreatePlanForm />
      <QueryView query={plans} loadingLabel="Loading plans…">
        {(rows) => (
          <>
            <AssignPlanForm plans={rows} />
            <DataTable caption="Commission plans" columns={columns} rows={rows} rowKey={(p) => p.id} exportName="commission-plans" empty="No plans yet." />
          </>
        )}
      </QueryView>
    </Page>
  );
}
