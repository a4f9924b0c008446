import type { ReactNode } from 'react';
import { DataTable, RowAction, type Column } from '../../../components/ui';
import { roleLabel } from '../../auth';
import type { Team } from '../../teams/api/useTeams';
import type { User } from '../api/useUsers';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface Props {
  users: readonly User[];
  teams: readonly Team[];
  currentUserId: string | null;
  empty: ReactNode;
  onEdit: (user: User) => void;
  onSetActive: (user: User) => void;
}

export function UsersTable({ users, teams, currentUserId, empty, onEdit, onSetActive }: Props) {
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const teamName = (user: User) => (user.teamId ? (teamNames.get(user.teamId) ?? '') : '');

  const columns: Column<User>[] = [
    { id: 'name', header: 'Name', rowHeader: true, cell: (u) => u.displayName, csv: (u) => u.displayName },
    { id: 'email', header: 'Email', cell: (u) => u.email, csv: (u) => u.email },
    { id: 'role', header: 'Role', cell: (u) => roleLabel(u.role), csv: (u) => roleLabel(u.role) },
    { id: 'team', header: 'Team', cell: (u) => teamName(u) || <span className="muted">—</span>, csv: teamName },
    {
      id: 'status',
      header: 'Status',
      cell: (u) => (
        <span className={`badge ${u.isActive ? 'badge--active' : 'badge--inactive'}`}>
          {u.isActive ? 'Active' : 'Inactive'}
        </span>
      ),
      csv: (u) => (u.isActive ? 'Active' : 'Inactive'),
    },
    {
      id: 'created',
      header: 'Created',
      cell: (u) => dateFormat.format(new Date(u.createdAt)),
      csv: (u) => u.createdAt,
    },
    {
      id: 'actions',
      header: 'Actions',
      cell: (u) => (
        <div className="table__actions">
          <RowAction
            label={`Edit ${u.displayName}`}
            onClick={() => {
              onEdit(u);
            }}
          >
            Edit
          </RowAction>
          {u.id !== currentUserId && (
            <RowAction
              label={`${u.isActive ? 'Deactivate' : 'Reactivate'} ${u.displayName}`}
              onClick={() => {
                onSetActive(u);
              }}
            >
              {u.isActive ? 'Deactivate' : 'Reactivate'}
            </RowAction>
          )}
        </div>
      ),
    },
  ];

  return (
    <DataTable
      caption="Users"
      columns={columns}
      rows={users}
      rowKey={(u) => u.id}
      exportName="users"
      empty={empty}
    />
  );
}
