import type { PlannerQuery } from './usePlanner';

export const plannerKeys = {
  all: ['planner'] as const,
  plan: (query: PlannerQuery) => [...plannerKeys.all, 'plan', query] as const,
};
