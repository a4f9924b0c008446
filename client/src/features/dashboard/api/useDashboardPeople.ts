import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import type { Me } from '../../auth';
import { dashboardKeys } from './dashboardKeys';

export type Team = Schema<'TeamDto'>;
export interface Person {
  id: string;
  displayName: string;
  teamId: string | null;
}

/**
 * The teams and people the signed-in person may pick on the dashboard, as the metric endpoints allow:
 * a rep themself and their team; a manager their team and its people; an admin everyone.
 */
export function useDashboardPeople(me: Me) {
  const teams = useQuery({
    queryKey: dashboardKeys.teams(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/teams', { params: { query: { limit: 200 } } }))).items,
    staleTime: 5 * 60_000,
  });
  // Reps cannot list people (403); they pick only themselves.
  const people = useQuery({
    queryKey: dashboardKeys.people(),
    queryFn: async () => (await unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } }))).items,
    staleTime: 5 * 60_000,
    enabled: me.role !== 'rep',
  });

  const visibleTeams = (teams.data ?? []).filter((team) => me.role === 'admin' || team.id === me.teamId);
  const visiblePeople: Person[] =
    me.role === 'rep'
      ? [{ id: me.id, displayName: me.displayName, teamId: me.teamId }]
      : (people.data ?? [])
          .filter((person) => person.role !== 'admin' && (me.role === 'admin' || person.teamId === me.teamId))
          .map(({ id, displayName, teamId }) => ({ id, displayName, teamId }));
  const names = new Map(visiblePeople.map((p) => [p.id, p.displayName]));
  names.set(me.id, me.displayName);

  return {
    teams: visibleTeams,
    people: visiblePeople,
    /** The name of anyone in view (and the signed-in person), for figures keyed by user id. */
    nameOf: (id: string) => names.get(id) ?? 'Someone outside this view',
    isPending: teams.isPending || (me.role !== 'rep' && people.isPending),
    error: teams.error ?? people.error,
    refetch: () => {
      void teams.refetch();
      if (me.role !== 'rep') void people.refetch();
    },
  };
}
