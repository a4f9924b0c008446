import { useState } from 'react';
import { DataTable, Page, QueryView, RowAction, type Column } from '../../../components/ui';
import { useTeams, type Team } from '../api/useTeams';
import { CreateTeamForm } from './CreateTeamForm';
import { RenameTeamDialog } from './RenameTeamDialog';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function TeamsPage() {
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
        <RowAction
          label={`Rename ${team.name}`}
          onClick={() => {
            setRenaming(team);
          }}
        >
          Rename
        </RowAction>
      ),
    },
  ];

  return (
    <Page title="Teams">
      <CreateTeamForm />
      <QueryView query={teams} loadingLabel="Loading teams…">
        {(rows) => (
          <DataTable
            caption="Teams"
            columns={columns}
            rows={rows}
            rowKey={(team) => team.id}
            exportName="teams"
            empty="No teams yet. Create the first one above."
          />
        )}
      </QueryView>
      {renaming && (
        <RenameTeamDialog
          teamId={renaming.id}
          onClose={() => {
            setRenaming(null);
          }}
        />
      )}
    </Page>
  );
}
