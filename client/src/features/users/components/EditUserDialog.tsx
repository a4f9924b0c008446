import { useState, type SubmitEvent } from 'react';
import type { Tagged } from '../../../api/client';
import { toApiProblem } from '../../../api/problem';
import { Alert, Dialog, DialogForm, QueryView, TextField, useToast } from '../../../components/ui';
import { useUpdateUser } from '../api/useUpdateUser';
import { useUser } from '../api/useUser';
import type { User } from '../api/useUsers';
import { textOf } from './formValues';
import { RoleAndTeamFields, type RoleAndTeam } from './RoleAndTeamFields';

const FIELDS = ['displayName', 'role', 'teamId', 'startedOn'];

/** Edits name, role and team of the version just read; a stale save (412) offers to reload. */
export function EditUserDialog({ userId, onClose }: { userId: string; onClose: () => void }) {
  const user = useUser(userId);
  const [reloaded, setReloaded] = useState(false);
  return (
    <Dialog title="Edit user" onClose={onClose}>
      <QueryView query={user} loadingLabel="Loading user…">
        {(tagged) => (
          <EditUserForm
            // A new version (after a reload) starts the form afresh from it.
            key={tagged.data.version}
            user={tagged}
            reloading={user.isFetching}
            reloaded={reloaded}
            onReload={() => {
              setReloaded(true);
              void user.refetch();
            }}
            onClose={onClose}
          />
        )}
      </QueryView>
    </Dialog>
  );
}

/** The start date when set; null to clear one that was set; omitted (kept as it is) when there was none and is none. */
function startedOnChange(form: FormData, current: string | null | undefined): { startedOn?: string | null } {
  const value = textOf(form, 'startedOn');
  if (value) return { startedOn: value };
  return current ? { startedOn: null } : {};
}

interface FormProps {
  user: Tagged<User>;
  reloading: boolean;
  reloaded: boolean;
  onReload: () => void;
  onClose: () => void;
}

function EditUserForm({ user, reloading, reloaded, onReload, onClose }: FormProps) {
  const update = useUpdateUser();
  const toast = useToast();
  const [roleAndTeam, setRoleAndTeam] = useState<RoleAndTeam>({ role: user.data.role, teamId: user.data.teamId });
  const problem = update.error ? toApiProblem(update.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate(
      {
        id: user.data.id,
        etag: user.etag,
        body: { displayName: textOf(form, 'displayName'), ...roleAndTeam, ...startedOnChange(form, user.data.startedOn) },
      },
      {
        onSuccess: (saved) => {
          toast.show(`${saved.data.displayName} saved.`);
          onClose();
        },
      },
    );
  }

  return (
    <DialogForm
      onSubmit={handleSubmit}
      onCancel={onClose}
      problem={problem}
      fields={FIELDS}
      onReload={() => {
        update.reset();
        onReload();
      }}
      submitLabel="Save"
      pending={update.isPending}
      disabled={reloading}
      busy={update.isPending}
    >
      {/* Shown only while there is no problem, so where FormAlert would be. */}
      {reloaded && !problem && <Alert tone="info">This is the latest version. Make your changes again.</Alert>}
      <p className="muted">
        Email: <span className="mono">{user.data.email}</span>
      </p>
      <TextField
        label="Name"
        name="displayName"
        defaultValue={user.data.displayName}
        autoComplete="off"
        required
        autoFocus
        problem={problem}
      />
      <RoleAndTeamFields value={roleAndTeam} onChange={setRoleAndTeam} problem={problem} />
      <TextField
        label="Start date"
        name="startedOn"
        type="date"
        hint="Ramp time counts from this day; empty uses the day the user was created."
        defaultValue={user.data.startedOn ?? ''}
        problem={problem}
      />
    </DialogForm>
  );
}
