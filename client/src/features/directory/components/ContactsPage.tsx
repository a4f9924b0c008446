import { useRef, type SubmitEvent } from 'react';
import { Link } from 'react-router';
import { toApiProblem } from '../../../api/problem';
import { FormPanel, Page, PagedTable, TextField, useToast, type Column } from '../../../components/ui';
import { useContacts, useCreateContact, type Contact } from '../api/useDirectory';
import { text } from './formText';
import { useDirectoryFilters } from '../hooks/useDirectoryFilters';
import { DirectorySearch } from './DirectorySearch';

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
    <FormPanel
      title="New contact"
      onSubmit={handleSubmit}
      problem={problem}
      fields={FIELDS}
      submitLabel="Create contact"
      pendingLabel="Creating…"
      pending={create.isPending}
    >
      <TextField ref={firstRef} label="First name" name="firstName" maxLength={100} required problem={problem} />
      <TextField label="Last name" name="lastName" maxLength={100} required problem={problem} />
      <TextField label="Email" name="email" type="email" maxLength={254} problem={problem} />
      <TextField label="Phone" name="phone" type="tel" maxLength={50} problem={problem} />
      <TextField label="Title" name="title" maxLength={200} problem={problem} />
    </FormPanel>
  );
}

export function ContactsPage() {
  const directory = useDirectoryFilters();
  const contacts = useContacts(directory.filters);

  return (
    <Page title="Contacts">
      <CreateContactForm />
      <DirectorySearch label="Search contacts" hint="Part of the name or email" {...directory} />
      <PagedTable
        query={contacts}
        loadingLabel="Loading contacts…"
        caption="Contacts"
        columns={columns}
        rowKey={(c) => c.id}
        exportName="contacts"
        empty="No contacts match."
      />
    </Page>
  );
}
