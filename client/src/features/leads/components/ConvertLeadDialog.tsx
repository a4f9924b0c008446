import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import type { Schema } from '../../../api/types';
import { Button, Dialog, FormAlert, SelectField, TextField } from '../../../components/ui';
import { usePipelines } from '../../pipelines/api/usePipelines';
import type { Lead } from '../api/useLeads';

const FIELDS = ['opportunity.name', 'opportunity.amount', 'opportunity.pipelineId'] as const;

interface Props {
  lead: Lead;
  pending: boolean;
  error: unknown;
  onConvert: (body: Schema<'ConvertLeadRequest'>) => void;
  onCancel: () => void;
  onReload?: () => void;
}

/** Converting a lead creates an account, a contact and an opportunity; it asks for the deal. */
export function ConvertLeadDialog({ lead, pending, error, onConvert, onCancel, onReload }: Props) {
  const pipelines = usePipelines();
  const [name, setName] = useState(lead.company ? `${lead.company} deal` : `${lead.name} deal`);
  const [amount, setAmount] = useState('');
  const [pipelineId, setPipelineId] = useState('');
  const [checks, setChecks] = useState<{ name?: string; amount?: string }>({});
  const problem = error ? toApiProblem(error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const next: { name?: string; amount?: string } = {};
    if (!name.trim()) next.name = 'Name the opportunity.';
    const parsed = Number(amount);
    if (amount.trim() === '' || !Number.isFinite(parsed) || parsed < 0) next.amount = 'Enter an amount of 0 or more.';
    setChecks(next);
    if (next.name || next.amount) return;
    onConvert({ opportunity: { name: name.trim(), amount: parsed, pipelineId: pipelineId || null } });
  }

  return (
    <Dialog title={`Convert “${lead.name}”`} onClose={onCancel}>
      <form className="form" onSubmit={handleSubmit} noValidate>
        <p>Creates an account, a contact and an opportunity from this lead.</p>
        <FormAlert problem={problem} fields={FIELDS} {...(onReload ? { onReload } : {})} />
        <TextField
          label="Opportunity name"
          name="opportunity.name"
          value={name}
          maxLength={200}
          required
          onChange={(event) => { setName(event.target.value); }}
          errors={checks.name ? [checks.name] : []}
          problem={problem}
        />
        <TextField
          label="Amount"
          name="opportunity.amount"
          type="number"
          inputMode="decimal"
          min={0}
          step="0.01"
          value={amount}
          required
          onChange={(event) => { setAmount(event.target.value); }}
          errors={checks.amount ? [checks.amount] : []}
          problem={problem}
        />
        <SelectField
          label="Pipeline"
          name="opportunity.pipelineId"
          placeholder="Default pipeline"
          options={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={pipelineId}
          onChange={(event) => { setPipelineId(event.target.value); }}
          problem={problem}
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" disabled={pending}>
            {pending ? 'Converting…' : 'Convert lead'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
