import { useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Tagged } from '../../../api/client';
import { toApiProblem } from '../../../api/problem';
import {
  Button,
  ErrorState,
  FormAlert,
  LoadingState,
  SelectField,
  TextField,
  usePageTitle,
  useToast,
} from '../../../components/ui';
import { leadKeys } from '../api/leadKeys';
import {
  LEAD_STATUSES,
  leadStatusLabel,
  useConvertLead,
  useLead,
  useUpdateLead,
  type Lead,
  type LeadStatus,
} from '../api/useLeads';
import { LeadScoreEvents, LeadScoreFacts } from '../../lead-scoring/components/LeadScore';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import './lead-page.css';

const EDIT_FIELDS = ['name', 'company', 'email', 'phone', 'source', 'status', 'disqualificationReason'] as const;

export function LeadPage() {
  const { id = '' } = useParams();
  const lead = useLead(id);
  usePageTitle(lead.data?.data.name ?? 'Lead');

  if (lead.isPending) return <LoadingState label="Loading lead…" />;
  if (lead.isError) return <ErrorState error={lead.error} onRetry={() => void lead.refetch()} />;
  return <LeadDetails key={lead.data.data.version} lead={lead.data} />;
}

function text(data: FormData, name: string): string | null {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function LeadDetails({ lead: tagged }: { lead: Tagged<Lead> }) {
  const lead = tagged.data;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  const update = useUpdateLead(lead.id);
  const convert = useConvertLead(lead.id);
  const [converting, setConverting] = useState(false);
  const [status, setStatus] = useState<LeadStatus>(lead.status);
  const problem = update.error ? toApiProblem(update.error) : null;
  const reload = () => void queryClient.invalidateQueries({ queryKey: leadKeys.detail(lead.id) });
  const closed = lead.status === 'converted';

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate(
      {
        etag: tagged.etag,
        body: {
          name: text(data, 'name') ?? '',
          company: text(data, 'company'),
          email: text(data, 'email'),
          phone: text(data, 'phone'),
          source: text(data, 'source'),
          status,
          disqualificationReason: status === 'disqualified' ? text(data, 'disqualificationReason') : null,
        },
      },
      { onSuccess: () => { toast.show('Lead saved.'); } },
    );
  }

  return (
    <section aria-labelledby="lead-heading">
      <div className="page-header">
        <h1 id="lead-heading">{lead.name}</h1>
        {!closed && lead.status !== 'disqualified' && (
          <Button onClick={() => { setConverting(true); }}>Convert</Button>
        )}
      </div>
      <p>
        <Link to="/leads">All leads</Link>
      </p>
      <dl className="lead__facts">
        <div>
          <dt>Status</dt>
          <dd>{leadStatusLabel[lead.status]}</dd>
        </div>
        <LeadScoreFacts score={lead.score} salesQualifiedAt={lead.salesQualifiedAt} ownerId={lead.ownerId} />
        {lead.disqualificationReason && (
          <div>
            <dt>Disqualified because</dt>
            <dd>{lead.disqualificationReason}</dd>
          </div>
        )}
        {lead.convertedOpportunityId && (
          <div>
            <dt>Opportunity</dt>
            <dd>
              <Link to={`/opportunities/${lead.convertedOpportunityId}`}>Open the opportunity</Link>
            </dd>
          </div>
        )}
      </dl>
      {!closed && (
        <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="edit-lead-heading">
          <h2 id="edit-lead-heading">Edit lead</h2>
          <FormAlert problem={problem} fields={EDIT_FIELDS} onReload={reload} />
          <TextField label="Name" name="name" defaultValue={lead.name} maxLength={200} required problem={problem} />
          <TextField label="Company" name="company" defaultValue={lead.company ?? ''} maxLength={200} problem={problem} />
          <TextField label="Email" name="email" type="email" defaultValue={lead.email ?? ''} maxLength={254} problem={problem} />
          <TextField label="Phone" name="phone" type="tel" defaultValue={lead.phone ?? ''} maxLength={50} problem={problem} />
          <TextField label="Source" name="source" defaultValue={lead.source ?? ''} maxLength={200} problem={problem} />
          <SelectField
            label="Status"
            name="status"
            options={LEAD_STATUSES.filter((s) => s !== 'converted').map((value) => ({ value, label: leadStatusLabel[value] }))}
            value={status}
            onChange={(event) => {
              const next = LEAD_STATUSES.find((s) => s === event.target.value);
              if (next) setStatus(next);
            }}
            problem={problem}
          />
          {status === 'disqualified' && (
            <TextField
              label="Disqualification reason"
              name="disqualificationReason"
              defaultValue={lead.disqualificationReason ?? ''}
              maxLength={200}
              required
              problem={problem}
            />
          )}
          <div className="form__actions">
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </form>
      )}
      <LeadScoreEvents leadId={lead.id} />
      {converting && (
        <ConvertLeadDialog
          lead={lead}
          pending={convert.isPending}
          error={convert.error}
          onReload={reload}
          onCancel={() => {
            setConverting(false);
            convert.reset();
          }}
          onConvert={(body) => { convert.mutate(
              { etag: tagged.etag, body },
              {
                onSuccess: (result) => {
                  toast.show(`“${lead.name}” converted.`);
                  void navigate(`/opportunities/${result.opportunityId}`);
                },
              },
            ); }
          }
        />
      )}
    </section>
  );
}
