export const calendarKeys = {
  all: ['calendar'] as const,
  nonWorkingDays: () => [...calendarKeys.all, 'non-working-days'] as const,
};
