import { useState } from 'react';
import { Button, DataTable, ErrorState, LoadingState, usePageTitle, type Column } from '../../../components/ui';
import { useTeams, type Team } from '../api/useTeams';
import { CreateTeamForm } from './CreateTeamForm';
import { RenameTeamDialog } from './RenameTeamDialog';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function TeamsPage() {
  usePageTitle('Teams');
  const teams = useTeams();
  const [renaming, setRenaming] = useState<Team | null>(null);

  const columns: Column<Team>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (team) => team.name, csv: (team) => team.name },
    {
      id: 'created',
      header: 'Created',
      cell: (team) => dateFormat.format(new Date(team.createdAt)),
      csv: (team) => team.createdAt,
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (team) => (
        <Button
          variant="secondary"
          className="button--small"
          aria-label={`Rename ${team.name}`}
          onClick={() => {
            setRenaming(team);
          }}
        >
          Rename
        </Button>
      ),
    },
  ];

  return (
    <section aria-labelledby="teams-heading">
      <div className="page-header">
        <h1 id="teams-heading">Teams</h1>
      </div>
      <CreateTeamForm />
      {teams.isPending ? (
        <LoadingState label="Loading teams…" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : (
        <DataTable
          caption="Teams"
          columns={columns}
          rows={teams.data}
          rowKey={(team) => team.id}
          exportName="teams"
          empty="No teams yet. Create the first one above."
        />
      )}
      {renaming && (
        <RenameTeamDialog
          teamId={renaming.id}
          onClose={() => {
            setRenaming(null);
          }}
        />
      )}
    </section>
  );
}
