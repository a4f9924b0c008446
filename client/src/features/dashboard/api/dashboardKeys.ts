import type { MetricSubjectQuery } from './useActivityMetrics';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  teams: () => [...dashboardKeys.all, 'teams'] as const,
  people: () => [...dashboardKeys.all, 'people'] as const,
  activity: (query: MetricSubjectQuery, bucket: string) => [...dashboardKeys.all, 'activity', query, bucket] as const,
  activityMix: (query: MetricSubjectQuery) => [...dashboardKeys.all, 'activity-mix', query] as const,
  metric: (name: string, ...params: unknown[]) => [...dashboardKeys.all, 'metric', name, ...params] as const,
  explain: (section: string, figure: string, query: MetricSubjectQuery | Record<string, never>) =>
    [...dashboardKeys.all, 'explain', section, figure, query] as const,
};
