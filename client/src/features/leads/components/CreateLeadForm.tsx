import { useRef, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, FormAlert, TextField, useToast } from '../../../components/ui';
import { useCreateLead } from '../api/useLeads';

const FIELDS = ['name', 'company', 'email', 'phone', 'source'] as const;

function text(data: FormData, name: string): string | null {
  const value = data.get(name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function CreateLeadForm() {
  const createLead = useCreateLead();
  const toast = useToast();
  const nameRef = useRef<HTMLInputElement>(null);
  const problem = createLead.error ? toApiProblem(createLead.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    createLead.mutate(
      {
        name: text(data, 'name') ?? '',
        company: text(data, 'company'),
        email: text(data, 'email'),
        phone: text(data, 'phone'),
        source: text(data, 'source'),
      },
      {
        onSuccess: (lead) => {
          form.reset();
          nameRef.current?.focus();
          toast.show(`Lead “${lead.name}” created.`);
        },
        onError: () => nameRef.current?.focus(),
      },
    );
  }

  return (
    <form className="panel form" onSubmit={handleSubmit} noValidate aria-labelledby="create-lead-heading">
      <h2 id="create-lead-heading">New lead</h2>
      <FormAlert problem={problem} fields={FIELDS} />
      <div className="form form--inline">
        <TextField ref={nameRef} label="Name" name="name" maxLength={200} required problem={problem} />
        <TextField label="Company" name="company" maxLength={200} problem={problem} />
        <TextField label="Email" name="email" type="email" maxLength={254} problem={problem} />
        <TextField label="Phone" name="phone" type="tel" maxLength={50} problem={problem} />
        <TextField label="Source" name="source" maxLength={200} problem={problem} />
        <Button type="submit" disabled={createLead.isPending}>
          {createLead.isPending ? 'Creating…' : 'Create lead'}
        </Button>
      </div>
    </form>
  );
}
