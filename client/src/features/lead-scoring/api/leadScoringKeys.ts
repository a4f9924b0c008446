export const leadScoringKeys = {
  all: ['lead-scoring'] as const,
  rules: () => [...leadScoringKeys.all, 'rules'] as const,
  settings: () => [...leadScoringKeys.all, 'settings'] as const,
  events: (leadId: string) => [...leadScoringKeys.all, 'events', leadId] as const,
  metric: (name: string, query: unknown) => [...leadScoringKeys.all, 'metric', name, query] as const,
};
