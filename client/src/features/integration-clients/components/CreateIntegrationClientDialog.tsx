import type { SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, CheckboxGroup, Dialog, FormAlert, TextField } from '../../../components/ui';
import { useCreateIntegrationClient, type IntegrationClientCreated } from '../api/useCreateIntegrationClient';
import { INTEGRATION_SCOPES } from '../scopes';

const FIELDS = ['name', 'scopes'];

interface Props {
  onClose: () => void;
  /** Receives the one response that holds the secret. */
  onCreated: (created: IntegrationClientCreated) => void;
}

export function CreateIntegrationClientDialog({ onClose, onCreated }: Props) {
  const create = useCreateIntegrationClient();
  const problem = create.error ? toApiProblem(create.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = form.get('name');
    create.mutate(
      {
        name: typeof name === 'string' ? name : '',
        scopes: form.getAll('scopes').filter((scope): scope is string => typeof scope === 'string'),
      },
      { onSuccess: onCreated },
    );
  }

  return (
    <Dialog title="New integration client" onClose={onClose}>
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={create.isPending}>
        <FormAlert problem={problem} fields={FIELDS} />
        <TextField
          label="Name"
          name="name"
          hint="What connects with it, e.g. “Dialer — Aircall”."
          maxLength={100}
          autoComplete="off"
          required
          problem={problem}
        />
        <CheckboxGroup legend="Scopes" name="scopes" options={INTEGRATION_SCOPES} problem={problem} />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create client'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
