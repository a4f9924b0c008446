export const peopleKeys = {
  all: ['people'] as const,
  readiness: (teamId: string) => [...peopleKeys.all, 'readiness', teamId] as const,
  expiring: (teamId: string) => [...peopleKeys.all, 'expiring', teamId] as const,
  ramp: (teamId: string, cohort: string) => [...peopleKeys.all, 'ramp', teamId, cohort] as const,
  quadrant: (teamId: string, quarter: string) => [...peopleKeys.all, 'quadrant', teamId, quarter] as const,
  surveyTrend: (teamId: string) => [...peopleKeys.all, 'survey-trend', teamId] as const,
  earnings: (teamId: string, period: string, start: string) => [...peopleKeys.all, 'earnings', teamId, period, start] as const,
  statement: (userId: string, period: string, start: string) => [...peopleKeys.all, 'statement', userId, period, start] as const,
  certifications: () => [...peopleKeys.all, 'certifications'] as const,
  certification: (id: string) => [...peopleKeys.all, 'certification', id] as const,
  plans: () => [...peopleKeys.all, 'plans'] as const,
  assignments: (userId: string) => [...peopleKeys.all, 'assignments', userId] as const,
};
