import type { SubmitEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { Tagged } from '../../../api/client';
import { toApiProblem } from '../../../api/problem';
import { ErrorState, FormPanel, LoadingState, TextField, usePageTitle, useToast } from '../../../components/ui';
import { directoryKeys } from '../api/directoryKeys';
import { useContact, useContactTimeline, useUpdateContact, type Contact } from '../api/useDirectory';
import { text } from './formText';
import { RecordTimeline } from '../../activities/components/RecordTimeline';

const FIELDS = ['firstName', 'lastName', 'email', 'phone', 'title'] as const;

export function ContactPage() {
  const { id = '' } = useParams();
  const contact = useContact(id);
  const timeline = useContactTimeline(id);
  const name = contact.data ? `${contact.data.data.firstName} ${contact.data.data.lastName}` : 'Contact';
  usePageTitle(name);

  if (contact.isPending) return <LoadingState label="Loading contact…" />;
  if (contact.isError) return <ErrorState error={contact.error} onRetry={() => void contact.refetch()} />;
  return (
    <section aria-labelledby="contact-heading">
      <div className="page-header">
        <h1 id="contact-heading">{name}</h1>
      </div>
      <p>
        <Link to="/contacts">All contacts</Link>
        {contact.data.data.accountId && (
          <>
            {' · '}
            <Link to={`/accounts/${contact.data.data.accountId}`}>Their account</Link>
          </>
        )}
      </p>
      <EditContactForm key={contact.data.data.version} contact={contact.data} />
      <RecordTimeline timeline={timeline} />
    </section>
  );
}

function EditContactForm({ contact: tagged }: { contact: Tagged<Contact> }) {
  const contact = tagged.data;
  const update = useUpdateContact(contact.id);
  const queryClient = useQueryClient();
  const toast = useToast();
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    update.mutate(
      {
        etag: tagged.etag,
        body: {
          firstName: text(data, 'firstName') ?? '',
          lastName: text(data, 'lastName') ?? '',
          accountId: contact.accountId,
          email: text(data, 'email'),
          phone: text(data, 'phone'),
          title: text(data, 'title'),
        },
      },
      { onSuccess: () => { toast.show('Contact saved.'); } },
    );
  }

  return (
    <FormPanel
      title="Edit contact"
      layout="stacked"
      onSubmit={handleSubmit}
      problem={problem}
      fields={FIELDS}
      onReload={() => void queryClient.invalidateQueries({ queryKey: directoryKeys.contact(contact.id) })}
      submitLabel="Save"
      pendingLabel="Saving…"
      pending={update.isPending}
    >
      <TextField label="First name" name="firstName" defaultValue={contact.firstName} maxLength={100} required problem={problem} />
      <TextField label="Last name" name="lastName" defaultValue={contact.lastName} maxLength={100} required problem={problem} />
      <TextField label="Email" name="email" type="email" defaultValue={contact.email ?? ''} maxLength={254} problem={problem} />
      <TextField label="Phone" name="phone" type="tel" defaultValue={contact.phone ?? ''} maxLength={50} problem={problem} />
      <TextField label="Title" name="title" defaultValue={contact.title ?? ''} maxLength={200} problem={problem} />
    </FormPanel>
  );
}
