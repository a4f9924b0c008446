export const surveyKeys = {
  all: ['surveys'] as const,
  open: () => [...surveyKeys.all, 'open'] as const,
};
