import type { ApiProblem } from '../../../api/problem';
import { SelectField } from '../../../components/ui';
import { ROLES, roleLabel, type Role } from '../../auth';
import { useTeams } from '../../teams/api/useTeams';

export interface RoleAndTeam {
  role: Role;
  teamId: string | null;
}

interface Props {
  value: RoleAndTeam;
  onChange: (value: RoleAndTeam) => void;
  problem: ApiProblem | null;
}

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabel(role) }));

/** Role and team; a manager manages the team they are given, so for them the team is required. */
export function RoleAndTeamFields({ value, onChange, problem }: Props) {
  const teams = useTeams();
  const teamRequired = value.role === 'manager';
  return (
    <>
      <SelectField
        label="Role"
        name="role"
        options={ROLE_OPTIONS}
        value={value.role}
        onChange={(event) => {
          onChange({ ...value, role: event.target.value as Role });
        }}
        problem={problem}
      />
      <SelectField
        label={teamRequired ? 'Team (required for managers)' : 'Team'}
        name="teamId"
        hint={teamRequired ? 'The team this manager manages.' : 'Optional for reps and administrators.'}
        placeholder={teams.isPending ? 'Loading teams…' : 'No team'}
        options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
        value={value.teamId ?? ''}
        onChange={(event) => {
          onChange({ ...value, teamId: event.target.value || null });
        }}
        required={teamRequired}
        aria-required={teamRequired || undefined}
        disabled={teams.isPending}
        problem={problem}
        errors={teams.isError ? ['The teams could not be loaded.'] : undefined}
      />
    </>
  );
}
