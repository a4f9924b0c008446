import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { teamKeys } from './teamKeys';

export type Team = Schema<'TeamDto'>;
type TeamPage = Schema<'PageOfTeamDto'>;

/** The API's largest page; an organisation has few teams, so pickers read them all. */
const PAGE_SIZE = 200;

async function fetchAllTeams(): Promise<Team[]> {
  const teams: Team[] = [];
  let cursor: string | null = null;
  do {
    const page: TeamPage = await unwrap(
      api.GET('/api/v1/teams', { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }),
    );
    teams.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return teams;
}

/** Every team, oldest first: for the teams page, team pickers and showing a user's team by name. */
export function useTeams() {
  return useQuery({ queryKey: teamKeys.list(), queryFn: fetchAllTeams, staleTime: 60_000 });
}
