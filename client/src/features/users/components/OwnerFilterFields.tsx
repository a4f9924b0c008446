import { SelectField } from '../../../components/ui';
import type { Me } from '../../auth';
import { useTeams } from '../../teams/api/useTeams';
import { useUsers } from '../api/useUsers';
import type { OwnerFilter } from './ownerFilterParams';

interface Props {
  me: Me;
  filter: OwnerFilter;
  onChange: (next: OwnerFilter) => void;
}

/**
 * Owner (and, for managers and admins, team) pickers for a list. Reps cannot list people, so they
 * choose between their own records and everyone's; others pick from the people they can see.
 */
export function OwnerFilterFields({ me, filter, onChange }: Props) {
  return me.role === 'rep' ? (
    <OwnerField meId={me.id} people={[]} filter={filter} onChange={onChange} />
  ) : (
    <TeamAndOwnerFields me={me} filter={filter} onChange={onChange} />
  );
}

function TeamAndOwnerFields({ me, filter, onChange }: Props) {
  const teams = useTeams();
  const users = useUsers({ teamId: filter.teamId || null, isActive: true });
  const people = (users.data?.pages ?? []).flatMap((page) => page.items);
  return (
    <>
      <SelectField
        label="Team"
        name="team"
        placeholder="All teams"
        options={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
        value={filter.teamId}
        onChange={(event) => {
          // The owner picked may not be in the new team: start again from everyone in it.
          onChange({ teamId: event.target.value, ownerId: '' });
        }}
      />
      <OwnerField meId={me.id} people={people} filter={filter} onChange={onChange} />
    </>
  );
}

function OwnerField({
  meId,
  people,
  filter,
  onChange,
}: {
  meId: string;
  people: readonly { id: string; displayName: string }[];
  filter: OwnerFilter;
  onChange: (next: OwnerFilter) => void;
}) {
  return (
    <SelectField
      label="Owner"
      name="owner"
      placeholder="Everyone"
      options={[
        { value: meId, label: 'Me' },
        ...people.filter((p) => p.id !== meId).map((p) => ({ value: p.id, label: p.displayName })),
      ]}
      value={filter.ownerId}
      onChange={(event) => {
        onChange({ ...filter, ownerId: event.target.value });
      }}
    />
  );
}
