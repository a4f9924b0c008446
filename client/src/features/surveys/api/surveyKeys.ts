export const surveyKeys = {
  all: ['surveys'] as const,
  open: () => [...surveyKeys.all, 'open'] as const,
  /** Every survey of one audience: a team's id, or `null` for the organisation (a manager's own team). */
  list: (teamId: string | null) => [...surveyKeys.all, 'list', teamId ?? 'organisation'] as const,
};
