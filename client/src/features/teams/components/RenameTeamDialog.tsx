import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Alert, Dialog, DialogForm, QueryView, TextField, useToast } from '../../../components/ui';
import { useRenameTeam } from '../api/useRenameTeam';
import { useTeam } from '../api/useTeam';

export function RenameTeamDialog({ teamId, onClose }: { teamId: string; onClose: () => void }) {
  const team = useTeam(teamId);
  const rename = useRenameTeam();
  const toast = useToast();
  const [reloaded, setReloaded] = useState(false);
  const problem = rename.error ? toApiProblem(rename.error) : null;

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!team.data) return;
    const name = new FormData(event.currentTarget).get('name');
    rename.mutate(
      { id: teamId, etag: team.data.etag, body: { name: typeof name === 'string' ? name : '' } },
      {
        onSuccess: (saved) => {
          toast.show(`Team renamed to “${saved.data.name}”.`);
          onClose();
        },
      },
    );
  }

  function reload() {
    rename.reset();
    setReloaded(true);
    void team.refetch();
  }

  return (
    <Dialog title="Rename team" onClose={onClose}>
      <QueryView query={team} loadingLabel="Loading team…">
        {(tagged) => (
          <DialogForm
            key={tagged.data.version}
            onSubmit={handleSubmit}
            onCancel={onClose}
            problem={problem}
            fields={['name']}
            onReload={reload}
            submitLabel="Save"
            pending={rename.isPending}
            disabled={team.isFetching}
          >
            {/* Shown only while there is no problem, so where FormAlert would be. */}
            {reloaded && !problem && <Alert tone="info">This is the latest version. Make your change again.</Alert>}
            <TextField label="Team name" name="name" defaultValue={tagged.data.name} autoFocus maxLength={100} required problem={problem} />
          </DialogForm>
        )}
      </QueryView>
    </Dialog>
  );
}
