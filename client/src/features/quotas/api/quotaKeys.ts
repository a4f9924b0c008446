export const quotaKeys = {
  all: ['quotas'] as const,
  list: (userId: string) => [...quotaKeys.all, 'list', userId] as const,
  reps: () => [...quotaKeys.all, 'reps'] as const,
};
