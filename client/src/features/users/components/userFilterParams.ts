export interface UserFilterValues {
  search: string;
  teamId: string | null;
  isActive: boolean | null;
}

/** The filters live in the address (`?q=&team=&status=`), so back, forward and links keep them. */
export function readUserFilters(params: URLSearchParams): UserFilterValues {
  const status = params.get('status');
  return {
    search: params.get('q') ?? '',
    teamId: params.get('team') || null,
    isActive: status === 'active' ? true : status === 'inactive' ? false : null,
  };
}

export function toUserFilterParams(filters: UserFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.teamId) params.set('team', filters.teamId);
  if (filters.isActive !== null) params.set('status', filters.isActive ? 'active' : 'inactive');
  return params;
}
