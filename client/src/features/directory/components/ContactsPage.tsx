import { useRef, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { toApiProblem } from '../../../api/problem';
import { Button, DataTable, ErrorState, FormAlert, LoadingState, TextField, usePageTitle, useToast, type Column } from '../../../components/ui';
import { useContacts, useCreateContact, type Contact } from '../api/useDirectory';
import { useMe } from '../../auth';
import { OwnerFilterFields } from '../../users/components/OwnerFilterFields';
import { useOwnerFilter } from '../../users/hooks/useOwnerFilter';
import { text } from './formText';
import { useSearchQuery } from '../hooks/useSearchQuery';
import { SearchBox } from './SearchBox';

const fullName = (c: Contact) => `${c.firstName} ${c.lastName}`;

const columns: Column<Contact>[] = [
  { id: 'name', header: 'Name', rowHeader: true, cell: (c) => <Link to={`/contacts/${c.id}`}>{fullName(c)}</Link>, csv: fullName },
  { id: 'title', header: 'Title', cell: (c) => c.title ?? '—', csv: (c) => c.title },
  { id: 'email', header: 'Email', cell: (c) => c.email ?? '—', csv: (c) => c.email },
  { id: 'phone', header: 'Phone', cell: (c) => c.phone ?? '—', csv: (c) => c.phone },
];

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'title'] as const;

function CreateContactForm() {
  const create = useCreateContact();
  const toast = useToast();
  const firstRef = useRef<HTMLInputElement>(null);
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    create.mutate(
      {
        firstName: text(data, 'firstName') ?? '',
        lastName: text(data, 'lastName') ?? '',
        email: text(data, 'email'),
        phone: text(data, 'phone'),
        title: text(data, 'title'),
      },
      {
        onSuccess: (contact) => {
          form.reset();
          firstRef.current?.focus();
          toast.show(`Contact “${fullName(contact)}” created.`);
        },
        onError: () => firstRef.current?.focus(),
      },
    );
  }

  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="create-contact-heading">
      <h2 id="create-contact-heading">New contact</h2>
      <FormAlert problem={problem} fields={FIELDS} />
      <div className="form form--inline">
        <TextField ref={firstRef} label="First name" name="firstName" maxLength={100} required problem={problem} />
        <TextField label="Last name" name="lastName" maxLength={100} required problem={problem} />
        <TextField label="Email" name="email" type="email" maxLength={254} problem={problem} />
        <TextField label="Phone" name="phone" type="tel" maxLength={50} problem={problem} />
        <TextField label="Title" name="title" maxLength={200} problem={problem} />
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create contact'}
        </Button>
      </div>
    </form>
  );
}

export function ContactsPage() {
  usePageTitle('Contacts');
  const [q, setQ] = useSearchQuery();
  const [ownerFilter, setOwnerFilter] = useOwnerFilter();
  const me = useMe();
  const contacts = useContacts({ q, ...ownerFilter });
  const rows = contacts.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="contacts-heading">
      <div className="page-header">
        <h1 id="contacts-heading">Contacts</h1>
      </div>
      <CreateContactForm />
      <SearchBox label="Search contacts" hint="Part of the name or email" value={q} onChange={setQ}>
        {/* The directory is shared: anyone may narrow it to their own records, managers and admins to a team or person. */}
        {me.data && <OwnerFilterFields me={me.data} filter={ownerFilter} onChange={setOwnerFilter} />}
      </SearchBox>
      {contacts.isPending ? (
        <LoadingState label="Loading contacts…" />
      ) : contacts.isError ? (
        <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
      ) : (
        <>
          <DataTable caption="Contacts" columns={columns} rows={rows} rowKey={(c) => c.id} exportName="contacts" empty="No contacts match." />
          {contacts.hasNextPage && (
            <Button variant="secondary" disabled={contacts.isFetchingNextPage} onClick={() => void contacts.fetchNextPage()}>
              {contacts.isFetchingNextPage ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </section>
  );
}
