export const activityKeys = {
  all: ['activities'] as const,
  list: (filters: { ownerId?: string; opportunityId?: string }) => [...activityKeys.all, 'list', filters] as const,
};
