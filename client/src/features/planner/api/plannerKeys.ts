import type { PlannerQuery } from './usePlanner';

export const plannerKeys = {
  all: ['planner'] as const,
  plan: (query: PlannerQuery) => [...plannerKeys.all, 'plan', query] as const,
  timeEntryLists: () => [...plannerKeys.all, 'time-entries', 'list'] as const,
  timeEntryList: (ownerId: string, from: string) => [...plannerKeys.timeEntryLists(), { ownerId, from }] as const,
  timeEntry: (id: string) => [...plannerKeys.all, 'time-entries', 'detail', id] as const,
};
