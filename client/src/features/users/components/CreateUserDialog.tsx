import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Button, Dialog, FormAlert, TextField, useToast } from '../../../components/ui';
import { useCreateUser } from '../api/useCreateUser';
import { textOf } from './formValues';
import { RoleAndTeamFields, type RoleAndTeam } from './RoleAndTeamFields';

const FIELDS = ['email', 'displayName', 'role', 'teamId', 'password'];

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const createUser = useCreateUser();
  const toast = useToast();
  const [roleAndTeam, setRoleAndTeam] = useState<RoleAndTeam>({ role: 'rep', teamId: null });
  const problem = createUser.error ? toApiProblem(createUser.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    createUser.mutate(
      {
        email: textOf(form, 'email'),
        displayName: textOf(form, 'displayName'),
        ...roleAndTeam,
        password: textOf(form, 'password'),
      },
      {
        onSuccess: (user) => {
          toast.show(`${user.displayName} can now sign in as ${user.email}.`);
          onClose();
        },
      },
    );
  }

  return (
    <Dialog title="New user" onClose={onClose}>
      <form className="form" onSubmit={handleSubmit} noValidate aria-busy={createUser.isPending}>
        <FormAlert problem={problem} fields={FIELDS} />
        <TextField label="Email" name="email" type="email" autoComplete="off" required problem={problem} />
        <TextField label="Name" name="displayName" autoComplete="off" required problem={problem} />
        <RoleAndTeamFields value={roleAndTeam} onChange={setRoleAndTeam} problem={problem} />
        <TextField
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          hint="12 to 128 characters. Give it to the person; they can change it from their account menu."
          required
          problem={problem}
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={createUser.isPending}>
            {createUser.isPending ? 'Creating…' : 'Create user'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
