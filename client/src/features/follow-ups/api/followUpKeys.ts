export const followUpKeys = {
  all: ['follow-ups'] as const,
  mine: (ownerId: string, dueTo: string) => [...followUpKeys.all, 'mine', ownerId, dueTo] as const,
};
