import { useRef, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { toApiProblem } from '../../../api/problem';
import { FormPanel, Page, PagedTable, TextField, useToast, type Column } from '../../../components/ui';
import { useAccounts, useCreateAccount, type Account } from '../api/useDirectory';
import { text } from './formText';
import { useDirectoryFilters } from '../hooks/useDirectoryFilters';
import { DirectorySearch } from './DirectorySearch';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const columns: Column<Account>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (a) => <Link to={`/accounts/${a.id}`}>{a.name}</Link>, csv: (a) => a.name },
  { id: 'domain', header: 'Domain', cell: (a) => a.domain ?? '—', csv: (a) => a.domain },
  { id: 'industry', header: 'Industry', cell: (a) => a.industry ?? '—', csv: (a) => a.industry },
  { id: 'created', header: 'Created', cell: (a) => dateFormat.format(new Date(a.createdAt)), csv: (a) => a.createdAt },
];

const FIELDS = ['name', 'domain', 'industry'] as const;

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
    <FormPanel
      title="New account"
      onSubmit={handleSubmit}
      problem={problem}
      fields={FIELDS}
      submitLabel="Create account"
      pendingLabel="Creating…"
      pending={create.isPending}
    >
      <TextField ref={nameRef} label="Account name" name="name" maxLength={200} required problem={problem} />
      <TextField label="Domain" name="domain" maxLength={200} problem={problem} />
      <TextField label="Industry" name="industry" maxLength={200} problem={problem} />
    </FormPanel>
  );
}

export function AccountsPage() {
  const directory = useDirectoryFilters();
  const accounts = useAccounts(directory.filters);

  return (
    <Page title="Accounts">
      <CreateAccountForm />
      <DirectorySearch label="Search accounts" hint="Part of the name or domain" {...directory} />
      <PagedTable
        query={accounts}
        loadingLabel="Loading accounts…"
        caption="Accounts"
        columns={columns}
        rowKey={(a) => a.id}
        exportName="accounts"
        empty="No accounts match."
      />
    </Page>
  );
}
