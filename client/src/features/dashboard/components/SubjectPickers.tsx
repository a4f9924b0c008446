import { SelectField } from '../../../components/ui';
import type { Me } from '../../auth';
import type { useDashboardPeople } from '../api/useDashboardPeople';

interface Props {
  me: Me;
  people: ReturnType<typeof useDashboardPeople>;
  teamId: string;
  userId: string;
  /** The address changes (`useUrlParams`): a new team also clears the rep picked. */
  onChange: (changes: { teamId?: string; userId: string | null }) => void;
}

/**
 * The team and rep a metric page reads, as the metric endpoints allow: an admin anyone (default the whole
 * organisation), a manager their team (default) and its reps, a rep themself (default) or their team's aggregates.
 */
export function SubjectPickers({ me, people, teamId, userId, onChange }: Props) {
  const teamPlaceholder = me.role === 'admin' ? 'Whole organisation' : me.role === 'rep' ? 'Just me' : undefined;
  const repOptions = people.people.filter((p) => !teamId || p.teamId === teamId);
  const repPlaceholder = me.role === 'rep' && !teamId ? undefined : teamId || me.role === 'manager' ? 'Whole team' : 'Everyone';
  const teamValue = teamId || (me.role === 'manager' ? (me.teamId ?? '') : '');
  const repValue = userId || (repPlaceholder === undefined ? me.id : '');
  return (
    <>
      <SelectField
        label="Team"
        name="teamId"
        options={people.teams.map((t) => ({ value: t.id, label: t.name }))}
        placeholder={teamPlaceholder}
        value={teamValue}
        disabled={people.isPending}
        onChange={(event) => {
          onChange({ teamId: event.target.value, userId: null });
        }}
      />
      <SelectField
        label="Rep"
        name="userId"
        options={repOptions.map((p) => ({ value: p.id, label: p.displayName }))}
        placeholder={repPlaceholder}
        value={repValue}
        disabled={people.isPending}
        onChange={(event) => {
          onChange({ userId: event.target.value });
        }}
      />
    </>
  );
}
