import { useRef, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { FormPanel, TextField, useToast } from '../../../components/ui';
import { useCreateTeam } from '../api/useCreateTeam';

export function CreateTeamForm() {
  const createTeam = useCreateTeam();
  const toast = useToast();
  const nameRef = useRef<HTMLInputElement>(null);
  const problem = createTeam.error ? toApiProblem(createTeam.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = new FormData(form).get('name');
    createTeam.mutate(
      { name: typeof name === 'string' ? name : '' },
      {
        onSuccess: (team) => {
          form.reset();
          nameRef.current?.focus();
          toast.show(`Team “${team.name}” created.`);
        },
        onError: () => {
          nameRef.current?.focus();
        },
      },
    );
  }

  return (
    <FormPanel
      title="New team"
      onSubmit={handleSubmit}
      problem={problem}
      fields={['name']}
      submitLabel="Create team"
      pendingLabel="Creating…"
      pending={createTeam.isPending}
    >
      <TextField ref={nameRef} label="Team name" name="name" maxLength={100} required problem={problem} />
    </FormPanel>
  );
}
