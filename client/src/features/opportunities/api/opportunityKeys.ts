/** The board's owner and team filters (empty: everything in the caller's scope). */
export interface BoardFilters {
  ownerId?: string;
  teamId?: string;
}

export const opportunityKeys = {
  all: ['opportunities'] as const,
  board: (pipelineId: string, filters: BoardFilters) => [...opportunityKeys.all, 'board', pipelineId, filters] as const,
  open: () => [...opportunityKeys.all, 'open'] as const,
  detail: (id: string) => [...opportunityKeys.all, 'detail', id] as const,
  history: (id: string) => [...opportunityKeys.all, 'history', id] as const,
  timeline: (id: string) => [...opportunityKeys.all, 'timeline', id] as const,
  account: (id: string) => ['accounts', 'detail', id] as const,
};
