import { useState, type SubmitEvent } from 'react';
import { toApiProblem } from '../../../api/problem';
import { Alert, Button, Dialog, ErrorState, FormAlert, LoadingState, TextField, useToast } from '../../../components/ui';
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
      {team.isPending ? (
        <LoadingState label="Loading team…" />
      ) : team.isError ? (
        <ErrorState error={team.error} onRetry={() => void team.refetch()} />
      ) : (
        <form key={team.data.data.version} className="form" onSubmit={handleSubmit} noValidate>
          {reloaded && !problem && <Alert tone="info">This is the latest version. Make your change again.</Alert>}
          <FormAlert problem={problem} fields={['name']} onReload={reload} />
          <TextField
            label="Team name"
            name="name"
            defaultValue={team.data.data.name}
            autoFocus
            maxLength={100}
            required
            problem={problem}
          />
          <div className="form__actions">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={rename.isPending || team.isFetching}>
              {rename.isPending ? 'Saving…' : 'Save'}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
