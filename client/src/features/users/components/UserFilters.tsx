import { SelectField, TextField } from '../../../components/ui';
import type { Team } from '../../teams/api/useTeams';
import { toUserFilterParams, type UserFilterValues } from './userFilterParams';

const STATUS_OPTIONS = [
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
];

interface Props {
  filters: UserFilterValues;
  teams: readonly Team[];
  onChange: (params: URLSearchParams) => void;
}

export function UserFilters({ filters, teams, onChange }: Props) {
  const update = (change: Partial<UserFilterValues>) => {
    onChange(toUserFilterParams({ ...filters, ...change }));
  };
  return (
    <div className="filters" role="search" aria-label="Filter users">
      <TextField
        label="Search by name or email"
        name="q"
        type="search"
        value={filters.search}
        onChange={(event) => {
          update({ search: event.target.value });
        }}
      />
      <SelectField
        label="Team"
        name="team"
        placeholder="All teams"
        options={teams.map((team) => ({ value: team.id, label: team.name }))}
        value={filters.teamId ?? ''}
        onChange={(event) => {
          update({ teamId: event.target.value || null });
        }}
      />
      <SelectField
        label="Status"
        name="status"
        placeholder="Active and inactive"
        options={STATUS_OPTIONS}
        value={filters.isActive === null ? '' : filters.isActive ? 'active' : 'inactive'}
        onChange={(event) => {
          const value = event.target.value;
          update({ isActive: value === 'active' ? true : value === 'inactive' ? false : null });
        }}
      />
    </div>
  );
}
