import type { SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Tagged } from '../../../api/client';
import { toApiProblem } from '../../../api/problem';
import { ErrorState, FormPanel, LoadingState, TextField, usePageTitle, useToast } from '../../../components/ui';
import { directoryKeys } from '../api/directoryKeys';
import { useAccount, useAccountTimeline, useUpdateAccount, type Account } from '../api/useDirectory';
import { text } from './formText';
import { RecordTimeline } from '../../activities/components/RecordTimeline';

export function AccountPage() {
  const { id = '' } = useParams();
  const account = useAccount(id);
  const timeline = useAccountTimeline(id);
  usePageTitle(account.data?.data.name ?? 'Account');

  if (account.isPending) return <LoadingState label="Loading account…" />;
  if (account.isError) return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;
  return (
    <section aria-labelledby="account-heading">
      <div className="page-header">
        <h1 id="account-heading">{account.data.data.name}</h1>
      </div>
      <p>
        <Link to="/accounts">All accounts</Link>
      </p>
      <EditAccountForm key={account.data.data.version} account={account.data} />
      <RecordTimeline timeline={timeline} />
    </section>
  );
}

function EditAccountForm({ account: tagged }: { account: Tagged<Account> }) {
  const account = tagged.data;
  const update = useUpdateAccount(account.id);
  const queryClient = useQueryClient();
  const toast = useToast();
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate(
      { etag: tagged.etag, body: { name: text(data, 'name') ?? '', domain: text(data, 'domain'), industry: text(data, 'industry') } },
      { onSuccess: () => { toast.show('Account saved.'); } },
    );
  }

  return (
    <FormPanel
      title="Edit account"
      layout="stacked"
      onSubmit={handleSubmit}
      problem={problem}
      fields={['name', 'domain', 'industry']}
      onReload={() => void queryClient.invalidateQueries({ queryKey: directoryKeys.account(account.id) })}
      submitLabel="Save"
      pendingLabel="Saving…"
      pending={update.isPending}
    >
      <TextField label="Account name" name="name" defaultValue={account.name} maxLength={200} required problem={problem} />
      <TextField label="Domain" name="domain" defaultValue={account.domain ?? ''} maxLength={200} problem={problem} />
      <TextField label="Industry" name="industry" defaultValue={account.industry ?? ''} maxLength={200} problem={problem} />
    </FormPanel>
  );
}
