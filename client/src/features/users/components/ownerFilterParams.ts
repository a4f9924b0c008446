/** The owner and team a list is narrowed to; empty strings mean "anyone". */
export interface OwnerFilter {
  ownerId: string;
  teamId: string;
}

/** The filter lives in the address as `?owner=&team=` (the pipeline board's names), so links and back keep it. */
export function readOwnerFilter(params: URLSearchParams): OwnerFilter {
  return { ownerId: params.get('owner') ?? '', teamId: params.get('team') ?? '' };
}

export function writeOwnerFilter(params: URLSearchParams, filter: OwnerFilter): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [name, value] of [
    ['owner', filter.ownerId],
    ['team', filter.teamId],
  ] as const) {
    if (value) next.set(name, value);
    else next.delete(name);
  }
  return next;
}

/** The list operations' `ownerId` and `teamId` query parameters, only those set. */
export function ownerFilterQuery(filter: OwnerFilter): { ownerId?: string; teamId?: string } {
  return {
    ...(filter.ownerId ? { ownerId: filter.ownerId } : {}),
    ...(filter.teamId ? { teamId: filter.teamId } : {}),
  };
}
