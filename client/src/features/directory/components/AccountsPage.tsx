import { useRef, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { toApiProblem } from '../../../api/problem';
import { Button, DataTable, ErrorState, FormAlert, LoadingState, TextField, usePageTitle, useToast, type Column } from '../../../components/ui';
import { useAccounts, useCreateAccount, type Account } from '../api/useDirectory';
import { useMe } from '../../auth';
import { OwnerFilterFields } from '../../users/components/OwnerFilterFields';
import { useOwnerFilter } from '../../users/hooks/useOwnerFilter';
import { text } from './formText';
import { useSearchQuery } from '../hooks/useSearchQuery';
import { SearchBox } from './SearchBox';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const columns: Column<Account>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (a) => <Link to={`/accounts/${a.id}`}>{a.name}</Link>, csv: (a) => a.name },
  { id: 'domain', header: 'Domain', cell: (a) => a.domain ?? '—', csv: (a) => a.domain },
  { id: 'industry', header: 'Industry', cell: (a) => a.industry ?? '—', csv: (a) => a.industry },
  { id: 'created', header: 'Created', cell: (a) => dateFormat.format(new Date(a.createdAt)), csv: (a) => a.createdAt },
];

function CreateAccountForm() {
  const create = useCreateAccount();
  const toast = useToast();
  const nameRef = useRef<HTMLInputElement>(null);
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      { name: text(data, 'name') ?? '', domain: text(data, 'domain'), industry: text(data, 'industry') },
      {
        onSuccess: (account) => {
          form.reset();
          nameRef.current?.focus();
          toast.show(`Account “${account.name}” created.`);
        },
        onError: () => nameRef.current?.focus(),
      },
    );
  }

  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="create-account-heading">
      <h2 id="create-account-heading">New account</h2>
      <FormAlert problem={problem} fields={['name', 'domain', 'industry']} />
      <div className="form form--inline">
        <TextField ref={nameRef} label="Account name" name="name" maxLength={200} required problem={problem} />
        <TextField label="Domain" name="domain" maxLength={200} problem={problem} />
        <TextField label="Industry" name="industry" maxLength={200} problem={problem} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create account'}
        </Button>
      </div>
    </form>
  );
}

export function AccountsPage() {
  usePageTitle('Accounts');
  const [q, setQ] = useSearchQuery();
  const [ownerFilter, setOwnerFilter] = useOwnerFilter();
  const me = useMe();
  const accounts = useAccounts({ q, ...ownerFilter });
  const rows = accounts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="accounts-heading">
      <div className="page-header">
        <h1 id="accounts-heading">Accounts</h1>
      </div>
      <CreateAccountForm />
      <SearchBox label="Search accounts" hint="Part of the name or domain" value={q} onChange={setQ}>
        {/* The directory is shared: anyone may narrow it to their own records, managers and admins to a team or person. */}
        {me.data && <OwnerFilterFields me={me.data} filter={ownerFilter} onChange={setOwnerFilter} />}
      </SearchBox>
      {accounts.isPending ? (
        <LoadingState label="Loading accounts…" />
      ) : accounts.isError ? (
        <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <>
          <DataTable caption="Accounts" columns={columns} rows={rows} rowKey={(a) => a.id} exportName="accounts" empty="No accounts match." />
          {accounts.hasNextPage && (
            <Button variant="secondary" disabled={accounts.isFetchingNextPage} onClick={() => void accounts.fetchNextPage()}>
              {accounts.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
